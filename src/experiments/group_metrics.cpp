// Named accessors of the group and member figures.
#include "group_metrics.h"

#include <stdexcept>

namespace tsunagari::experiments {

const std::vector<GroupMetric>& groupMetrics() {
    static const std::vector<GroupMetric> all{
        {"members", [](const GroupFigures& f) { return double(f.members); }},
        {"contacts", [](const GroupFigures& f) { return f.contacts; }},
        {"collaborators", [](const GroupFigures& f) { return f.collaborators; }},
        {"referrals_given", [](const GroupFigures& f) { return f.referralsGiven; }},
        {"referrals_received", [](const GroupFigures& f) { return f.referralsReceived; }},
        {"repeat_referrals_received", [](const GroupFigures& f) { return f.repeatReferralsReceived; }},
        {"referrals_accepted", [](const GroupFigures& f) { return f.referralsAccepted; }},
        {"referrals_declined", [](const GroupFigures& f) { return f.referralsDeclined; }},
        {"closed_business", [](const GroupFigures& f) { return f.closedBusiness; }},
        {"complaints", [](const GroupFigures& f) { return f.complaints; }},
        {"reputation", [](const GroupFigures& f) { return f.reputation; }},
        {"trust_received", [](const GroupFigures& f) { return f.trustReceived; }},
        {"clients_kept", [](const GroupFigures& f) { return f.clientsKept; }},
    };
    return all;
}

double groupMetric(const GroupFigures& figures, const std::string& name) {
    for (const auto& m : groupMetrics())
        if (name == m.name) return m.of(figures);
    throw std::invalid_argument("no group metric " + name);
}

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
