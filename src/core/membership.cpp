// One member's habits changed between events: imitation of another member, or replacement
// by a newcomer (the evolution of habits over seasons).
#include <stdexcept>

#include "world.h"

namespace tsunagari {

namespace {

void requireActive(const std::vector<Attendee>& attendees, uint32_t id, const char* role) {
    if (id >= attendees.size() || !attendees[id].active)
        throw std::invalid_argument(std::string("membership change: the ") + role + " is not an active member");
}

}  // namespace

void World::imitate(uint32_t member, uint32_t model) {
    requireActive(m_attendees, member, "imitator");
    requireActive(m_attendees, model, "model");
    Attendee& a = m_attendees[member];
    const Attendee& m = m_attendees[model];
    --m_scenario.population[size_t(a.cohort)].count;
    ++m_scenario.population[size_t(m.cohort)].count;
    a.cohort = m.cohort;
    a.group = m.group;
    a.traits = m.traits;
}

void World::setMemberTraits(uint32_t member, const Traits& traits) {
    requireActive(m_attendees, member, "member");
    m_attendees[member].traits = traits;
}

uint32_t World::replaceMember(uint32_t leaver, uint32_t parent) {
    requireActive(m_attendees, leaver, "leaver");
    requireActive(m_attendees, parent, "parent");
    if (m_event.inProgress) throw std::logic_error("membership change: an event is in progress");
    Attendee& gone = m_attendees[leaver];
    gone.active = false;
    --m_scenario.population[size_t(gone.cohort)].count;
    const Traits traits = m_attendees[parent].traits;   // addMember may reallocate m_attendees
    // The trade mix stays as it was, so strategies compete on habits, not on trades in demand.
    addMember(m_attendees[parent].cohort, gone.profession);
    Attendee& newcomer = m_attendees.back();
    newcomer.traits = traits;
    return newcomer.id;
}

}  // namespace tsunagari
