// The per-group figures as named metrics.
#include "experiments/group_metrics.h"

namespace tsunagari::experiments {

const std::array<const char*, kMetricCount>& metricNames() {
    static const std::array<const char*, kMetricCount> names = {
        "members",          "contacts",         "collaborators", "referrals_given",
        "referrals_received", "repeat_referrals_received", "referrals_accepted", "referrals_declined",
        "closed_business",  "complaints",       "reputation",    "trust_received",
        "clients_kept"};
    return names;
}

std::optional<int> metricNamed(const std::string& name) {
    for (int m = 0; m < kMetricCount; ++m)
        if (name == metricNames()[size_t(m)]) return m;
    return std::nullopt;
}

double metricValue(const GroupFigures& g, int metric) {
    switch (metric) {
        case 0: return g.members;
        case 1: return g.contacts;
        case 2: return g.collaborators;
        case 3: return g.referralsGiven;
        case 4: return g.referralsReceived;
        case 5: return g.repeatReferralsReceived;
        case 6: return g.referralsAccepted;
        case 7: return g.referralsDeclined;
        case 8: return g.closedBusiness;
        case 9: return g.complaints;
        case 10: return g.reputation;
        case 11: return g.trustReceived;
        default: return g.clientsKept;
    }
}

}  // namespace tsunagari::experiments
