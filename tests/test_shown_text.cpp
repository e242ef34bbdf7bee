// The window's cut of long texts (issue 11 item 2): short texts untouched, long ones cut at a
// character boundary with the count of what was left out.
#include <doctest/doctest.h>

#include "gui/shown_text.h"

using namespace tsunagari;

TEST_CASE("shown text: short texts are shown whole") {
    CHECK(shownText("file.json: population[0]: expected an object") == "file.json: population[0]: expected an object");
    CHECK(shownText(std::string(1000, 'x')) == std::string(1000, 'x'));
}

TEST_CASE("shown text: a 17000-character error line is cut to its start and says how much is left out") {
    const std::string line = "long.json: population[0].archetype: found \"" + std::string(17000, 'x') + "\"";
    const std::string shown = shownText(line);
    CHECK(shown.size() < 1100);
    CHECK(shown.rfind("long.json: population[0].archetype", 0) == 0);
    CHECK(shown.find("\xE2\x80\xA6 (" + std::to_string(line.size() - 1000) + " more characters)") != std::string::npos);
}

TEST_CASE("shown text: the cut never splits a UTF-8 character") {
    std::string japanese;
    for (int i = 0; i < 600; ++i) japanese += "\xE7\xB4\xB9";   // 紹, three bytes
    const std::string shown = shownText(japanese, 1000);        // 1000 is not a multiple of 3
    const size_t cut = shown.find("\xE2\x80\xA6");
    REQUIRE(cut != std::string::npos);
    CHECK(cut == 999);                                            // 333 whole characters
    CHECK(shown.substr(cut) == "\xE2\x80\xA6 (267 more characters)");
}
