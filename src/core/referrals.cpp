// Days between events and the referral lifecycle: need, choice, accept or decline,
// delivery, report back and thanks, delayed complaint, reputation, closed business.
#include <algorithm>

#include "professions.h"
#include "world.h"

namespace tsunagari {

namespace {
constexpr int kDeliveryDue = 0, kComplaintArrives = 1;
}

void World::passDaysTo(int day) {
    while (m_day < day) {
        ++m_day;
        passDay();
    }
}

void World::passDay() {
    forgetDueTies(m_day);
    if (m_referableCount < 0) {
        m_referableCount = 0;
        m_referableAs.assign(m_attendees.size(), -1);
        m_practising.assign(professions().size(), 0);
        for (const auto& a : m_attendees)
            if (a.active) {
                ++m_referableCount;
                m_referableAs[a.id] = a.profession;
                ++m_practising[size_t(a.profession)];
            }
    }
    const Params& p = m_scenario.params;
    const double needChance = p[Param::ClientsPerAttendee] * p[Param::NeedsPerClientPerYear] / 365.0;
    for (const auto& a : m_attendees)
        if (a.active && m_rng.chance(needChance)) tryReferral(a.id);

    while (!m_pending.empty() && m_pending.top().day <= m_day) {
        const Pending due = m_pending.top();
        m_pending.pop();
        Referral& r = m_referrals[due.referral];
        if (due.kind == kDeliveryDue) deliveryDue(r);
        else complaintArrives(r);
    }
}

double World::clientAsks(float clientTrust) const {
    // A client asks the adviser in proportion to their trust, up to the trust they started
    // with, and has left once it falls below the line (seed 000: the referrer's reputation is on the line).
    if (!m_scenario.mechanisms[Mechanism::ClientsReact]) return 1.0;
    const Params& p = m_scenario.params;
    if (clientTrust < p[Param::ClientLeavesBelow]) return 0.0;
    return std::min(1.0, double(clientTrust) / std::max(p[Param::InitialReputation], 1e-9));
}

void World::tryReferral(uint32_t referrer) {
    Attendee& a = m_attendees[referrer];
    if (a.clientTrust.empty() || m_referableCount < 2) return;
    // A client needs one of the economy's trades (the first economy_trades of the profession
    // table), all equally often. Needs within the adviser's own trade stay in house; a need for
    // a trade nobody here practises cannot be referred. So a room that covers more trades can
    // serve more needs (BNI's one member per trade and its "rule of 20"), and members who share
    // a trade share its demand.
    const Params& p = m_scenario.params;
    const auto client = m_rng.below(uint32_t(a.clientTrust.size()));
    const bool asks = m_rng.chance(clientAsks(a.clientTrust[client]));   // drawn either way: the stream stays aligned
    const auto needed = int(m_rng.below(uint32_t(p[Param::EconomyTrades])));
    if (!asks || needed == a.profession || m_practising[size_t(needed)] == 0) return;
    refer(referrer, needed, client, RelationshipStore::kNone);
}

void World::refer(uint32_t referrer, int needed, uint32_t client, uint32_t passedOver) {
    Attendee& a = m_attendees[referrer];
    const double disclosureDraw = m_rng.uniform();

    // Choose the most trusted contact of that profession above the threshold. A fee stands
    // in for trust only as far as this referrer has an appetite for fees (seed 004).
    const Params& p = m_scenario.params;
    const double threshold = a.traits[Trait::ReferralThreshold];
    const double appetite = p[Param::FeeWeight] * a.traits[Trait::FeeAppetite];
    uint32_t chosenEdge = RelationshipStore::kNone;
    double chosenScore = -1, chosenTrust = 0;
    // Candidates are filtered on a small dense table, and their edges all requested at once,
    // before any is read: the misses overlap instead of queueing.
    m_candidates.clear();
    for (const auto& tie : m_relations.outEdges(referrer)) {
        if (m_referableAs[tie.to] != needed || tie.to == passedOver) continue;
        // A released tie (awaiting the sweep) reads as forgotten: a bit says so without its line.
        if (m_relations.released(tie.edge)) continue;
        m_candidates.push_back(tie);
        m_relations.prefetchEdge(tie.edge);
    }
    for (const auto& tie : m_candidates) {
        const uint32_t ei = tie.edge;
        const Edge& e = m_relations.edge(ei);
        if (e.blockedUntil > m_day || !m_rules.remembered(e, m_day)) continue;
        const double t = m_rules.trust(e, m_day);
        // Without an appetite for fees the offer is not even looked up (a cache miss per candidate).
        const double score = appetite > 0 ? t + appetite * m_attendees[tie.to].traits[Trait::FeeOffering] : t;
        if (score >= threshold && score > chosenScore) {
            chosenScore = score;
            chosenEdge = ei;
            chosenTrust = t;
        }
    }
    // Nobody trusted enough: no referral. Passing a client to someone barely known is the
    // careless habit (a low threshold, seed 000); an honest one says so (seed 002).
    if (chosenEdge == RelationshipStore::kNone) return;
    if (!helpsAgain(m_relations.edge(chosenEdge))) return;
    Referral r;
    r.weakTie = chosenTrust < p[Param::StageFriend];
    r.disclosed = r.weakTie && disclosureDraw < a.traits[Trait::Disclosure];
    r.feeSwayed = chosenTrust < threshold;

    Edge& edge = m_relations.edge(chosenEdge);
    Attendee& b = m_attendees[edge.to];
    r.id = uint32_t(m_referrals.size());
    r.day = m_day;
    r.from = referrer;
    r.to = edge.to;
    r.client = client;
    r.profession = needed;
    r.first = edge.referrals == 0;
    r.tie = m_rules.stage(edge, m_day);
    r.replacement = passedOver != RelationshipStore::kNone;
    if (edge.referrals < Edge::kMaxReferrals) ++edge.referrals;
    ++a.counters.referralsGiven;
    ++b.counters.referralsReceived;
    if (!r.first) ++b.counters.repeatReferralsReceived;
    ++m_referralsSinceEvent;

    // A busy receiver declines, unless it is someone's first referral and they swing at it (seed 001).
    const bool busy = m_rng.chance(p[Param::BusyChance]);
    const bool swing = m_rng.chance(r.first ? b.traits[Trait::FirstPitch] : 0.5);
    const bool onTime = m_rng.chance(b.traits[Trait::Reliability]);
    if (busy && !swing) {
        r.status = ReferralStatus::Declined;
        r.resolvedDay = m_day;
        ++b.counters.referralsDeclined;
        if (r.first && m_scenario.mechanisms[Mechanism::FirstDeclineBlock])
            edge.blockedUntil = m_day + int(p[Param::FirstDeclineBlockDays]);
        else
            addEvidence(referrer, r.to, 0, p[Param::DeclineBadHours]);
        m_referrals.push_back(r);
        return;
    }
    ++b.counters.referralsAccepted;
    r.willBeLate = !onTime;
    m_referrals.push_back(r);
    m_pending.push({m_day + int(p[Param::JobDays]), m_pendingOrder++, kDeliveryDue, r.id});
}

void World::deliveryDue(Referral& r) {
    const Params& p = m_scenario.params;
    Attendee& b = m_attendees[r.to];
    const bool gratitudeCounts = m_scenario.mechanisms[Mechanism::GratitudeEffect];
    r.reportedBack = m_rng.chance(b.traits[Trait::ReportBack]);
    r.thanked = m_rng.chance(b.traits[Trait::Gratitude]);
    if (r.to == m_seat && m_chooser) seatReplies(r);   // a seat's chooser decides instead (drawn either way)
    r.resolvedDay = m_day;
    // Silence: after good work, neither a report nor thanks; after late work, no report.
    const bool silent = r.willBeLate ? !r.reportedBack : !r.reportedBack && !r.thanked;
    double good = 0, bad = silent ? p[Param::SilenceBadHours] : 0.0;
    if (!r.willBeLate) {
        r.status = ReferralStatus::Delivered;
        r.value = p[Param::JobValue] * p[Param::ReferralValuePremium];
        b.counters.closedBusiness += r.value;
        ++b.counters.deliveredOnTime;
        const double current = m_attendees[r.from].clientTrust[r.client];
        changeReputation(r, p[Param::ReputationGain] * (1.0 - current));
        if (r.reportedBack) good += p[Param::ReportHours];
        if (r.thanked) good += p[Param::ThanksHours];
    } else {
        // Late: the client complains to the referrer weeks later (seed 000). A report of
        // the trouble now lets the referrer follow up early (seed 001).
        r.status = ReferralStatus::Late;
        ++b.counters.deliveredLate;
        const int delay = m_rng.between(int(p[Param::ComplaintDelayMinDays]), int(p[Param::ComplaintDelayMaxDays]));
        m_pending.push({m_day + delay, m_pendingOrder++, kComplaintArrives, r.id});
    }
    if (gratitudeCounts && (good > 0 || bad > 0)) addEvidence(r.from, r.to, good, bad);
    if (gratitudeCounts) rememberSilence(r, silent);
    // Word of trouble in time lets the referrer send the client to another professional
    // (seed 001). Last, because a new referral may move `r` in memory.
    if (r.status == ReferralStatus::Late && r.reportedBack && gratitudeCounts) {
        const Referral late = r;
        refer(late.from, late.profession, late.client, late.to);
    }
}

// Grant & Gino (2010): helpers who were not thanked helped again about half as often. So a
// referrer whose last referral to someone met silence (neither report nor thanks) refers to
// them again only with the chance `help_again_after_silence`; at 1 (the default) silence costs
// trust only (`silence_bad_hours`) and nothing is drawn or marked.
bool World::helpsAgain(const Edge& e) {
    const double again = m_scenario.params[Param::HelpAgainAfterSilence];
    return !e.unthanked || again >= 1.0 || m_rng.chance(again);
}

void World::rememberSilence(const Referral& r, bool silent) {
    if (m_scenario.params[Param::HelpAgainAfterSilence] >= 1.0) return;
    const uint32_t index = m_relations.find(r.from, r.to);
    if (index != RelationshipStore::kNone) m_relations.edge(index).unthanked = silent;
}

void World::complaintArrives(Referral& r) {
    const Params& p = m_scenario.params;
    const Mechanisms& m = m_scenario.mechanisms;
    Attendee& a = m_attendees[r.from];
    const Attendee& b = m_attendees[r.to];
    ++a.counters.complaints;
    r.complaintReceived = true;
    r.resolvedDay = m_day;
    // Both draws always happen, so switching a mechanism off does not shift the random stream.
    const bool referrerFollowsUp = m_rng.chance(a.traits[Trait::ComplaintHandling]);
    const bool receiverFollowsUp = m_rng.chance(b.traits[Trait::ComplaintHandling]);

    double loss = p[Param::ReputationLoss];
    if (r.disclosed && m[Mechanism::DisclosureSoftens]) loss *= 1.0 - p[Param::DisclosureSoftening];
    if (r.reportedBack && m[Mechanism::GratitudeEffect]) loss *= 1.0 - p[Param::EarlyReportRecovery];
    if (m[Mechanism::ComplaintHandling]) {
        if (referrerFollowsUp) loss *= 1.0 - p[Param::ComplaintRecovery];
        if (receiverFollowsUp) loss *= 1.0 - p[Param::ComplaintRecovery];
        r.complaintHandled = referrerFollowsUp || receiverFollowsUp;
    }
    changeReputation(r, -loss);
    const double distrust = p[Param::FailureBadHours] * (r.complaintHandled && receiverFollowsUp ? 0.5 : 1.0);
    addEvidence(r.from, r.to, 0, distrust);
}

void World::changeReputation(Referral& r, double delta) {
    if (!m_scenario.mechanisms[Mechanism::ReputationAtStake]) return;
    float& t = m_attendees[r.from].clientTrust[r.client];
    const float before = t;
    t = std::clamp(float(t + delta), 0.0f, 1.0f);
    r.reputationChange += double(t - before);
}

}  // namespace tsunagari
