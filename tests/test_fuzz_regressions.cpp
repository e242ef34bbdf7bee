// Inputs found by the fuzzers (fuzz/, tools/fuzz.sh), kept so each stays a clean error once fixed.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "model_support.h"
#include "snapshot.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

// Snapshot header (snapshot.cpp): magic, u32 version, u64 payload length, u64 FNV-1a of the payload.
constexpr size_t kChecksumAt = 18 + 4 + 8;
constexpr size_t kPayloadAt = kChecksumAt + 8;

// Recomputes the checksum, so a test reaches the state decoder as a crafted (not merely damaged) file would.
void fixChecksum(std::string& snap) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = kPayloadAt; i < snap.size(); ++i) h = (h ^ uint8_t(snap[i])) * 1099511628211ull;
    std::memcpy(snap.data() + kChecksumAt, &h, 8);
}

// Offset of the first saved edge's `good` field, found by its saved bytes (from, to, good, bad).
size_t firstEdgeGoodAt(const World& w, const std::string& snap) {
    REQUIRE(w.relationships().indexEnd() > 0);
    REQUIRE_FALSE(w.relationships().released(0));
    const Edge& e = w.relationships().edge(0);
    char pattern[16];
    std::memcpy(pattern, &e.from, 4);
    std::memcpy(pattern + 4, &e.to, 4);
    std::memcpy(pattern + 8, &e.good, 4);
    std::memcpy(pattern + 12, &e.bad, 4);
    const size_t at = snap.find(std::string(pattern, 16), kPayloadAt);
    REQUIRE(at != std::string::npos);
    return at + 8;
}

std::string loadError(const std::string& bytes) {
    try {
        (void)loadSnapshot(bytes, "crafted.snap");
    } catch (const SnapshotError& e) {
        return e.what();
    }
    return "loaded";
}

}  // namespace

// fuzz_scenario (TSUNAGARI_FUZZ_STEP_DAMAGED=1), input: default.json-like scenario, snapshot after two
// events with one edge's `good` evidence overwritten by NaN bytes and the checksum fixed. loadSnapshot
// accepts it; the next stepRound() reaches TrustRules::forgetDay (relationships.cpp:75) and converts
// NaN to int (UBSan: "-nan is outside the range of representable values of type 'int'").
// Fixed in snapshot.cpp: numbers the model computes with are range-checked on load.
TEST_CASE("fuzz: a snapshot with NaN trust evidence is refused") {
    World w(smallChapter());
    w.runEvents(2);
    std::string snap = saveSnapshot(w);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::memcpy(snap.data() + firstEdgeGoodAt(w, snap), &nan, 4);
    fixChecksum(snap);
    CHECK(loadError(snap).rfind("crafted.snap: damaged snapshot (evidence out of range at byte ", 0) == 0);
}

// fuzz_scenario (TSUNAGARI_FUZZ_STEP_DAMAGED=1): a snapshot whose calendar counter was changed to a
// huge number loaded, and the next step overflowed `firstDay + done * everyDays` (world.cpp,
// nextOccurrence). Fixed twice over: the loader refuses such counters, and the calendar stops at kMaxDay.
TEST_CASE("fuzz: a snapshot with an impossible calendar counter is refused") {
    World w(smallChapter());
    w.runEvents(3);  // one series, three occurrences done, the last on day 14
    std::string snap = saveSnapshot(w);
    char pattern[16] = {};
    const uint64_t entries = 1;
    const uint32_t done = 3;
    const int32_t lastDay = 14;
    std::memcpy(pattern, &entries, 8);
    std::memcpy(pattern + 8, &done, 4);
    std::memcpy(pattern + 12, &lastDay, 4);
    const size_t at = snap.find(std::string(pattern, 16), kPayloadAt);
    REQUIRE(at != std::string::npos);
    const uint32_t huge = 1174405121u;  // the fuzzer's value: times 7 days overflows an int
    std::memcpy(snap.data() + at + 8, &huge, 4);
    fixChecksum(snap);
    CHECK(loadError(snap).rfind("crafted.snap: damaged snapshot (calendar counter out of range at byte ", 0) == 0);
}
