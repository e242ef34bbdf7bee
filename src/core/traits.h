// An attendee's behaviour as continuous traits, and the named archetypes that preset them.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagari {

enum class Trait : int {
    PitchPressure,      // chance of pitching in a conversation (seeds 002, 004)
    Breadth,            // 1 = collects cards from many new faces, 0 = meets the same people again
    Reliability,        // chance referred work is delivered on time (seed 000)
    Punctuality,        // chance of arriving on time (seed 003)
    NotifyWhenLate,     // chance of sending a message when late (seed 003)
    ReportBack,         // chance of keeping the referrer informed (seed 001)
    Gratitude,          // chance of thanking the referrer (seed 001)
    FirstPitch,         // chance of accepting a first referral even when busy (seed 001)
    ReferralThreshold,  // trust needed before referring a client to a contact (seeds 000, 004)
    Disclosure,         // chance of saying "I barely know them" for a weak tie (seed 002)
    ComplaintHandling,  // chance of following up with both sides after a failure (seed 002)
    FeeOffering,        // size of the referral fee offered to referrers, 0..1 (seed 004)
    FeeAppetite,        // how much an offered fee sways this person's referrals (seed 004)
    Community,          // chance of joining non-business community meetings (seed 002)
    Count
};
inline constexpr int kTraitCount = int(Trait::Count);

struct TraitInfo {
    const char* key;      // JSON key, e.g. "pitch_pressure"
    double fallback;      // value when neither archetype nor scenario sets it
    const char* meaning;  // one line for docs and tooltips
};

[[nodiscard]] const TraitInfo& traitInfo(Trait t);
[[nodiscard]] std::optional<Trait> traitFromKey(std::string_view key);
[[nodiscard]] std::vector<std::string> traitKeys();

// All traits lie in [0, 1]; `Traits` is a small value type indexed by `Trait`.
struct Traits {
    std::array<double, kTraitCount> values{};
    double& operator[](Trait t) { return values[size_t(t)]; }
    double operator[](Trait t) const { return values[size_t(t)]; }
    bool operator==(const Traits&) const = default;
};

struct Archetype {
    const char* key;       // "hard_seller"
    const char* nameEn;    // "Hard seller"
    const char* nameJa;    // "押し売り型"
    Traits traits;
};

[[nodiscard]] const std::vector<Archetype>& archetypes();                 // in a fixed order
[[nodiscard]] const Archetype* findArchetype(std::string_view key);       // nullptr if unknown
[[nodiscard]] std::vector<std::string> archetypeKeys();

}  // namespace tsunagari
