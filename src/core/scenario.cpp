// Keys of the scenario enums, shared by the loader, the writer and the window.
#include "scenario.h"

#include <array>

#include "key_lookup.h"

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
    const auto kind = enumFromKey<EventKind>(kEventKindKeys, key);
    if (kind) out = *kind;
    return kind.has_value();
}

bool policyFromKey(const std::string& key, Policy& out) {
    const auto policy = enumFromKey<Policy>(kPolicyKeys, key);
    if (policy) out = *policy;
    return policy.has_value();
}

}  // namespace tsunagari
