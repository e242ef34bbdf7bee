// Names for attendees a scenario does not name: common Japanese family names in turn,
// romanised, with their Japanese writing for a window that speaks Japanese.
#pragma once
#include <cstdint>
#include <string>

namespace tsunagari {

// "Sato", "Suzuki", …; after the list runs out, "Sato 2", "Suzuki 2", …
[[nodiscard]] std::string generatedName(uint32_t id);
// The Japanese writing of a generated name ("Sato 2" → "佐藤 2"); any other name as it is.
[[nodiscard]] std::string japaneseName(const std::string& name);

}  // namespace tsunagari
