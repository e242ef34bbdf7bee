// The window's actions on the model: loading, resetting and stepping within a time budget.
#include "app_state.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "memory_limits.h"
#include "play_mode.h"
#include "process_memory.h"
#include "palette.h"
#include "scenario_io.h"
#include "snapshot.h"
#include "stories/story_io.h"
#include "story_player.h"

namespace tsunagari {

// The installed data directory, relative to the executable so that a moved prefix still works:
// PREFIX/bin/tsunagari reads PREFIX/share/tsunagari (TSUNAGARI_DATA_RELDIR, "../share/tsunagari" from
// GNUInstallDirs, is the data directory relative to the executable's directory).
// Empty when /proc/self/exe cannot be read or the directory is not there (a build tree).
const std::string& installedDataDir() {
    static const std::string dir = [] {
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (ec || exe.empty()) return std::string();
        const fs::path data = (exe.parent_path() / TSUNAGARI_DATA_RELDIR).lexically_normal();
        return fs::is_directory(data, ec) ? data.string() : std::string();
    }();
    return dir;
}

// Beside the working directory first, then the installed data, then (for developers, unless
// TSUNAGARI_NO_SOURCE_TREE is set to anything but empty or "0") the source tree.
std::string resolvePath(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (path.empty() || fs::exists(path, ec) || fs::path(path).is_absolute()) return path;
    if (const std::string& data = installedDataDir(); !data.empty()) {
        const fs::path installed = fs::path(data) / path;
        if (fs::exists(installed, ec)) return installed.string();
    }
    const char* noSource = std::getenv("TSUNAGARI_NO_SOURCE_TREE");
    if (noSource && *noSource && std::string_view(noSource) != "0") return path;
    const fs::path inSource = fs::path(TSUNAGARI_SOURCE_DIR) / path;
    if (fs::exists(inSource, ec)) return inSource.string();
    return path;
}

unsigned groupColor(int group, float alpha) {
    constexpr int kCount = int(kGroupPalette.size());
    const Rgb c = kGroupPalette[size_t(((group % kCount) + kCount) % kCount)];
    return IM_COL32(c.r, c.g, c.b, unsigned(255 * std::clamp(alpha, 0.0f, 1.0f)));
}

namespace {

Scenario scaledScenario(Scenario s, int target) {
    int total = 0;
    for (const auto& c : s.population) total += c.count;
    if (total <= 0) return s;
    const double factor = double(target) / total;
    for (auto& c : s.population) c.count = std::max(1, int(std::lround(c.count * factor)));
    return s;
}

}  // namespace

// Interface randomness, apart from the model's generator: a new seed from the clock.
uint64_t clockSeed() {
    const auto ticks = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
    return (ticks ^ (ticks >> 29)) % 1000000007ull + 1;
}

std::optional<std::string> memoryProblem(const Scenario& scenario) {
    const auto budget = memoryBudget();   // RAM, ulimit -v and the cgroup's limit, the tightest
    if (!budget) return std::nullopt;      // unknown here: let it run
    return memoryShortfall(scenario, 0, *budget);
}

bool AppState::load(const std::string& path, int scaleTo) { return load(path, {}, std::nullopt, scaleTo); }

bool AppState::load(const std::string& path, const std::vector<std::string>& settings, std::optional<uint64_t> seed,
                    int scaleTo) {
    try {
        nlohmann::json doc = readJsonFile(path);
        for (const auto& setting : settings) applySetting(doc, setting);
        if (seed) doc["seed"] = *seed;
        Scenario scenario = scenarioFromJson(doc, path);
        if (scaleTo > 0) scenario = scaledScenario(std::move(scenario), scaleTo);
        if (auto problem = memoryProblem(scenario)) {
            loadError = path + ": " + *problem;
            return false;
        }
        story.reset();
        replaceWorld(std::make_unique<World>(scenario));
        scenarioPath = path;
        loadError.clear();
        setupError.clear();
        return true;
    } catch (const std::exception& e) {
        loadError = e.what();
        return false;
    }
}

bool AppState::loadPlay(const std::string& path, const std::vector<std::string>& settings, std::optional<uint64_t> seed,
                        std::optional<uint32_t> seat) {
    try {
        nlohmann::json doc = readJsonFile(path);
        for (const auto& setting : settings) applySetting(doc, setting);
        if (seed) doc["seed"] = *seed;
        const Scenario scenario = scenarioFromJson(doc, path);
        if (auto problem = memoryProblem(scenario)) {
            loadError = path + ": " + *problem;
            return false;
        }
        auto mode = std::make_shared<PlayMode>(scenario, seat);
        story.reset();
        play.reset();
        replaceWorld(mode->session().sharedWorld());
        play = std::move(mode);
        selected = int(play->session().seat());   // the inspector shows the player
        scenarioPath = path;
        loadError.clear();
        setupError.clear();
        sidePanel = SidePanel::Play;
        sidePanelForced = true;
        return true;
    } catch (const std::exception& e) {
        loadError = e.what();
        return false;
    }
}

void AppState::saveSnapshot(const std::string& path) {
    if (!world) return;
    try {
        // The default path is out/run.snapshot: make its folder, as the CLI does for its output.
        const auto folder = std::filesystem::path(path).parent_path();
        std::error_code ec;
        if (!folder.empty()) std::filesystem::create_directories(folder, ec);
        writeSnapshotFile(*world, path);
        snapshotMessage = std::string(tr("files.snapshot_saved")) + " " + std::filesystem::absolute(path).string();
        snapshotFailed = false;
    } catch (const std::exception& e) {
        snapshotMessage = std::string(tr("files.snapshot_save_failed")) + " " + e.what();
        snapshotFailed = true;
    }
}

bool AppState::resumeSnapshot(const std::string& path) {
    try {
        auto resumed = std::make_unique<World>(readSnapshotFile(path));
        replaceWorld(std::move(resumed));
    } catch (const std::exception& e) {
        snapshotMessage = std::string(tr("files.snapshot_resume_failed")) + " " + e.what();
        snapshotFailed = true;
        return false;
    }
    scenarioPath = std::filesystem::absolute(path).string();
    loadError.clear();
    setupError.clear();
    snapshotMessage = std::string(tr("files.snapshot_resumed")) + " " + scenarioPath;
    snapshotFailed = false;
    return true;
}

void AppState::addAttendees(int cohort, int count) {
    if (!world || cohort < 0 || cohort >= int(world->cohorts().size())) return;
    Scenario grown = world->scenario();
    grown.population[size_t(cohort)].count += count;
    if (auto problem = memoryProblem(grown)) {
        setupError = *problem;
        return;
    }
    setupError.clear();
    edit([cohort, count](World& w) { w.addAttendees(cohort, count); });
}

void AppState::edit(const std::function<void(World&)>& change) {
    if (!world) return;
    change(*world);
    if (sim) sim->post([change](World& w) { change(w); return true; });
}

bool AppState::loadStory(const std::string& path, std::optional<uint64_t> seed) {
    return startStory([&] { return stories::loadStoryFile(path); }, path, seed);
}

bool AppState::loadComparison(const std::string& path, const std::vector<std::string>& settings,
                              const std::vector<std::string>& changes, std::optional<uint64_t> seed) {
    return startStory([&] { return stories::sideBySideStory(path, settings, changes); }, path, seed);
}

bool AppState::startStory(const std::function<stories::Story()>& make, const std::string& path, std::optional<uint64_t> seed) {
    try {
        auto player = std::make_shared<StoryPlayer>(make(), seed);
        player->start();
        story = std::move(player);
        storyGeneration = 0;
        syncStory();
        scenarioPath = path;
        loadError.clear();
        sidePanel = SidePanel::Story;
        sidePanelForced = true;
        return true;
    } catch (const std::exception& e) {
        loadError = e.what();
        return false;
    }
}

void AppState::syncStory() {
    if (!story || story->generation() == storyGeneration) return;
    const bool wasPlaying = playing;
    replaceWorld(story->shownWorld());
    storyGeneration = story->generation();
    playing = wasPlaying && story->phase() == StoryPhase::Running;
}

void AppState::replaceWorld(std::shared_ptr<World> w) {
    sim.reset();   // joins: waits for at most the round under way, then the old live world goes
    if (play && w != play->session().sharedWorld()) play.reset();   // another world ends the play
    world = std::move(w);
    ++generation;
    venue.reset();
    selected = -1;
    playing = false;
    roundCarry = 0;
    calendarOver = false;
}

void AppState::reset(bool newSeed) {
    if (!world) return;
    if (story) {   // a story starts its current step again, from its last fresh start
        if (newSeed) story->reseed(clockSeed());
        story->restartStep();
        playing = false;
        syncStory();
        return;
    }
    if (play) {   // the season again from its start, in the same seat
        Scenario setup = play->scenario();
        if (newSeed) setup.seed = clockSeed();
        auto mode = std::make_shared<PlayMode>(setup, play->session().seat());
        play.reset();
        replaceWorld(mode->session().sharedWorld());
        play = std::move(mode);
        selected = int(play->session().seat());
        return;
    }
    Scenario setup = world->scenario();
    if (newSeed) setup.seed = clockSeed();
    const bool wasPlaying = playing;
    replaceWorld(std::make_unique<World>(setup));
    playing = wasPlaying;
}

void AppState::stepRound() {
    if (story) {
        story->run();
        story->stepRound();
        return;
    }
    if (play) {
        play->stepRound();
        return;
    }
    if (sim) sim->post([](World& w) { return w.stepRound(); });
    else if (world && !world->stepRound()) calendarOver = true;
}

void AppState::stepEvent() {
    if (story) {   // a story's rooms step together: a round at a time until the shown room ends an event
        story->run();
        const int done = world ? world->eventsDone() : 0;
        while (story->stepRound() && world && (world->eventsDone() == done || world->event().inProgress)) {}
        return;
    }
    if (play) {   // up to the end of the event, or to the player's next choice
        const int done = world->eventsDone();
        while (play->stepRound() && (world->eventsDone() == done || world->event().inProgress)) {}
        return;
    }
    if (sim) sim->post([](World& w) { return w.stepEvent(); });
    else if (world && !world->stepEvent()) calendarOver = true;
}

void AppState::advance(double frameSeconds) {
    syncStory();
    if (story && world) {   // the group a story step points at stands out in the venue
        const std::string& label = story->step().show.group;
        const auto& labels = world->groupLabels();
        const auto at = std::find(labels.begin(), labels.end(), label);
        venue.highlightGroup(label.empty() || at == labels.end() ? -1 : int(at - labels.begin()));
    }
    if (world && !story && !play) {
        runOnSimThread();
        return;
    }
    if (!world || !playing) return;
    if (story && story->phase() != StoryPhase::Running) {
        playing = false;
        return;
    }
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    // A round is not started when the budget cannot hold one more of the usual cost, so the
    // simulation takes at most about the budget per frame (always at least one round, so it moves).
    auto elapsedMs = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); };
    auto step = [&] {
        const double before = elapsedMs();
        const bool ok = story ? story->stepRound() : play ? play->stepRound() : world->stepRound();
        const double ms = elapsedMs() - before;
        roundMsEstimate = roundMsEstimate <= 0 ? ms : 0.8 * roundMsEstimate + 0.2 * ms;
        if (!ok && play) {   // the player's turn: the run goes on once they have chosen
            if (play->over()) playing = false;
            return false;
        }
        if (!ok) {
            calendarOver = !story;   // a story's step ends before the calendar does
            playing = false;
        }
        return ok;
    };
    auto roomForAnother = [&] { return elapsedMs() + roundMsEstimate <= stepBudgetMs; };
    if (maxSpeed) {
        while (step() && roomForAnother()) {}
        return;
    }
    roundCarry = std::min(roundCarry + frameSeconds * roundsPerSecond, 4.0);  // no catch-up storm after a stall
    for (bool first = true; roundCarry >= 1.0; first = false) {
        if (!first && !roomForAnother()) { roundCarry = std::min(roundCarry, 1.0); break; }
        roundCarry -= 1.0;
        if (!step()) break;
    }
}

void AppState::runOnSimThread() {
    if (!sim) {   // the live world goes to the thread; the frame draws a copy from now on
        std::shared_ptr<World> live = std::move(world);
        world = std::make_shared<World>(*live);
        sim = std::make_unique<SimThread>(std::move(live));
        simCalendarEnds = 0;
    }
    if (const uint64_t ends = sim->calendarEnds(); ends != simCalendarEnds) {
        simCalendarEnds = ends;
        calendarOver = true;
        playing = false;
    }
    sim->setPace({playing, roundsPerSecond, maxSpeed});
    sim->refreshView(world);
}

const char* AppState::groupName(int group) const {
    if (!world || group < 0 || group >= int(world->groupLabels().size())) return "?";
    return tr.groupName(world->cohorts(), world->groupLabels()[size_t(group)]);
}

const char* AppState::eventName(const EventRecord& record) const {
    if (world)
        for (const CalendarEntry& e : world->scenario().calendar)
            if (e.name == record.name) return tr.seriesName(e);
    return record.name.c_str();
}

float AppState::medianFrameMs() const {
    if (frameMs.empty()) return 0;
    std::vector<float> sorted = frameMs;
    std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
    return sorted[sorted.size() / 2];
}

}  // namespace tsunagari
