// Parsing JSON text that may be hostile (a scenario file, a `--set` value, a snapshot's
// scenario) in time linear in its size, with limits a real scenario never reaches.
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace tsunagari {

inline constexpr size_t kMaxJsonDepth = 64;                 // a scenario nests 4 levels deep
inline constexpr size_t kMaxJsonBytes = size_t(64) << 20;   // 64 MiB: far beyond 1,000,000 attendees in cohorts
inline constexpr size_t kMaxNumberChars = 400;              // the longest number literal read
// Each object or array costs about 64 bytes in memory for its 2 bytes of text; 5 per cohort
// for a million cohorts, and at most about 500 MB.
inline constexpr size_t kMaxJsonContainers = 8'000'000;

// Parses `text`; throws ScenarioError(source, path, message), one line, for: UTF-16 text and
// broken UTF-8 (with "save it as UTF-8"), NUL bytes and anything after the document, nesting
// deeper than kMaxJsonDepth, more than kMaxJsonContainers objects and arrays, numbers that
// overflow to infinity or underflow to 0, and duplicate keys (the first in document order,
// with the path of its object). Positions are "line L, column C" counted in characters.
[[nodiscard]] nlohmann::json parseJsonText(const std::string& text, const std::string& source);

// Whether `doc` nests deeper than `limit` levels (a scalar is depth 0); iterative, so any depth is safe.
[[nodiscard]] bool nestedDeeperThan(const nlohmann::json& doc, size_t limit);

}  // namespace tsunagari
