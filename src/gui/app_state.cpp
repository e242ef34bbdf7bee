// The window's actions on the model: loading, resetting and stepping within a time budget.
#include "app_state.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "memory_limits.h"
#include "palette.h"
#include "scenario_io.h"
#include "snapshot.h"

namespace tsunagari {

std::string resolvePath(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (path.empty() || fs::exists(path, ec) || fs::path(path).is_absolute()) return path;
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

std::optional<std::string> memoryProblem(const Scenario& scenario) {
    const auto available = availableMemoryBytes();
    if (!available) return std::nullopt;   // unknown here: let it run
    return memoryShortfall(scenario, 0, *available);
}

bool AppState::load(const std::string& path, int scaleTo) {
    try {
        Scenario scenario = loadScenarioFile(path);
        if (scaleTo > 0) scenario = scaledScenario(std::move(scenario), scaleTo);
        if (auto problem = memoryProblem(scenario)) {
            loadError = path + ": " + *problem;
            return false;
        }
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
    world->addAttendees(cohort, count);
}

void AppState::replaceWorld(std::unique_ptr<World> w) {
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
    Scenario setup = world->scenario();
    if (newSeed) {
        // Interface randomness, apart from the model's generator: a new seed from the clock.
        const auto ticks = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
        setup.seed = (ticks ^ (ticks >> 29)) % 1000000007ull + 1;
    }
    const bool wasPlaying = playing;
    replaceWorld(std::make_unique<World>(setup));
    playing = wasPlaying;
}

void AppState::stepRound() {
    if (world && !world->stepRound()) calendarOver = true;
}

void AppState::stepEvent() {
    if (world && !world->stepEvent()) calendarOver = true;
}

void AppState::advance(double frameSeconds) {
    if (!world || !playing) return;
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    // A round is not started when the budget cannot hold one more of the usual cost, so the
    // simulation takes at most about the budget per frame (always at least one round, so it moves).
    auto elapsedMs = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); };
    auto step = [&] {
        const double before = elapsedMs();
        const bool ok = world->stepRound();
        const double ms = elapsedMs() - before;
        roundMsEstimate = roundMsEstimate <= 0 ? ms : 0.8 * roundMsEstimate + 0.2 * ms;
        if (!ok) { calendarOver = true; playing = false; }
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
