// Keys of the scenario enums, shared by the loader, the writer and the window.
#include "scenario.h"

#include <array>

namespace tsunagari {

namespace {

constexpr std::array<const char*, size_t(EventKind::Count)> kEventKindKeys{"chapter", "mixer", "community",
                                                                          "one_to_ones"};
constexpr std::array<const char*, size_t(Policy::Count)> kPolicyKeys{"random", "rotation", "complementary",
                                                                    "warm"};

}  // namespace

const char* eventKindKey(EventKind k) { return kEventKindKeys[size_t(k)]; }

const char* policyKey(Policy p) { return kPolicyKeys[size_t(p)]; }

bool eventKindFromKey(const std::string& key, EventKind& out) {
    for (size_t i = 0; i < kEventKindKeys.size(); ++i)
        if (key == kEventKindKeys[i]) {
            out = EventKind(i);
            return true;
        }
    return false;
}

bool policyFromKey(const std::string& key, Policy& out) {
    for (size_t i = 0; i < kPolicyKeys.size(); ++i)
        if (key == kPolicyKeys[i]) {
            out = Policy(i);
            return true;
        }
    return false;
}

}  // namespace tsunagari
