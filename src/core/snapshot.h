// Saving a running simulation to bytes and resuming it: a resumed run continues exactly
// as the uninterrupted one would have, byte for byte.
#pragma once
#include <stdexcept>
#include <string>

#include "world.h"

namespace tsunagari {

struct SnapshotError : std::runtime_error {
    using std::runtime_error::runtime_error;   // what() is one line naming the file and the problem
};

inline constexpr const char* kSnapshotMagic = "TSUNAGARI-SNAPSHOT";
inline constexpr uint32_t kSnapshotVersion = 3;   // bump whenever the saved state changes shape

[[nodiscard]] std::string saveSnapshot(const World& world);                                // the bytes to write
[[nodiscard]] World loadSnapshot(const std::string& bytes, const std::string& sourceName);  // throws SnapshotError
void writeSnapshotFile(const World& world, const std::string& path);                      // atomic
[[nodiscard]] World readSnapshotFile(const std::string& path);                             // throws SnapshotError

}  // namespace tsunagari
