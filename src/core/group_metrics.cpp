#include "group_metrics.h"

#include <array>

namespace tsunagari {

namespace {

constexpr std::array kMetrics{
    GroupMetric{"members", MetricScale::Count, [](const GroupFigures& g) { return double(g.members); }},
    GroupMetric{"contacts", MetricScale::Count, [](const GroupFigures& g) { return g.contacts; }},
    GroupMetric{"collaborators", MetricScale::Count, [](const GroupFigures& g) { return g.collaborators; }},
    GroupMetric{"referrals_given", MetricScale::Count, [](const GroupFigures& g) { return g.referralsGiven; }},
    GroupMetric{"referrals_received", MetricScale::Count, [](const GroupFigures& g) { return g.referralsReceived; }},
    GroupMetric{"repeat_referrals_received", MetricScale::Count,
                [](const GroupFigures& g) { return g.repeatReferralsReceived; }},
    GroupMetric{"referrals_accepted", MetricScale::Count, [](const GroupFigures& g) { return g.referralsAccepted; }},
    GroupMetric{"referrals_declined", MetricScale::Count, [](const GroupFigures& g) { return g.referralsDeclined; }},
    GroupMetric{"closed_business", MetricScale::Count, [](const GroupFigures& g) { return g.closedBusiness; }},
    GroupMetric{"complaints", MetricScale::Count, [](const GroupFigures& g) { return g.complaints; }},
    GroupMetric{"reputation", MetricScale::Fraction, [](const GroupFigures& g) { return g.reputation; }},
    GroupMetric{"trust_received", MetricScale::Fraction, [](const GroupFigures& g) { return g.trustReceived; }},
    GroupMetric{"clients_kept", MetricScale::Count, [](const GroupFigures& g) { return g.clientsKept; }},
};

}  // namespace

std::span<const GroupMetric> groupMetrics() { return kMetrics; }

const GroupMetric* groupMetricNamed(const std::string& key) {
    for (const GroupMetric& m : kMetrics)
        if (key == m.key) return &m;
    return nullptr;
}

}  // namespace tsunagari
