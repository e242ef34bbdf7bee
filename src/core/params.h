// Model constants (with their sources) and mechanism switches, both table-driven so the
// scenario loader, `--set`, the window's sliders and the docs all use one list.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace tsunagari {

enum class Param : int {
    ConfidenceHours, MemoryHalfLifeDays, MemoryHalfLifeMaxDays, ConsolidationPerContact, ForgetBelowHours,
    StageKnown, StageFriend, StageCollaborator,
    PitchTolerance, PitchBacklashHours, LatePenaltyHours, NotifyKeeps,
    OneToOneHours, OneToOneRate, CardSwapsPerRound, CardSwapHours, WarmIntroHours,
    ClientsPerAttendee, NeedsPerClientPerYear, EconomyTrades, InitialReputation, BusyChance, JobDays,
    ComplaintDelayMinDays, ComplaintDelayMaxDays, FirstDeclineBlockDays, DeclineBadHours,
    ReportHours, ThanksHours, SilenceBadHours, FailureBadHours,
    ReputationGain, ReputationLoss, DisclosureSoftening, ComplaintRecovery, EarlyReportRecovery,
    JobValue, ReferralValuePremium, FeeWeight,
    PlenaryShare, PresentationMinutes, PlenaryWeight, ClientLeavesBelow, RapportSpread, HelpAgainAfterSilence,
    Count
};
inline constexpr int kParamCount = int(Param::Count);

struct ParamInfo {
    const char* key;      // JSON key under "params"
    double fallback;      // default value
    double min, max;      // accepted range, inclusive
    bool integer;         // must be a whole number
    const char* meaning;  // one line for docs and tooltips
    const char* source;   // where the scale comes from
};

[[nodiscard]] const ParamInfo& paramInfo(Param p);
[[nodiscard]] std::optional<Param> paramFromKey(std::string_view key);

struct Params {
    std::array<double, kParamCount> values;
    Params();                                                   // every value at its default
    double& operator[](Param p) { return values[size_t(p)]; }
    double operator[](Param p) const { return values[size_t(p)]; }
    bool operator==(const Params&) const = default;
};

// Each switch turns one mechanism of MODEL.md on or off, so a lesson can be shown to
// vanish with its mechanism (the tests do exactly that).
enum class Mechanism : int {
    Forgetting,            // L5, L10: evidence fades without contact
    TrustNeedsRepetition,  // L10, L1: confidence grows with hours together; off = one meeting suffices
    PitchBacklash,         // L1: an unwelcome pitch lowers trust
    LatenessCosts,         // L6: late arrival costs trust with those who waited
    FirstDeclineBlock,     // L3: declining a first referral stops referrals for a long time
    GratitudeEffect,       // L2: report back and thanks raise the referrer's trust; silence lowers it
    DisclosureSoftens,     // L7: saying "I barely know them" limits reputation damage
    ComplaintHandling,     // L8: following up after a failure recovers reputation
    ReputationAtStake,     // L4: a client's trust in the referrer moves with the outcome
    WarmIntroductions,     // a mutual trusted contact lends trust to a new pair
    Plenary,               // L10: a chapter's whole-room presentations make every member known by sight
    ClientsReact,          // L4: a client who trusts the adviser less asks less, and leaves below a line
    Count
};
inline constexpr int kMechanismCount = int(Mechanism::Count);

struct MechanismInfo {
    const char* key;
    const char* meaning;
};

[[nodiscard]] const MechanismInfo& mechanismInfo(Mechanism m);
[[nodiscard]] std::optional<Mechanism> mechanismFromKey(std::string_view key);

struct Mechanisms {
    std::array<bool, kMechanismCount> on;
    Mechanisms() { on.fill(true); }
    bool operator[](Mechanism m) const { return on[size_t(m)]; }
    bool& operator[](Mechanism m) { return on[size_t(m)]; }
    bool operator==(const Mechanisms&) const = default;
};

}  // namespace tsunagari
