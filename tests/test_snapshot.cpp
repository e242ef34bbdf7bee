// Snapshots: a run saved and resumed gives byte-identical output to an uninterrupted run;
// damaged files and files from another format version are refused with one clear line.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "lesson_support.h"
#include "model_support.h"
#include "report.h"
#include "snapshot.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

std::string allOutputs(const World& w) { return eventsCsv(w) + attendeesCsv(w) + edgesCsv(w) + summaryJson(w); }

// Runs `total` events straight, and again with a save after `stopAt` events (and `extraRounds`
// rounds into the next event) and a resume from the saved bytes; compares every output byte.
void checkResumeMatches(const Scenario& s, int stopAt, int extraRounds, int total) {
    World straight(s);
    straight.runEvents(total);

    World first(s);
    first.runEvents(stopAt);
    for (int r = 0; r < extraRounds; ++r) first.stepRound();
    const std::string bytes = saveSnapshot(first);
    World resumed = loadSnapshot(bytes, "memory");
    CHECK(resumed.stateHash() == first.stateHash());
    CHECK(saveSnapshot(resumed) == bytes);  // saving again gives the same bytes
    while (resumed.eventsDone() < total && resumed.stepEvent()) {}
    CHECK(resumed.stateHash() == straight.stateHash());
    CHECK(allOutputs(resumed) == allOutputs(straight));
}

}  // namespace

TEST_CASE("resumed runs equal uninterrupted ones, for several scenarios and stop points") {
    for (const char* file : {"default.json", "l1_hard_sellers.json", "l3_first_referral.json", "l7_disclosure.json"}) {
        const Scenario s = shippedScenario(file);
        for (const int stopAt : {0, 1, 7, 23}) {
            CAPTURE(file);
            CAPTURE(stopAt);
            checkResumeMatches(s, stopAt, 0, 40);
        }
        CAPTURE(file);
        checkResumeMatches(s, 5, 1, 30);  // saved in the middle of an event
    }
}

TEST_CASE("a snapshot keeps edits made between steps") {
    World w(smallChapter());
    w.runEvents(3);
    w.setCohortTrait(0, Trait::Gratitude, 0.95);
    w.setParam(Param::BusyChance, 0.6);
    w.addAttendees(0, 4);
    w.removeAttendees(0, 2);
    World resumed = loadSnapshot(saveSnapshot(w), "memory");
    CHECK(resumed.scenario().population[0].traits[Trait::Gratitude] == 0.95);
    CHECK(resumed.params()[Param::BusyChance] == 0.6);
    CHECK(resumed.attendees().size() == 28);
    CHECK(resumed.cohorts()[0].count == 26);
    w.runEvents(5);
    resumed.runEvents(5);
    CHECK(resumed.stateHash() == w.stateHash());
}

TEST_CASE("snapshot files are written atomically and read back") {
    const auto dir = std::filesystem::temp_directory_path() / "tsunagari-snapshot-test";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "run.snap").string();
    World w(smallChapter());
    w.runEvents(4);
    writeSnapshotFile(w, path);
    CHECK(readSnapshotFile(path).stateHash() == w.stateHash());
    // A save that cannot be written leaves the previous file as it was.
    CHECK_THROWS(writeSnapshotFile(w, (dir / "missing-dir" / "run.snap").string()));
    CHECK(readSnapshotFile(path).stateHash() == w.stateHash());
    std::filesystem::remove_all(dir);
}

TEST_CASE("damaged snapshots and other versions are refused with one clear line") {
    World w(smallChapter());
    w.runEvents(2);
    const std::string good = saveSnapshot(w);
    auto errorOf = [](const std::string& bytes) -> std::string {
        try {
            (void)loadSnapshot(bytes, "run.snap");
        } catch (const SnapshotError& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(errorOf("") == "run.snap: not a Tsunagari snapshot");
    CHECK(errorOf("{\"title\": 1}") == "run.snap: not a Tsunagari snapshot");
    std::string otherVersion = good;
    otherVersion[std::strlen(kSnapshotMagic)] = char(kSnapshotVersion + 1);
    CHECK(errorOf(otherVersion) == "run.snap: snapshot format version 4, this program reads version 3");
    CHECK(errorOf(good.substr(0, good.size() - 10)).find("run.snap: damaged snapshot (expected ") == 0);
    std::string flipped = good;
    flipped[good.size() / 2] ^= 0x20;
    CHECK(errorOf(flipped) == "run.snap: damaged snapshot (checksum mismatch)");
    CHECK(errorOf(good.substr(0, std::strlen(kSnapshotMagic) + 3)).find("run.snap: damaged snapshot (unexpected end") == 0);
    CHECK_THROWS_AS((void)readSnapshotFile("/nonexistent/run.snap"), SnapshotError);
}
