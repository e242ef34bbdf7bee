#include "story_command.h"

#include "report.h"
#include "stories/story_io.h"
#include "stories/story_run.h"

namespace tsunagari::cli {

namespace {

// A prediction a trainer can show: its expected answer wins on 90% of seeds and on the story's own.
constexpr double kMinimumShare = 0.9;

}  // namespace

int runStory(const StoryOptions& o, std::ostream& out, std::ostream& err) {
    const stories::Story story = stories::loadStoryFile(o.story);
    const auto language = o.japanese ? stories::Language::Japanese : stories::Language::English;
    if (!o.check) {
        out << stories::tellStory(story, language, o.seed, o.picks);
        return kExitOk;
    }
    bool allHold = true;
    out << story.title.en << ": predictions over seeds 1.." << o.seeds << " and the story's own\n";
    for (const auto& c : stories::checkStory(story, o.seeds, unsigned(o.jobs))) {
        const auto& p = *story.steps[c.step].prediction;
        const bool holds = c.held >= kMinimumShare * c.seeds && c.heldOnOwnSeed;
        allHold = allHold && holds;
        out << "step " << c.step + 1 << ": " << p.question.en << "\n  expected: " << p.choices[size_t(p.expect)].label.en
            << "; won alone on " << c.held << "/" << c.seeds << " seeds"
            << (c.heldOnOwnSeed ? ", and on the story's own seed" : ", NOT on the story's own seed")
            << (holds ? "  ok" : "  TOO RARE") << "\n  mean " << p.metric << (p.fromGroup.empty() ? "" : " from " + p.fromGroup) << ":";
        for (size_t i = 0; i < p.choices.size(); ++i)
            out << (i ? ", " : " ") << p.choices[i].label.en << " " << formatFixed(c.meanValues[i], 2);
        out << "\n";
    }
    if (!allHold) err << "tsunagari-cli story: " << o.story << ": a prediction's expected answer wins on fewer than 90% of seeds or not on the story's own seed\n";
    return allHold ? kExitOk : kExitStoryFluke;
}

}  // namespace tsunagari::cli
