// The metric-name table. Japanese terms follow the trainers' review (shared/ja-review.md):
// 面識のある人 rather than 知り合い (a relationship stage), クレーム, 顧客からの信用, 周囲からの信頼.
#include "metric_names.h"

#include <array>

namespace tsunagari {

namespace {

constexpr std::array kMetrics = {
    MetricName{"members", "Members", "人数", "members", "人数", MetricScale::Count,
               [](const GroupFigures& g) { return double(g.members); }},
    MetricName{"contacts", "Contacts", "面識のある人", "people known per member", "1人あたりの面識のある人数",
               MetricScale::Count,
               [](const GroupFigures& g) { return g.contacts; }},
    MetricName{"collaborators", "Collaborators", "協力者", "collaborators per member", "1人あたりの協力者数",
               MetricScale::Count,
               [](const GroupFigures& g) { return g.collaborators; }},
    MetricName{"referrals_given", "Referrals given", "紹介した件数", "referrals given per member",
               "1人あたりの紹介した件数", MetricScale::Count,
               [](const GroupFigures& g) { return g.referralsGiven; }},
    MetricName{"referrals_received", "Referrals received", "紹介された件数", "referrals received per member",
               "1人あたりの紹介された件数", MetricScale::Count,
               [](const GroupFigures& g) { return g.referralsReceived; }},
    MetricName{"repeat_referrals_received", "Repeat referrals", "再紹介された件数",
               "repeat referrals received per member", "1人あたりの再紹介された件数", MetricScale::Count,
               [](const GroupFigures& g) { return g.repeatReferralsReceived; }},
    MetricName{"referrals_accepted", "Referrals accepted", "引き受けた紹介", "referrals accepted per member",
               "1人あたりの引き受けた紹介の件数", MetricScale::Count,
               [](const GroupFigures& g) { return g.referralsAccepted; }},
    MetricName{"referrals_declined", "Referrals declined", "お断りした紹介", "referrals declined per member",
               "1人あたりのお断りした紹介の件数", MetricScale::Count,
               [](const GroupFigures& g) { return g.referralsDeclined; }},
    MetricName{"closed_business", "Closed business", "成約額(千円)", "closed business per member (thousand yen)",
               "1人あたりの成約額(千円)", MetricScale::Money,
               [](const GroupFigures& g) { return g.closedBusiness; }},
    MetricName{"complaints", "Complaints", "クレーム", "complaints per member", "1人あたりのクレーム件数",
               MetricScale::Count,
               [](const GroupFigures& g) { return g.complaints; }},
    MetricName{"reputation", "Reputation", "顧客からの信用", "client reputation (0–1)", "顧客からの信用(0〜1)",
               MetricScale::Fraction,
               [](const GroupFigures& g) { return g.reputation; }},
    MetricName{"trust_received", "Trust received", "周囲からの信頼", "trust received (0–1)",
               "周囲からの信頼(0〜1)", MetricScale::Fraction,
               [](const GroupFigures& g) { return g.trustReceived; }},
    MetricName{"clients_kept", "Clients kept", "残っている顧客", "clients kept per member",
               "1人あたりの残っている顧客数", MetricScale::Count,
               [](const GroupFigures& g) { return g.clientsKept; }},
};

}  // namespace

std::span<const MetricName> metricNames() { return kMetrics; }

const MetricName* findMetricName(std::string_view key) {
    for (const MetricName& m : kMetrics)
        if (key == m.key) return &m;
    return nullptr;
}

}  // namespace tsunagari
