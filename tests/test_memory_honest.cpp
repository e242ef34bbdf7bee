// Memory that stays honest (issue 11 items 14 and 15): the estimate bounds the peak a run
// really reaches, forgetting on or off; the model's own figure is close to the resident memory;
// and the forgetting calendar's day lists keep no more capacity than their entries need.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "memory_limits.h"
#include "model_support.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

// A daily mixer for everyone: most new ties per event, so the most memory per attendee.
Scenario dailyMixer(int attendees, int events, bool forgetting) {
    Scenario s = smallChapter(5);
    s.population = {cohortOf("average", attendees / 2), cohortOf("hard_seller", attendees - attendees / 2)};
    s.calendar = {seriesOf("mixer", EventKind::Mixer, 1, 4, 4, 2.0)};
    s.events = events;
    s.mechanisms[Mechanism::Forgetting] = forgetting;
    return s;
}

// A weekly chapter with 1-to-1s, as the shipped scenarios have it.
Scenario chapterWithOneToOnes(int attendees, int events, bool forgetting) {
    Scenario s = smallChapter(9);
    s.population = {cohortOf("average", attendees)};
    s.calendar = {seriesOf("chapter", EventKind::Chapter, 7), seriesOf("1-to-1s", EventKind::OneToOnes, 7)};
    s.events = events;
    s.mechanisms[Mechanism::Forgetting] = forgetting;
    return s;
}

uint64_t residentBytes() {   // VmRSS of this process
    std::ifstream status("/proc/self/status");
    std::string key;
    uint64_t kb = 0;
    while (status >> key)
        if (key == "VmRSS:" && status >> kb) return kb * 1024;
    return 0;
}

struct RunMemory {
    uint64_t peakGrowth = 0;       // the child's peak resident size beyond what it shared with us at the fork
    uint64_t residentGrowth = 0;   // its resident size at the end beyond its start
    uint64_t modelBytes = 0;       // World::memoryBytes() at the end
};

// Runs the scenario in a child process, so that getrusage's maxrss is this run's peak alone.
RunMemory measuredRun(const Scenario& s) {
    int channel[2];
    REQUIRE(pipe(channel) == 0);
    const uint64_t before = residentBytes();
    const pid_t child = fork();
    if (child == 0) {
        close(channel[0]);
        const uint64_t start = residentBytes();
        World w(s);
        w.runEvents(s.events);
        const uint64_t figures[2] = {residentBytes() - start, w.memoryBytes()};
        const bool sent = write(channel[1], figures, sizeof figures) == ssize_t(sizeof figures);
        _exit(sent && w.eventsDone() == s.events ? 0 : 1);
    }
    REQUIRE(child > 0);
    close(channel[1]);
    uint64_t figures[2] = {};
    const bool received = read(channel[0], figures, sizeof figures) == ssize_t(sizeof figures);
    close(channel[0]);
    int status = 0;
    rusage usage{};
    REQUIRE(wait4(child, &status, 0, &usage) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(received);
    const uint64_t peak = uint64_t(usage.ru_maxrss) * 1024;
    return {peak > before ? peak - before : 0, figures[0], figures[1]};
}

}  // namespace


// AddressSanitizer keeps shadow memory and a quarantine of freed blocks: resident memory
// there says nothing about the model's own figure or the estimate.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

TEST_CASE("memory estimate: at least the peak resident memory a run reaches with forgetting on or off") {
    struct Case {
        const char* name;
        Scenario scenario;
    };
    const Case cases[] = {
        {"daily mixer, 4,000 attendees, 120 events, no forgetting", dailyMixer(4000, 120, false)},
        {"daily mixer, 4,000 attendees, 120 events, forgetting", dailyMixer(4000, 120, true)},
        {"daily mixer, 1,500 attendees, 400 events, no forgetting", dailyMixer(1500, 400, false)},
        {"chapter and 1-to-1s, 3,000 attendees, 150 events, no forgetting", chapterWithOneToOnes(3000, 150, false)},
    };
    if (kAddressSanitizer) {
        MESSAGE("not measured under AddressSanitizer, which inflates resident memory");
        return;
    }
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        const MemoryEstimate estimate = estimateMemory(c.scenario);
        const RunMemory run = measuredRun(c.scenario);
        MESSAGE(name << ": estimate " << formatBytes(estimate.bytes) << ", peak growth " << formatBytes(run.peakGrowth)
                     << ", resident growth " << formatBytes(run.residentGrowth) << ", model's figure " << formatBytes(run.modelBytes));
        CHECK(run.peakGrowth > (uint64_t(8) << 20));   // the case is big enough to measure
        CHECK(estimate.bytes >= run.peakGrowth);
        CHECK(estimate.bytes <= 8 * run.peakGrowth + (uint64_t(64) << 20));   // and not absurdly pessimistic
        // The model's own figure counts every structure: within 15% of the memory the run holds.
        CHECK(double(run.modelBytes) >= 0.85 * double(run.residentGrowth));
        CHECK(double(run.modelBytes) <= 1.15 * double(run.residentGrowth));
    }
}

TEST_CASE("forgetting calendar: day lists hold at most about twice their entries over a long run") {
    // 700 daily events pass the calendar's 512-day ring more than once: kept buffers would have
    // carried the largest day's capacity into every slot by then.
    World w(dailyMixer(1500, 700, true));
    size_t largestCapacity = 0, entriesThen = 0;
    for (int block = 0; block < 14; ++block) {
        w.runEvents(50);
        const World::ForgetCalendarUse use = w.forgetCalendarUse();
        CAPTURE(w.eventsDone());
        CAPTURE(use.entries);
        CAPTURE(use.capacity);
        CHECK(use.entries > 0);
        CHECK(use.capacity <= 3 * use.entries + 4096);
        if (use.capacity > largestCapacity) {
            largestCapacity = use.capacity;
            entriesThen = use.entries;
        }
    }
    CHECK(w.eventsDone() == 700);
    // The model's memory counts the calendar: its figure is at least the calendar's bytes.
    CHECK(w.memoryBytes() >= w.forgetCalendarUse().bytes);
    MESSAGE("largest calendar capacity " << largestCapacity << " entries for " << entriesThen << " live");
}
