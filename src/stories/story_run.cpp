#include "stories/story_run.h"

#include <algorithm>

#include "metric_names.h"
#include "experiments/replicates.h"
#include "report.h"

namespace tsunagari::stories {

namespace {

int groupIndexOf(const World& world, const std::string& label) {
    const auto& labels = world.groupLabels();
    return int(std::find(labels.begin(), labels.end(), label) - labels.begin());
}

// Referrals received per member of `group` from members of `from`, at the last snapshot.
double referralsFrom(const World& world, const std::string& group, const std::string& from) {
    const auto& groups = world.history().back().groups;
    const int to = groupIndexOf(world, group), by = groupIndexOf(world, from);
    if (size_t(to) >= groups.size() || groups[size_t(to)].members == 0) return 0;
    const auto& people = world.attendees();
    const int upTo = world.history().back().day;
    double count = 0;
    for (const Referral& r : world.referrals())
        count += r.day <= upTo && people[r.to].group == to && people[r.from].group == by;
    return count / groups[size_t(to)].members;
}

double figureOf(const World& world, const std::string& group, const Prediction& prediction) {
    if (world.history().empty()) return 0;
    if (!prediction.fromGroup.empty()) return referralsFrom(world, group, prediction.fromGroup);
    const auto& groups = world.history().back().groups;
    const size_t index = size_t(groupIndexOf(world, group));
    const MetricName* m = findMetricName(prediction.metric);
    return index < groups.size() && m ? m->value(groups[index]) : 0;
}

const std::string& say(const Bilingual& text, Language language) {
    return language == Language::Japanese ? text.ja : text.en;
}

}  // namespace

void StoryRooms::enter(const Story& story, size_t index, std::optional<uint64_t> seed) {
    const Step& step = story.steps[index];
    if (step.startsRooms || m_worlds.empty()) {
        m_worlds.clear();
        for (Scenario scenario : step.roomScenarios) {
            if (seed) scenario.seed = *seed;
            m_worlds.push_back(std::make_shared<World>(scenario));
        }
        m_calendarOver.assign(m_worlds.size(), false);
    }
    m_targets = step.eventsAtEnd;
}

bool StoryRooms::stepRound() {
    bool any = false;
    for (size_t i = 0; i < m_worlds.size(); ++i) {
        World& w = *m_worlds[i];
        // A room at its target has finished its last event (no event is left half run).
        if (m_calendarOver[i] || (w.eventsDone() >= m_targets[i] && !w.event().inProgress)) continue;
        if (w.stepRound()) any = true;
        else m_calendarOver[i] = true;
    }
    return any && !finished();
}

void StoryRooms::runToEnd() {
    for (size_t i = 0; i < m_worlds.size(); ++i) {
        World& w = *m_worlds[i];
        while (!m_calendarOver[i] && (w.eventsDone() < m_targets[i] || w.event().inProgress))
            if (!w.stepEvent()) m_calendarOver[i] = true;
    }
}

bool StoryRooms::finished() const {
    for (size_t i = 0; i < m_worlds.size(); ++i) {
        const World& w = *m_worlds[i];
        if (w.event().inProgress) return false;
        // A calendar that ended early counts as finished.
        if (w.eventsDone() < m_targets[i] && !m_calendarOver[i]) return false;
    }
    return true;
}

Outcome judge(const Prediction& prediction, const StoryRooms& rooms) {
    Outcome out;
    for (const Choice& c : prediction.choices) out.values.push_back(figureOf(rooms.room(size_t(c.room)), c.group, prediction));
    const auto better = [&](double a, double b) { return prediction.pick == Pick::Highest ? a > b : a < b; };
    for (size_t i = 1; i < out.values.size(); ++i)
        if (better(out.values[i], out.values[size_t(out.winner)])) out.winner = int(i);
    for (size_t i = 0; i < out.values.size(); ++i)
        if (int(i) != out.winner && out.values[i] == out.values[size_t(out.winner)]) out.tie = true;
    out.asExpected = out.winner == prediction.expect && !out.tie;
    return out;
}

std::string tellStory(const Story& story, Language language, std::optional<uint64_t> seed, const std::vector<int>& picks) {
    const bool ja = language == Language::Japanese;
    std::string out = say(story.title, language) + "\n" + say(story.description, language) + "\n";
    StoryRooms rooms;
    size_t nextPick = 0;
    for (size_t i = 0; i < story.steps.size(); ++i) {
        const Step& step = story.steps[i];
        rooms.enter(story, i, seed);
        out += "\n── " + std::string(ja ? "ステップ " : "Step ") + std::to_string(i + 1) + "/" +
               std::to_string(story.steps.size()) + " ──\n" + say(step.narration, language) + "\n";
        std::optional<int> pick;
        if (step.prediction) {
            const Prediction& p = *step.prediction;
            out += "\n? " + say(p.question, language) + "\n";
            for (size_t c = 0; c < p.choices.size(); ++c)
                out += "  " + std::to_string(c + 1) + ") " + say(p.choices[c].label, language) + "\n";
            if (nextPick < picks.size()) {
                pick = picks[nextPick++];
                out += std::string(ja ? "  会場の答え: " : "  The room's answer: ") + std::to_string(*pick + 1) + "\n";
            }
        }
        if (step.run) {
            rooms.runToEnd();
            const World& shown = rooms.room(step.prediction && step.prediction->decidesRoom && pick ? size_t(*pick) : 0);
            out += std::string(ja ? "\n… " : "\n… ") + std::to_string(shown.eventsDone()) +
                   (ja ? " 回のイベント、" : " events, day ") + std::to_string(shown.day()) + (ja ? " 日目\n" : "\n");
        }
        if (step.prediction) {
            const Prediction& p = *step.prediction;
            const Outcome o = judge(p, rooms);
            const std::string from = p.fromGroup.empty() ? "" : (ja ? ", " + p.fromGroup + "から" : ", from " + p.fromGroup);
            out += std::string(ja ? "  結果 (" : "  Result (") + p.metric + from + "):\n";
            for (size_t c = 0; c < p.choices.size(); ++c)
                out += std::string(int(c) == o.winner ? "  ▶ " : "    ") + say(p.choices[c].label, language) + ": " +
                       formatFixed(o.values[c], 2) + "\n";
            if (pick) out += (*pick == o.winner ? (ja ? "  正解!\n" : "  The room was right.\n")
                                                : (ja ? "  外れ。\n" : "  Not this time.\n"));
            if (!o.asExpected)
                out += ja ? "  (この乱数では、いつもの結果になりませんでした。)\n"
                          : "  (With this seed the usual outcome did not show.)\n";
            out += say(p.reveal, language) + "\n";
        }
    }
    return out;
}

std::vector<PredictionCheck> checkStory(const Story& story, int seeds, unsigned jobs) {
    std::vector<PredictionCheck> checks;
    for (size_t i = 0; i < story.steps.size(); ++i)
        if (story.steps[i].prediction) {
            PredictionCheck c;
            c.step = i;
            c.meanValues.assign(story.steps[i].prediction->choices.size(), 0.0);
            checks.push_back(std::move(c));
        }
    // Index 0 is the story's own seeds; index k ≥ 1 is seed k.
    const auto outcomes = experiments::replicateValues(
        size_t(seeds) + 1,
        [&](size_t index) {
            std::vector<Outcome> found;
            StoryRooms rooms;
            const std::optional<uint64_t> seed = index == 0 ? std::nullopt : std::optional<uint64_t>(index);
            for (size_t i = 0; i < story.steps.size(); ++i) {
                rooms.enter(story, i, seed);
                if (story.steps[i].run) rooms.runToEnd();
                if (story.steps[i].prediction) found.push_back(judge(*story.steps[i].prediction, rooms));
            }
            return found;
        },
        jobs);
    for (size_t k = 0; k < checks.size(); ++k) {
        checks[k].heldOnOwnSeed = outcomes[0][k].asExpected;
        checks[k].seeds = seeds;
        for (size_t s = 1; s < outcomes.size(); ++s) {
            checks[k].held += outcomes[s][k].asExpected;
            for (size_t c = 0; c < checks[k].meanValues.size(); ++c)
                checks[k].meanValues[c] += outcomes[s][k].values[c] / seeds;
        }
    }
    return checks;
}

}  // namespace tsunagari::stories
