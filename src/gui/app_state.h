// What every panel of the window reads and changes: the world, the run controls, the
// language, the selection. The window (app.cpp) owns one AppState and draws panels on it.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim_thread.h"
#include "strings.h"
#include "venue_view.h"
#include "world.h"

namespace tsunagari {

enum class SidePanel { Setup, Inspector, Files, Story, About, Play };

class StoryPlayer;
class PlayMode;
namespace stories { struct Story; }

struct AppState {
    // ---- the model ----
    std::shared_ptr<World> world;      // null when no scenario could be loaded (shared with a story's rooms)
    std::string scenarioPath;          // file the world came from ("" if none)
    std::string loadError;             // last failed load, shown until the next successful one
    std::string fileMessage;           // result of the last save
    std::string snapshotMessage;       // result of the last snapshot save or resume
    bool snapshotFailed = false;       // snapshotMessage is an error
    std::string setupError;            // a population change refused (not enough memory)
    uint64_t generation = 0;           // bumps whenever `world` is replaced (views reset)
    // A scenario's world runs on this thread; `world` is then its latest published copy
    // (docs/window-threads.md). Null for a story or play mode, which step on the frame.
    std::unique_ptr<SimThread> sim;
    uint64_t simCalendarEnds = 0;      // sim->calendarEnds() already acted on

    // ---- a story (workshop mode) ----
    std::shared_ptr<StoryPlayer> story;   // null outside a story; its shown room is `world`
    uint64_t storyGeneration = 0;         // the player's generation last installed as `world`

    // ---- playing as an attendee (play_mode.h) ----
    std::shared_ptr<PlayMode> play;       // null unless playing; its session's world is `world`

    // ---- run controls ----
    bool playing = false;
    float roundsPerSecond = 4.0f;
    bool maxSpeed = false;             // as many rounds as the frame's step budget allows
    double stepBudgetMs = 8.0;         // simulation time allowed per frame
    double roundCarry = 0;             // fractional rounds owed from earlier frames
    double roundMsEstimate = 0;        // recent cost of one round (moving average), to stay inside the budget
    bool calendarOver = false;

    // ---- presentation ----
    bool presenter = false;            // presenter mode: one view filling the screen (presenter.h)
    int presenterView = 1;             // 1 venue, 2 one chart, 3 the charts panel, 4 the story
    bool presenterStrip = true;        // the story's narration below the view
    Strings tr;
    bool japaneseFont = false;         // false: the Japanese font is missing, ja text cannot be shown
    std::string fontNotice;            // one-line notice when japaneseFont is false
    VenueView venue;
    int selected = -1;                 // inspected attendee id, -1 = none
    SidePanel sidePanel = SidePanel::Setup;
    bool sidePanelForced = false;      // select the tab once (after a click or on the command line)
    std::vector<float> frameMs;        // last 120 frame times, for the median readout
    float frameReadout = 0;            // the median shown, and when it was taken (ImGui time)
    double frameReadoutAt = -1;

    // ---- file panel ----
    std::string openPath;              // typed path to open
    std::string savePath;              // typed path to save the current setup to
    std::string snapshotPath = "out/run.snapshot";   // typed path to save the running world to
    std::string resumePath = "out/run.snapshot";     // typed path of a snapshot to resume
    struct ListedFile {
        std::string path;
        Bilingual title;                     // empty when the file could not be read
        bool story = false;                  // a story (scenarios/stories/) rather than a scenario
    };
    std::vector<ListedFile> scenarioList;    // scenarios/*.json and scenarios/stories/*.json, refreshed on demand

    // ---- actions ----
    // Keeps the previous world on failure (loadError set). scaleTo > 0 scales every cohort so the
    // population totals about that many (benchmarks at 2,000 or 5,000 attendees).
    bool load(const std::string& path, int scaleTo = 0);
    // The same with `--set` changes and a seed applied before the scenario is checked.
    bool load(const std::string& path, const std::vector<std::string>& settings, std::optional<uint64_t> seed,
              int scaleTo = 0);
    // Loads a story and shows its first step; keeps the current world on failure (loadError set).
    bool loadStory(const std::string& path, std::optional<uint64_t> seed);
    // Two rooms of one scenario side by side, as it is and with `changes` (--compare).
    bool loadComparison(const std::string& path, const std::vector<std::string>& settings,
                        const std::vector<std::string>& changes, std::optional<uint64_t> seed);
    // Plays `path` from the seat of its newest member (or `seat`); keeps the current world on failure.
    bool loadPlay(const std::string& path, const std::vector<std::string>& settings, std::optional<uint64_t> seed,
                  std::optional<uint32_t> seat = std::nullopt);
    void syncStory();                            // shows the story's current room if it changed
    bool startStory(const std::function<stories::Story()>& make, const std::string& path, std::optional<uint64_t> seed);
    void saveSnapshot(const std::string& path);  // writes the running world; result in snapshotMessage
    bool resumeSnapshot(const std::string& path);   // replaces the world; keeps it on failure
    void addAttendees(int cohort, int count);    // refused with setupError when memory would not suffice
    // A setup change: made to the shown world at once and, when the world runs on `sim`, to
    // the live one between rounds.
    void edit(const std::function<void(World&)>& change);
    void reset(bool newSeed);                    // rebuilds the world from the current setup
    void replaceWorld(std::shared_ptr<World> w); // installs a world and resets the views
    void advance(double frameSeconds);           // runs rounds (story, play) or passes the pace to `sim`
    void runOnSimThread();                       // starts `sim` if needed, passes the pace, takes its newest view
    void stepRound();
    void stepEvent();
    [[nodiscard]] const char* groupName(int group) const;   // group label in the current language
    [[nodiscard]] const char* eventName(const EventRecord& record) const;   // its series' name in the current language
    [[nodiscard]] float medianFrameMs() const;
};

// A seed from the clock, for "reset with a new seed" (interface randomness, apart from the model's).
[[nodiscard]] uint64_t clockSeed();
// One line when building a world for `scenario` would exceed the memory this machine has left.
[[nodiscard]] std::optional<std::string> memoryProblem(const Scenario& scenario);
// Finds a file by a path relative to the working directory, then to the installed data directory
// (PREFIX/share/tsunagari beside PREFIX/bin), then to the source tree (not when the environment
// variable TSUNAGARI_NO_SOURCE_TREE is set and not "0").
[[nodiscard]] std::string resolvePath(const std::string& path);
// Colour of archetype group `group` (stable across runs), with alpha.
[[nodiscard]] unsigned groupColor(int group, float alpha = 1.0f);

}  // namespace tsunagari
