// A run folder replaced whole or not at all (run_folder.h): never a mix of two writers, the
// previous folder kept on failure, leftovers of a killed run cleaned up, foreign files refused.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "run_folder.h"
#include "test_files.h"

using namespace tsunagari;
namespace fs = std::filesystem;
using namespace test_files;

namespace {

const std::vector<std::string> kOwn = {"events.csv", "summary.json", "record.json"};



// A set of files all marked with `mark`, large enough that writing them takes a while.
std::vector<FolderFile> filesMarked(char mark) {
    return {{"events.csv", std::string(200'000, mark)}, {"summary.json", std::string(1, mark)},
            {"record.json", std::string(50'000, mark)}};
}

// The single mark all files of the folder carry, or '?' for a mix or a missing file.
char markOf(const fs::path& dir) {
    char mark = 0;
    for (const char* name : {"events.csv", "summary.json", "record.json"}) {
        const std::string text = slurp(dir / name);
        if (text.empty() || text.find_first_not_of(text[0]) != std::string::npos) return '?';
        if (mark != 0 && text[0] != mark) return '?';
        mark = text[0];
    }
    return mark;
}

size_t entriesIn(const fs::path& dir) {
    size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("run folder: replaces the folder with exactly the new files") {
    const fs::path base = freshDir("folder");
    replaceFolder(base / "run", filesMarked('a'), kOwn);
    CHECK(markOf(base / "run") == 'a');
    replaceFolder(base / "run", {{"events.csv", "b"}, {"summary.json", "b"}}, kOwn);
    CHECK(slurp(base / "run" / "events.csv") == "b");
    CHECK_FALSE(fs::exists(base / "run" / "record.json"));   // nothing of the previous run is kept
    // Only the folder and its lock file remain beside it.
    CHECK(entriesIn(base) == 2);
    CHECK(fs::exists(base / ".run.lock"));
    fs::remove_all(base);
}

TEST_CASE("run folder: two writers at once leave the folder wholly one of theirs every time") {
    const fs::path base = freshDir("folder");
    const fs::path dir = base / "run";
    int seenA = 0, seenB = 0;
    for (int attempt = 0; attempt < 60; ++attempt) {
        std::thread a([&] { replaceFolder(dir, filesMarked('a'), kOwn); });
        std::thread b([&] { replaceFolder(dir, filesMarked('b'), kOwn); });
        a.join();
        b.join();
        const char mark = markOf(dir);
        REQUIRE(mark != '?');
        ++(mark == 'a' ? seenA : seenB);
        REQUIRE(entriesIn(base) == 2);   // no temporary folder left
    }
    CHECK(seenA + seenB == 60);
    fs::remove_all(base);
}

TEST_CASE("run folder: a failure part-way leaves the previous folder intact") {
    const fs::path base = freshDir("folder");
    replaceFolder(base / "run", filesMarked('a'), kOwn);
    // The second file cannot be written (its folder does not exist): the swap never happens.
    const std::vector<FolderFile> broken = {{"events.csv", "b"}, {"no/such/summary.json", "b"}, {"record.json", "b"}};
    CHECK_THROWS_AS(replaceFolder(base / "run", broken, kOwn), std::runtime_error);
    CHECK(markOf(base / "run") == 'a');
    CHECK(entriesIn(base) == 2);
    fs::remove_all(base);
}

TEST_CASE("run folder: what a killed run left is restored or removed") {
    const fs::path base = freshDir("folder");
    // Killed while writing: a half-written new folder and a stale previous one.
    replaceFolder(base / "run", filesMarked('a'), kOwn);
    fs::create_directories(base / ".run.new");
    std::ofstream(base / ".run.new" / "events.csv") << "half";
    fs::create_directories(base / ".run.old");
    replaceFolder(base / "run", filesMarked('b'), kOwn);
    CHECK(markOf(base / "run") == 'b');
    CHECK(entriesIn(base) == 2);

    // Killed between moving the folder aside and moving the new one in: the folder is gone and
    // its previous version waits in .run.old; a failing next run must bring it back.
    fs::rename(base / "run", base / ".run.old");
    fs::create_directories(base / ".run.new");
    CHECK_THROWS_AS(replaceFolder(base / "run", {{"no/such/file", "c"}}, kOwn), std::runtime_error);
    CHECK(markOf(base / "run") == 'b');
    CHECK(entriesIn(base) == 2);
    fs::remove_all(base);
}

TEST_CASE("run folder: a folder holding other files is refused and left alone") {
    const fs::path base = freshDir("folder");
    fs::create_directories(base / "mine");
    std::ofstream(base / "mine" / "notes.txt") << "keep";
    const std::string expected = "cannot write to '" + (base / "mine").string() +
                                 "': it holds 'notes.txt', which is not a report of a run; the folder is replaced as a "
                                 "whole, so choose another --out or move that file";
    CHECK_THROWS_WITH_AS(checkReplaceableFolder(base / "mine", kOwn), expected.c_str(), std::runtime_error);
    CHECK_THROWS_WITH_AS(replaceFolder(base / "mine", filesMarked('a'), kOwn), expected.c_str(), std::runtime_error);
    CHECK(slurp(base / "mine" / "notes.txt") == "keep");
    fs::create_directories(base / "nested" / "sub");
    CHECK_THROWS_AS(checkReplaceableFolder(base / "nested", kOwn), std::runtime_error);
    CHECK_THROWS_AS(checkReplaceableFolder("/", kOwn), std::runtime_error);
    // A missing folder is fine, and its parent is created.
    checkReplaceableFolder(base / "a" / "b" / "run", kOwn);
    CHECK(fs::is_directory(base / "a" / "b"));
    fs::remove_all(base);
}

TEST_CASE("run folder: a name ending in / is a folder of its own (a run's charts), only as a folder") {
    const fs::path base = freshDir("folder");
    const std::vector<std::string> own = {"events.csv", "charts/"};
    fs::create_directories(base / "run" / "charts");
    std::ofstream(base / "run" / "charts" / "referrals_received.png") << "png";
    std::ofstream(base / "run" / "events.csv") << "old";
    checkReplaceableFolder(base / "run", own);
    replaceFolder(base / "run", {{"events.csv", "new"}}, own);
    CHECK(slurp(base / "run" / "events.csv") == "new");
    CHECK_FALSE(fs::exists(base / "run" / "charts"));   // the old run's charts go with it
    std::ofstream(base / "run" / "charts") << "a file, not a folder";
    CHECK_THROWS_AS(checkReplaceableFolder(base / "run", own), std::runtime_error);
    fs::remove(base / "run" / "charts");
    fs::create_directories(base / "run" / "events.csv.d");
    CHECK_THROWS_AS(checkReplaceableFolder(base / "run", own), std::runtime_error);
    fs::remove_all(base);
}

TEST_CASE("run folder: paths a replacement would touch") {
    const fs::path base = freshDir("folder");
    const fs::path dir = base / "run";
    CHECK(replacingFolderTouches(dir, dir / "snap.bin"));
    CHECK(replacingFolderTouches(dir, dir / "deeper" / "snap.bin"));
    CHECK(replacingFolderTouches(base / "run/", dir / "events.csv"));
    CHECK(replacingFolderTouches(dir, dir));
    CHECK(replacingFolderTouches(dir, base / ".run.new"));
    CHECK(replacingFolderTouches(dir, base / ".run.lock"));
    CHECK_FALSE(replacingFolderTouches(dir, base / "snap.bin"));
    CHECK_FALSE(replacingFolderTouches(dir, base / "run2" / "snap.bin"));
    CHECK_FALSE(replacingFolderTouches(dir, base / "runs.bin"));
    fs::remove_all(base);
}
