// Trait table and archetype presets: the habits of MODEL.md as numbers.
#include "traits.h"

#include "key_lookup.h"

namespace tsunagari {

namespace {

const std::array<TraitInfo, kTraitCount> kTraitInfo{{
    {"pitch_pressure", 0.15, "chance of pitching in a conversation, before trust exists or not"},
    {"breadth", 0.5, "1 = collects cards from many new faces; 0 = meets the same people again in 1-to-1s"},
    {"reliability", 0.9, "chance that referred work is delivered on time"},
    {"punctuality", 0.9, "chance of arriving on time"},
    {"notify_when_late", 0.5, "chance of sending a message when running late"},
    {"report_back", 0.5, "chance of keeping the referrer informed, good news and bad"},
    {"gratitude", 0.5, "chance of thanking the referrer"},
    {"first_pitch", 0.5, "chance of accepting a first referral from someone even when busy"},
    {"referral_threshold", 0.4, "trust needed before referring a client to a contact (low = careless)"},
    {"disclosure", 0.3, "chance of saying 'I barely know them' when referring a weak tie"},
    {"complaint_handling", 0.3, "chance of following up with both sides when a referral goes wrong"},
    {"fee_offering", 0.0, "size of the referral fee offered to referrers (0 = none, 1 = generous)"},
    {"fee_appetite", 0.0, "how much an offered fee sways this person's choice of whom to refer (0 = trust only)"},
    {"community", 0.2, "chance of joining non-business community meetings (yoga, volunteering)"},
}};

Traits defaults() {
    Traits t;
    for (int i = 0; i < kTraitCount; ++i) t.values[size_t(i)] = kTraitInfo[size_t(i)].fallback;
    return t;
}

Traits preset(std::initializer_list<std::pair<Trait, double>> overrides) {
    Traits t = defaults();
    for (auto [trait, value] : overrides) t[trait] = value;
    return t;
}

std::vector<Archetype> makeArchetypes() {
    using T = Trait;
    return {
        {"average", "Average member", "平均的なメンバー", defaults()},
        {"hard_seller", "Hard seller", "売り込み型", preset({{T::PitchPressure, 0.8}, {T::Breadth, 0.9},
            {T::ReportBack, 0.15}, {T::Gratitude, 0.15}, {T::ReferralThreshold, 0.2}, {T::FeeOffering, 0.6},
            {T::Community, 0.05}})},
        {"slow_trust_builder", "Slow trust builder", "じっくり信頼構築型", preset({{T::PitchPressure, 0.03},
            {T::Breadth, 0.2}, {T::ReportBack, 0.5}, {T::Gratitude, 0.5}, {T::ReferralThreshold, 0.5}})},
        {"gratitude_giver", "Gratitude giver", "報告・お礼をする型", preset({{T::PitchPressure, 0.03},
            {T::Breadth, 0.2}, {T::ReportBack, 0.95}, {T::Gratitude, 0.95}, {T::FirstPitch, 0.95},
            {T::ReferralThreshold, 0.5}})},
        {"careless_referrer", "Careless referrer", "安易な紹介者", preset({{T::ReferralThreshold, 0.1},
            {T::Disclosure, 0.05}, {T::ComplaintHandling, 0.1}})},
        {"unreliable_professional", "Unreliable professional", "納期を守らない専門家", preset({
            {T::Reliability, 0.35}, {T::ReportBack, 0.2}, {T::ComplaintHandling, 0.1}})},
        {"latecomer", "Latecomer", "遅刻常習者", preset({{T::Punctuality, 0.4}, {T::NotifyWhenLate, 0.1}})},
        {"community_member", "Community member", "趣味・地域の集まり型", preset({{T::PitchPressure, 0.02},
            {T::Breadth, 0.3}, {T::Community, 0.9}, {T::ReferralThreshold, 0.5}})},
    };
}

}  // namespace

const TraitInfo& traitInfo(Trait t) { return kTraitInfo[size_t(t)]; }

std::optional<Trait> traitFromKey(std::string_view key) { return enumFromKey<Trait>(kTraitInfo, key); }

std::vector<std::string> traitKeys() {
    std::vector<std::string> keys;
    for (const auto& info : kTraitInfo) keys.emplace_back(info.key);
    return keys;
}

const std::vector<Archetype>& archetypes() {
    static const std::vector<Archetype> all = makeArchetypes();
    return all;
}

const Archetype* findArchetype(std::string_view key) {
    for (const auto& a : archetypes())
        if (key == a.key) return &a;
    return nullptr;
}

std::vector<std::string> archetypeKeys() {
    std::vector<std::string> keys;
    for (const auto& a : archetypes()) keys.emplace_back(a.key);
    return keys;
}

}  // namespace tsunagari
