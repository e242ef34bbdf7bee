// Checked reading of an experiment spec's JSON: every problem is one ScenarioError naming
// the file, the JSON path and what was expected versus found (as scenario files get).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario_io.h"

namespace tsunagari::experiments {

[[nodiscard]] std::string childPath(const std::string& path, const std::string& key);   // "a.b", or "b" at the top
[[nodiscard]] std::string indexPath(const std::string& path, size_t index);             // "a[3]"

// `unknown dynamics "moarn"; did you mean "moran"?`, or the list of valid names.
[[nodiscard]] std::string unknownName(const std::string& what, const std::string& found,
                                      const std::vector<std::string>& valid);

class SpecReader {
public:
    explicit SpecReader(std::string source) : m_source(std::move(source)) {}
    [[nodiscard]] const std::string& source() const { return m_source; }

    [[noreturn]] void fail(const std::string& path, const std::string& message) const;
    // An object with only the `allowed` keys; a typo is named with the nearest valid key.
    void expectKeys(const nlohmann::json& v, const std::string& path, const std::vector<std::string>& allowed) const;
    void expectArray(const nlohmann::json& v, const std::string& path) const;
    const nlohmann::json& required(const nlohmann::json& object, const std::string& path, const std::string& key) const;
    [[nodiscard]] std::string text(const nlohmann::json& v, const std::string& path) const;        // non-empty
    [[nodiscard]] double numberIn(const nlohmann::json& v, const std::string& path, double min, double max) const;
    [[nodiscard]] int wholeIn(const nlohmann::json& v, const std::string& path, int min, int max) const;
    [[nodiscard]] uint64_t seed(const nlohmann::json& v, const std::string& path) const;          // any uint64
    // One of `valid`, named `what` in the message.
    [[nodiscard]] std::string choice(const nlohmann::json& v, const std::string& path, const std::string& what,
                                     const std::vector<std::string>& valid) const;

private:
    std::string m_source;
};

// A found value as messages show it: compact JSON, cut to about 40 characters.
[[nodiscard]] std::string shownValue(const nlohmann::json& v);

}  // namespace tsunagari::experiments
