#include "validate_command.h"

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "experiments/experiment_spec.h"
#include "experiments/tournament_spec.h"
#include "scenario_io.h"
#include "stories/story_io.h"
#include "text_encoding.h"

namespace tsunagari::cli {

namespace {

enum class FileKind { Scenario, Story, Experiment, Tournament, Evolution, Schema };

// The kind a file says it is by its "$schema", else by the keys only that kind has; a file
// that is none of them is read as a scenario, whose errors then name the unknown keys.
FileKind kindOf(const nlohmann::json& doc) {
    if (!doc.is_object()) return FileKind::Scenario;
    const std::string schema = doc.contains("$schema") && doc["$schema"].is_string()
                                   ? std::filesystem::path(doc["$schema"].get<std::string>()).filename().string()
                                   : "";
    const bool evolution = doc.contains("seasons") || doc.contains("dynamics") || doc.contains("season_length") ||
                           doc.contains("turnover");
    if (doc.contains("$schema") && doc["$schema"].is_string() &&
        doc["$schema"].get<std::string>().find("json-schema.org") != std::string::npos)
        return FileKind::Schema;
    if (schema == "story.schema.json" || (schema.empty() && doc.contains("steps"))) return FileKind::Story;
    if (schema == "tournament.schema.json" || (schema.empty() && doc.contains("strategies")))
        return evolution ? FileKind::Evolution : FileKind::Tournament;
    if (schema == "experiment.schema.json" || (schema.empty() && doc.contains("scenario") && !doc.contains("population")))
        return FileKind::Experiment;
    return FileKind::Scenario;
}

// Lists every error found (up to kMaxListedErrors, then how many more), one line each.
int validateScenario(const nlohmann::json& doc, const std::string& file, std::ostream& out, std::ostream& err) {
    for (const auto& warning : scenarioWarnings(doc, file)) err << warning << "\n";
    const ScenarioErrors errors = scenarioErrors(doc, file);
    if (errors.total > 0) {
        for (const auto& e : errors.listed) err << e.what() << "\n";
        if (errors.total > errors.listed.size())
            err << printableText(file) << ": and " << errors.total - errors.listed.size() << " more errors\n";
        return kExitBadInput;
    }
    const Scenario s = scenarioFromJson(doc, file);
    int attendees = 0;
    for (const auto& c : s.population) attendees += c.count;
    out << "ok: " << printableText(s.title.en) << " (" << attendees << " attendees, " << s.calendar.size()
        << " calendar entries)\n";
    return kExitOk;
}

}  // namespace

// Specs and stories stop at their first problem (their loaders also load the scenarios they name).
int validateCommand(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
    const std::string& file = options.scenario;
    const nlohmann::json doc = readJsonFile(file);
    switch (kindOf(doc)) {
        case FileKind::Scenario: return validateScenario(doc, file, out, err);
        case FileKind::Schema:
            err << printableText(file) << ": this is a JSON Schema, which describes files; validate a scenario, story or spec\n";
            return kExitBadInput;
        case FileKind::Story: {
            const stories::Story story = stories::loadStoryFile(file);
            out << "ok: story " << printableText(story.title.en) << " (" << story.steps.size() << " steps)\n";
            return kExitOk;
        }
        case FileKind::Experiment: {
            const experiments::ExperimentSpec spec = experiments::loadExperimentSpec(file);
            out << "ok: experiment spec " << printableText(spec.title.en) << " (" << spec.replicates
                << " replicates; run it with tsunagari-cli sweep)\n";
            return kExitOk;
        }
        case FileKind::Tournament:
        case FileKind::Evolution: {
            const bool evolution = kindOf(doc) == FileKind::Evolution;
            const experiments::TournamentSpec spec = experiments::loadTournamentSpec(
                file, evolution ? experiments::SpecKind::Evolution : experiments::SpecKind::Tournament);
            out << "ok: " << (evolution ? "evolution" : "tournament") << " spec " << printableText(spec.title.en) << " ("
                << spec.strategies.size() << " strategies, " << spec.replicates << " replicates; run it with tsunagari-cli "
                << (evolution ? "evolve" : "tournament") << ")\n";
            return kExitOk;
        }
    }
    return kExitOk;
}

}  // namespace tsunagari::cli
