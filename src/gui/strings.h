// UI text in English and Japanese from assets/strings/{en,ja}.json (key -> text), plus
// language-aware names from the core tables (archetypes, professions).
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "scenario.h"

namespace tsunagari {

enum class Language { English, Japanese };

class Strings {
public:
    // Reads en.json and ja.json from `directory`; false with a one-line `error` if either fails.
    bool load(const std::string& directory, std::string& error);
    void setLanguage(Language language) { m_language = language; }
    [[nodiscard]] Language language() const { return m_language; }
    [[nodiscard]] bool japanese() const { return m_language == Language::Japanese; }
    // Text for `key` in the current language; falls back to English, then to the key itself.
    // The pointer stays valid until the next load().
    [[nodiscard]] const char* operator()(std::string_view key) const;
    // English text for `key`, whatever the language (for notices that must stay readable without the Japanese font).
    [[nodiscard]] const char* english(std::string_view key) const;
    // Same, for a key made of a prefix and a core table key ("trait." + "gratitude").
    [[nodiscard]] const char* get(std::string_view prefix, std::string_view key) const;
    // Japanese text for prefix + key when Japanese is on and the table has it; otherwise `english`
    // (the core's own description of a parameter or mechanism stays the English source).
    [[nodiscard]] const char* localised(std::string_view prefix, std::string_view key, const char* english) const;
    // A cohort's label and a calendar series' name in the current language (scenario files
    // may give `label_ja` / `name_ja`; otherwise the label may be an archetype key).
    [[nodiscard]] const char* cohortName(const Cohort& cohort) const;
    [[nodiscard]] const char* seriesName(const CalendarEntry& entry) const;
    // A group (the cohorts sharing `label`) by name: in Japanese where one of them gives a label_ja.
    [[nodiscard]] const char* groupName(const std::vector<Cohort>& cohorts, const std::string& label) const;
    // Name of an archetype / profession / group label in the current language.
    [[nodiscard]] const char* archetypeName(std::string_view archetypeKey) const;
    [[nodiscard]] const char* professionName(int profession) const;
    // An attendee's name: generated names in Japanese writing when Japanese is on.
    [[nodiscard]] std::string attendeeName(const std::string& name) const;

private:
    using Table = std::map<std::string, std::string, std::less<>>;
    static bool readTable(const std::string& path, Table& table, std::string& error);
    Table m_en, m_ja;
    Language m_language = Language::English;
    [[nodiscard]] const char* keep(std::string_view text) const;  // stable copy of a missing key
    static std::string joinKey(std::string_view prefix, std::string_view key);   // "trait." + "gratitude"
    mutable std::set<std::string, std::less<>> m_missing;  // keys without text, shown as themselves
};

}  // namespace tsunagari
