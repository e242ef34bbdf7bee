// The model's own memory figure: the capacity (not the size) of every structure the World
// holds, so that what bench and the memory tests read is what the allocator was asked for.
#include <functional>
#include <queue>
#include <unordered_map>

#include "world.h"

namespace tsunagari {

namespace {

template <class T> size_t vectorBytes(const std::vector<T>& v) { return v.capacity() * sizeof(T); }

// Heap bytes only: a short string lives inside the object itself.
size_t stringBytes(const std::string& s) {
    const auto* self = reinterpret_cast<const char*>(&s);
    const bool inside = !std::less<const char*>()(s.data(), self) && std::less<const char*>()(s.data(), self + sizeof s);
    return inside ? 0 : s.capacity() + 1;
}

size_t stringsBytes(const std::vector<std::string>& list) {
    size_t bytes = vectorBytes(list);
    for (const auto& s : list) bytes += stringBytes(s);
    return bytes;
}

// A priority queue's container is protected; a derived accessor reads its capacity.
template <class Queue> size_t queueBytes(const Queue& queue) {
    struct Peek : Queue {
        static const typename Queue::container_type& container(const Queue& q) { return q.*(&Peek::c); }
    };
    return vectorBytes(Peek::container(queue));
}

// Buckets, and per entry a node (the pair, a next pointer, the cached hash) and the label's heap bytes.
size_t groupIndexBytes(const std::unordered_map<std::string, int>& index) {
    size_t bytes = index.bucket_count() * sizeof(void*);
    for (const auto& entry : index) bytes += sizeof(entry) + 2 * sizeof(void*) + stringBytes(entry.first);
    return bytes;
}

size_t scenarioBytes(const Scenario& s) {
    size_t bytes = vectorBytes(s.population) + vectorBytes(s.calendar);
    for (const auto& c : s.population)
        bytes += stringBytes(c.label) + stringBytes(c.labelJa) + stringBytes(c.archetype) + stringsBytes(c.professions) +
                 stringsBytes(c.names) + stringsBytes(c.joins);
    for (const auto& e : s.calendar) bytes += stringBytes(e.name) + stringBytes(e.nameJa);
    return bytes;
}

}  // namespace

World::ForgetCalendarUse World::forgetCalendarUse() const {
    ForgetCalendarUse use;
    use.entries = m_forgetCalendar.entries();
    use.capacity = m_forgetCalendar.capacity() + m_dueScratch.capacity();
    use.bytes = m_forgetCalendar.bytes() + vectorBytes(m_dueScratch);
    return use;
}

size_t World::memoryBytes() const {
    size_t bytes = sizeof(World) + m_relations.memoryBytes() + scenarioBytes(m_scenario) + stringsBytes(m_groupLabels) +
                   groupIndexBytes(m_groupIndex);
    bytes += vectorBytes(m_attendees);
    for (const auto& a : m_attendees) bytes += vectorBytes(a.clientTrust) + stringBytes(a.name);
    bytes += vectorBytes(m_history);
    for (const auto& h : m_history) bytes += vectorBytes(h.groups) + stringBytes(h.name);
    bytes += vectorBytes(m_referrals) + queueBytes(m_pending);
    bytes += vectorBytes(m_occurrencesDone) + vectorBytes(m_event.participants) + vectorBytes(m_event.late) +
             vectorBytes(m_event.groupMembers) + vectorBytes(m_event.groupStarts);
    bytes += vectorBytes(m_referableAs) + vectorBytes(m_practising) + vectorBytes(m_scratch) + vectorBytes(m_pairs) +
             vectorBytes(m_candidates) + vectorBytes(m_lateByAttendee) + vectorBytes(m_memberFlags) + vectorBytes(m_talkers);
    bytes += vectorBytes(m_seatRoles);
    bytes += vectorBytes(m_rememberedTies) + vectorBytes(m_listedEdges) + forgetCalendarUse().bytes;
    return bytes;
}

}  // namespace tsunagari
