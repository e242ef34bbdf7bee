// The window's string tables: every English text has a Japanese one and the reverse, and
// every trait, parameter and mechanism the window lists has its label and description in
// both languages (parameter and mechanism descriptions in English come from the core tables).
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "params.h"
#include "traits.h"

using namespace tsunagari;

namespace {

nlohmann::json table(const char* language) {
    std::ifstream in(std::string(TSUNAGARI_SOURCE_DIR) + "/assets/strings/" + language + ".json");
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

bool japaneseOnly(const std::string& key) {
    return key.rfind("param_tip.", 0) == 0 || key.rfind("param_src.", 0) == 0 || key.rfind("mech_tip.", 0) == 0;
}

}  // namespace

TEST_CASE("string tables: English and Japanese have the same keys, each with text") {
    const auto en = table("en"), ja = table("ja");
    for (const auto& [key, text] : en.items()) {
        CAPTURE(key);
        CHECK(text.is_string());
        CHECK_FALSE(text.get<std::string>().empty());
        CHECK(ja.contains(key));
        CHECK_FALSE(japaneseOnly(key));   // those come from the core tables in English
    }
    for (const auto& [key, text] : ja.items()) {
        CAPTURE(key);
        CHECK(text.is_string());
        CHECK_FALSE(text.get<std::string>().empty());
        CHECK((en.contains(key) || japaneseOnly(key)));
    }
}

TEST_CASE("string tables: every trait, parameter and mechanism is labelled and described in Japanese") {
    const auto en = table("en"), ja = table("ja");
    for (int t = 0; t < kTraitCount; ++t) {
        const std::string key = traitInfo(Trait(t)).key;
        CAPTURE(key);
        for (const char* prefix : {"trait.", "trait_tip."}) {
            CHECK(en.contains(prefix + key));
            CHECK(ja.contains(prefix + key));
        }
    }
    for (int p = 0; p < kParamCount; ++p) {
        const std::string key = paramInfo(Param(p)).key;
        CAPTURE(key);
        CHECK(en.contains("param." + key));
        for (const char* prefix : {"param.", "param_tip.", "param_src."}) CHECK(ja.contains(prefix + key));
    }
    for (int m = 0; m < kMechanismCount; ++m) {
        const std::string key = mechanismInfo(Mechanism(m)).key;
        CAPTURE(key);
        CHECK(en.contains("mech." + key));
        for (const char* prefix : {"mech.", "mech_tip."}) CHECK(ja.contains(prefix + key));
    }
}
