// Named per-member figures: running totals from the counters, states from the last snapshot.
#include "member_fitness.h"

#include <stdexcept>

namespace tsunagari::experiments {

const std::vector<MemberMetric>& memberMetrics() {
    static const std::vector<MemberMetric> all{
        {"referrals_received", true, [](const Attendee& a) { return double(a.counters.referralsReceived); }},
        {"repeat_referrals_received", true, [](const Attendee& a) { return double(a.counters.repeatReferralsReceived); }},
        {"closed_business", true, [](const Attendee& a) { return a.counters.closedBusiness; }},
        {"collaborators", false, [](const Attendee& a) { return double(a.snapshot.collaborators); }},
        {"contacts", false, [](const Attendee& a) { return double(a.snapshot.contacts); }},
        {"reputation", false, [](const Attendee& a) { return a.snapshot.reputation; }},
        {"trust_received", false, [](const Attendee& a) { return a.snapshot.trustReceived; }},
        {"clients_kept", false, [](const Attendee& a) { return double(a.snapshot.clientsKept); }},
    };
    return all;
}

std::vector<std::string> memberMetricNames() {
    std::vector<std::string> names;
    for (const auto& m : memberMetrics()) names.emplace_back(m.name);
    return names;
}

const MemberMetric& memberMetric(const std::string& name) {
    for (const auto& m : memberMetrics())
        if (name == m.name) return m;
    throw std::invalid_argument("no member metric " + name);
}

}  // namespace tsunagari::experiments
