// libFuzzer target: tsunagari-cli argument parsing, plus the --set/--seed edits a parsed `run` would apply.
//
// Only parseArgs and helpText are called, never runCli: a fuzzed `run` or `bench` would write
// files or run for minutes. The --set values are applied to an in-memory copy of
// scenarios/default.json, which is what `run` does before it simulates.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "args.h"
#include "scenario.h"
#include "scenario_io.h"

namespace {

namespace cli = tsunagari::cli;

[[noreturn]] void contractBroken(const char* what) {
    std::fprintf(stderr, "fuzz_cli_args: contract broken: %s\n", what);
    std::abort();
}

void oneLine(const char* message) {
    if (std::strchr(message, '\n') != nullptr) contractBroken("error message is not one line");
}

const nlohmann::json& defaultScenario() {
    static const nlohmann::json doc = [] {
        std::ifstream in(TSUNAGARI_SOURCE_DIR "/scenarios/default.json");
        std::stringstream text;
        text << in.rdbuf();
        return nlohmann::json::parse(text.str());
    }();
    return doc;
}

// NUL or newline separates arguments, so every byte sequence is some argv.
std::vector<std::string> splitArgs(const uint8_t* data, size_t size) {
    std::vector<std::string> args(1);
    for (size_t i = 0; i < size; ++i) {
        const char c = char(data[i]);
        if (c == '\0' || c == '\n') args.emplace_back();
        else args.back() += c;
    }
    if (size == 0) args.clear();
    return args;
}

void checkRun(const cli::RunOptions& o) {
    // Exactly one source: a scenario file, a snapshot to resume or a run folder to rerun
    // (the last two take no --set or --seed).
    if (int(!o.scenario.empty()) + int(!o.resume.empty()) + int(!o.from.empty()) != 1)
        contractBroken("run needs exactly one of SCENARIO, --resume and --from");
    if ((!o.resume.empty() || !o.from.empty()) && (!o.settings.empty() || o.seed))
        contractBroken("--set or --seed accepted with --resume or --from");
    if (o.saveAt && (*o.saveAt < 0 || *o.saveAt > tsunagari::kMaxEvents || o.saveFile.empty()))
        contractBroken("--save-at accepted without a valid EVENT and FILE");
    if (o.events && (*o.events < 0 || *o.events > tsunagari::kMaxEvents)) contractBroken("--events out of range accepted");
    if (o.settings.empty() && !o.seed) return;
    nlohmann::json doc = defaultScenario();
    try {
        for (const auto& setting : o.settings) {
            if (setting.find('=') == std::string::npos) contractBroken("--set without '=' accepted");
            tsunagari::applySetting(doc, setting);
        }
        if (o.seed) doc["seed"] = *o.seed;
        // Validating is cheap; simulating is left to the scenario fuzzer.
        (void)tsunagari::scenarioFromJson(doc, "<fuzz>");
    } catch (const tsunagari::ScenarioError& e) {
        oneLine(e.what());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<std::string> args = splitArgs(data, size);
    cli::Command command;
    try {
        command = cli::parseArgs(args);
    } catch (const cli::UsageError& e) {
        oneLine(e.what());
        return 0;
    }
    switch (command.kind) {
        case cli::CommandKind::Help:
            if (cli::helpText(command.helpTopic).empty()) contractBroken("empty help text");
            break;
        case cli::CommandKind::Run:
            checkRun(command.run);
            break;
        case cli::CommandKind::Validate:
            if (command.validate.scenario.empty()) contractBroken("validate without SCENARIO accepted");
            break;
        case cli::CommandKind::Bench:
            if (command.bench.attendees.empty()) contractBroken("bench with no sizes accepted");
            for (int n : command.bench.attendees)
                if (n < 1 || n > tsunagari::kMaxAttendees) contractBroken("--attendees size out of range accepted");
            if (command.bench.events && (*command.bench.events < 1 || *command.bench.events > tsunagari::kMaxEvents))
                contractBroken("bench --events out of range accepted");
            break;
        case cli::CommandKind::Play:
            if (command.play.scenario.empty()) contractBroken("play without SCENARIO accepted");
            if (command.play.always.empty() == command.play.choices.empty())
                contractBroken("play without exactly one of --always and --choices accepted");
            break;
        default:   // the other commands' options are checked by their own tests
            break;
    }
    return 0;
}
