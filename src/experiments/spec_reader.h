// Checked reading of a JSON document that is not a scenario (experiment, tournament and
// evolution specs, story files): every problem is one ScenarioError naming the file, the
// JSON path and what was expected versus found, worded as the scenario loader words it
// (shownJson, unknownNameMessage).
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "calendar_length.h"
#include "scenario.h"
#include "scenario_io.h"

namespace tsunagari::experiments {

[[nodiscard]] std::string childPath(const std::string& path, const std::string& key);   // "a.b", or "b" at the top
[[nodiscard]] std::string indexPath(const std::string& path, size_t index);             // "a[3]"

class SpecReader {
public:
    explicit SpecReader(std::string source) : m_source(std::move(source)) {}
    [[nodiscard]] const std::string& source() const { return m_source; }

    [[noreturn]] void fail(const std::string& path, const std::string& message) const;
    // Unless `ok`: fails with "expected EXPECTED, found V".
    void expect(bool ok, const nlohmann::json& v, const std::string& path, const std::string& expected) const;
    // An object with only the `allowed` keys; a typo is named with the nearest valid key.
    void expectKeys(const nlohmann::json& v, const std::string& path, const std::vector<std::string>& allowed) const;
    void expectArray(const nlohmann::json& v, const std::string& path) const;
    // An array of `min` to `max` items.
    const nlohmann::json& array(const nlohmann::json& v, const std::string& path, size_t min, size_t max) const;
    const nlohmann::json& required(const nlohmann::json& object, const std::string& path, const std::string& key) const;
    [[nodiscard]] std::string text(const nlohmann::json& v, const std::string& path) const;        // non-empty
    [[nodiscard]] Bilingual bilingual(const nlohmann::json& v, const std::string& path) const;   // {"en", "ja"}, both required
    [[nodiscard]] bool flag(const nlohmann::json& v, const std::string& path) const;
    [[nodiscard]] double numberIn(const nlohmann::json& v, const std::string& path, double min, double max) const;
    [[nodiscard]] int wholeIn(const nlohmann::json& v, const std::string& path, int min, int max) const;
    [[nodiscard]] uint64_t seed(const nlohmann::json& v, const std::string& path) const;          // any uint64
    // One of `valid`, named `what` in the message.
    [[nodiscard]] std::string choice(const nlohmann::json& v, const std::string& path, const std::string& what,
                                     const std::vector<std::string>& valid) const;
    // {"weeks": 4}: exactly one unit; its amount whole and at least 1 for events and days, at
    // least 0.001 otherwise, and at most the unit's maxLengthAmount and `cap`.
    [[nodiscard]] RunLength runLength(const nlohmann::json& v, const std::string& path,
                                      double cap = std::numeric_limits<double>::infinity()) const;

private:
    std::string m_source;
};

}  // namespace tsunagari::experiments
