// Keys of the scenario enums, shared by the loader, the writer and the window.
#include "scenario.h"

#include <array>

namespace tsunagari {

namespace {

constexpr std::array<const char*, size_t(EventKind::Count)> kEventKindKeys{"chapter", "mixer", "community",
                                                                          "one_to_ones"};
constexpr std::array<const char*, size_t(Policy::Count)> kPolicyKeys{"random", "rotation", "complementary",
                                                                    "warm"};

// The enum value whose key is `key`, if any: one lookup for every key table here.
template <class Enum, size_t N>
bool fromKey(const std::array<const char*, N>& keys, const std::string& key, Enum& out) {
    for (size_t i = 0; i < N; ++i)
        if (key == keys[i]) {
            out = Enum(i);
            return true;
        }
    return false;
}

}  // namespace

const char* eventKindKey(EventKind k) { return kEventKindKeys[size_t(k)]; }

const char* policyKey(Policy p) { return kPolicyKeys[size_t(p)]; }

bool eventKindFromKey(const std::string& key, EventKind& out) { return fromKey(kEventKindKeys, key, out); }

bool policyFromKey(const std::string& key, Policy& out) { return fromKey(kPolicyKeys, key, out); }

}  // namespace tsunagari
