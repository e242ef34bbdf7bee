// World construction, setup changes between steps, state reading and the state hash.
#include "world.h"

#include <algorithm>
#include <cstring>

#include "attendee_names.h"
#include "professions.h"
#include "trade_deal.h"

namespace tsunagari {

const char* referralStatusKey(ReferralStatus s) {
    static const char* keys[] = {"declined", "in_progress", "delivered", "late"};
    return keys[int(s)];
}

World::World(const Scenario& scenario) : m_scenario(scenario), m_rng(scenario.seed) {
    m_rules = TrustRules::from(m_scenario.params, m_scenario.mechanisms);
    int total = 0;
    for (const auto& c : m_scenario.population) total += c.count;
    m_attendees.reserve(size_t(total));
    const auto trades = dealTrades(m_scenario.population, int(m_scenario.params[Param::EconomyTrades]));
    for (int c = 0; c < int(m_scenario.population.size()); ++c) {
        auto& cohort = m_scenario.population[size_t(c)];
        if (cohort.label.empty()) cohort.label = cohort.archetype;
        cohort.count = 0;  // addMember counts them back in
        for (const int trade : trades[size_t(c)]) addMember(c, trade);
    }
    m_occurrencesDone.assign(m_scenario.calendar.size(), 0);
    rebuildEdgeBookkeeping();
}

void World::addMember(int cohortIndex, int profession) {
    auto& cohort = m_scenario.population[size_t(cohortIndex)];
    Attendee a;
    a.id = uint32_t(m_attendees.size());
    const auto indexInCohort = size_t(cohort.count);
    a.name = indexInCohort < cohort.names.size() ? cohort.names[indexInCohort] : generatedName(a.id);
    a.profession = profession;
    a.cohort = cohortIndex;
    a.group = groupOf(cohortIndex);
    a.traits = cohort.traits;
    a.clientTrust.assign(size_t(m_scenario.params[Param::ClientsPerAttendee]),
                         float(m_scenario.params[Param::InitialReputation]));
    a.snapshot.reputation = m_scenario.params[Param::InitialReputation];
    m_attendees.push_back(std::move(a));
    ++cohort.count;
    m_relations.resizeAttendees(m_attendees.size());
    m_rememberedTies.resize(m_attendees.size(), 0);
    if (m_event.inProgress) {   // joins after this event: neither a member of it nor late to it
        m_lateByAttendee.resize(m_attendees.size(), 0);
        m_memberFlags.resize(m_attendees.size(), 0);
    }
    m_referableCount = -1;  // recomputed lazily
}

int World::groupOf(int cohortIndex) {
    // Labels are looked up in a map: a search of the list per member cost cohorts x attendees.
    // The map is rebuilt when out of step with the list (a restored snapshot brings its own).
    if (m_groupIndex.size() != m_groupLabels.size()) {
        m_groupIndex.clear();
        for (size_t g = 0; g < m_groupLabels.size(); ++g) m_groupIndex.emplace(m_groupLabels[g], int(g));
    }
    const std::string& label = m_scenario.population[size_t(cohortIndex)].label;
    const auto [entry, added] = m_groupIndex.emplace(label, int(m_groupLabels.size()));
    if (added) m_groupLabels.push_back(label);
    return entry->second;
}

double World::trust(uint32_t from, uint32_t to) const {
    const uint32_t e = m_relations.find(from, to);
    return e == RelationshipStore::kNone ? 0.0 : m_rules.trust(m_relations.edge(e), std::max(m_day, 0));
}

Stage World::stage(uint32_t from, uint32_t to) const {
    const uint32_t e = m_relations.find(from, to);
    return e == RelationshipStore::kNone ? Stage::Stranger : m_rules.stage(m_relations.edge(e), std::max(m_day, 0));
}

void World::setParam(Param p, double value) {
    m_scenario.params[p] = value;
    m_rules = TrustRules::from(m_scenario.params, m_scenario.mechanisms);
    refreshForgetDays();
}

void World::setMechanism(Mechanism m, bool on) {
    m_scenario.mechanisms[m] = on;
    m_rules = TrustRules::from(m_scenario.params, m_scenario.mechanisms);
    refreshForgetDays();
}

void World::setCohortTrait(int cohort, Trait t, double value) {
    m_scenario.population[size_t(cohort)].traits[t] = value;
    for (auto& a : m_attendees)
        if (a.cohort == cohort) a.traits[t] = value;
}

void World::addAttendees(int cohort, int count) {
    // Newcomers continue the cohort's list, or take the trades the fewest active members practise.
    const auto& list = m_scenario.population[size_t(cohort)].professions;
    std::vector<int> practising(professions().size(), 0);
    for (const Attendee& a : m_attendees)
        if (a.active) ++practising[size_t(a.profession)];
    for (int i = 0; i < count; ++i) {
        const int trade = list.empty()
            ? leastPractisedTrade(practising, int(m_scenario.params[Param::EconomyTrades]))
            : professionFromKey(list[size_t(m_scenario.population[size_t(cohort)].count) % list.size()]);
        ++practising[size_t(trade)];
        addMember(cohort, trade);
    }
    // Someone joining mid-event waits for the next event.
}

void World::removeAttendees(int cohort, int count) {
    for (auto it = m_attendees.rbegin(); it != m_attendees.rend() && count > 0; ++it) {
        if (it->cohort != cohort || !it->active) continue;
        it->active = false;
        --m_scenario.population[size_t(cohort)].count;
        --count;
    }
    m_referableCount = -1;
}

void World::setMatchmaking(Policy p) { m_scenario.matchmaking = p; }

void World::setCalendar(std::vector<CalendarEntry> calendar) {
    m_scenario.calendar = std::move(calendar);
    // Each series resumes after the last event held, as if it had always been on the calendar.
    m_occurrencesDone.assign(m_scenario.calendar.size(), 0);
    for (size_t i = 0; i < m_scenario.calendar.size(); ++i) {
        const auto& e = m_scenario.calendar[i];
        int& done = m_occurrencesDone[i];
        while (int64_t(e.firstDay) + int64_t(done) * e.everyDays <= m_lastEventDay) ++done;
    }
}

bool World::nextOccurrence(int& entry, int& day) const {
    entry = -1;
    for (int i = 0; i < int(m_scenario.calendar.size()); ++i) {
        const auto& e = m_scenario.calendar[size_t(i)];
        const int done = m_occurrencesDone[size_t(i)];
        if (e.occurrences > 0 && done >= e.occurrences) continue;
        const int64_t d = int64_t(e.firstDay) + int64_t(done) * e.everyDays;
        if (d > kMaxDay) continue;
        if (entry < 0 || d < day) {  // ties go to the earlier calendar line
            entry = i;
            day = int(d);
        }
    }
    return entry >= 0;
}

bool World::stepRound() {
    if (!m_event.inProgress) {
        int entry = 0, day = 0;
        if (!nextOccurrence(entry, day)) return false;
        beginEvent(entry, day);
    }
    runRound();
    if (m_event.round >= m_event.rounds) finishEvent();
    return true;
}

bool World::stepEvent() {
    if (!stepRound()) return false;
    while (m_event.inProgress) stepRound();
    return true;
}

int World::runEvents(int count) {
    int ran = 0;
    while (ran < count && stepEvent()) ++ran;
    return ran;
}

void World::runToDay(int day) {
    while (m_event.inProgress) stepRound();
    int entry = 0, next = 0;
    while (nextOccurrence(entry, next) && next <= day) stepEvent();
    passDaysTo(day);
}

namespace {
struct Fnv {
    uint64_t h = 1469598103934665603ull;
    void bytes(const void* p, size_t n) {
        const auto* c = static_cast<const unsigned char*>(p);
        for (size_t i = 0; i < n; ++i) h = (h ^ c[i]) * 1099511628211ull;
    }
    template <class T> void value(const T& v) { bytes(&v, sizeof v); }
};
}  // namespace

uint64_t World::stateHash() const {
    Fnv f;
    f.value(m_day);
    f.value(m_rng.state());
    for (const auto& a : m_attendees) {
        f.value(a.active);
        f.value(a.counters.conversations); f.value(a.counters.referralsGiven);
        f.value(a.counters.referralsReceived); f.value(a.counters.referralsAccepted);
        f.value(a.counters.referralsDeclined); f.value(a.counters.complaints);
        f.value(a.counters.closedBusiness);
        f.bytes(a.clientTrust.data(), a.clientTrust.size() * sizeof(float));
    }
    m_relations.forEachEdge([&f](uint32_t, const Edge& e) {
        f.value(e.from); f.value(e.to); f.value(e.good); f.value(e.bad);
        f.value(e.lastDay); f.value(uint16_t(e.contacts)); f.value(uint16_t(e.referrals | e.unthanked << 15)); f.value(e.blockedUntil);
    });
    for (const auto& r : m_referrals) { f.value(r.status); f.value(r.resolvedDay); }
    return f.h;
}

}  // namespace tsunagari
