// Snapshot format: magic, version, payload length, FNV-1a checksum of the payload, then
// the payload: the current setup as scenario JSON followed by every piece of model state
// in fixed-width little-endian fields. Derived state (trust rules, hash index, caches) is
// rebuilt on load.
#include "snapshot.h"

#include <cstring>

#include <nlohmann/json.hpp>

#include "capped_read.h"
#include "json_text.h"
#include "process_memory.h"
#include "professions.h"
#include "scenario_io.h"

namespace tsunagari {

namespace {

uint64_t fnv1a(const char* data, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; ++i) h = (h ^ uint8_t(data[i])) * 1099511628211ull;
    return h;
}

class Writer {
public:
    template <class T> void raw(T v) {
        static_assert(std::is_trivially_copyable_v<T>);
        unsigned char bytes[sizeof(T)];
        std::memcpy(bytes, &v, sizeof(T));
        m_out.append(reinterpret_cast<const char*>(bytes), sizeof(T));  // x86-64 and ARM64 are little-endian
    }
    void u8(uint8_t v) { raw(v); }
    void u32(uint32_t v) { raw(v); }
    void i32(int32_t v) { raw(v); }
    void u64(uint64_t v) { raw(v); }
    void f32(float v) { raw(v); }
    void f64(double v) { raw(v); }
    void str(const std::string& s) {
        u64(s.size());
        m_out += s;
    }
    std::string& bytes() { return m_out; }

private:
    std::string m_out;
};

class Reader {
public:
    Reader(const std::string& bytes, size_t begin, std::string source) : m_bytes(bytes), m_pos(begin), m_source(std::move(source)) {}
    template <class T> T raw() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, m_bytes.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return v;
    }
    uint8_t u8() { return raw<uint8_t>(); }
    uint32_t u32() { return raw<uint32_t>(); }
    int32_t i32() { return raw<int32_t>(); }
    uint64_t u64() { return raw<uint64_t>(); }
    float f32() { return raw<float>(); }
    double f64() { return raw<double>(); }
    bool flag() { return u8() != 0; }
    // Numbers the model does arithmetic on must be finite and within their meaning's range.
    double within(double lo, double hi, const char* what) {
        const double v = f64();
        if (!(v >= lo && v <= hi)) fail(std::string(what) + " out of range");
        return v;
    }
    float withinF(float lo, float hi, const char* what) {
        const float v = f32();
        if (!(v >= lo && v <= hi)) fail(std::string(what) + " out of range");
        return v;
    }
    int32_t intWithin(int32_t lo, int32_t hi, const char* what) {
        const int32_t v = i32();
        if (v < lo || v > hi) fail(std::string(what) + " out of range");
        return v;
    }
    std::string str() {
        const uint64_t n = u64();
        need(n);
        std::string s = m_bytes.substr(m_pos, size_t(n));
        m_pos += size_t(n);
        return s;
    }
    // A count of items each at least `minBytes` long, checked before anything is allocated.
    size_t count(size_t minBytes, const char* what) {
        const uint64_t n = u64();
        if (minBytes > 0 && n > (m_bytes.size() - m_pos) / minBytes) fail(std::string("implausible number of ") + what);
        return size_t(n);
    }
    [[noreturn]] void fail(const std::string& why) const {
        throw SnapshotError(m_source + ": damaged snapshot (" + why + " at byte " + std::to_string(m_pos) + ")");
    }
    [[nodiscard]] bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    void need(uint64_t n) const {
        if (n > m_bytes.size() - m_pos) fail("unexpected end");
    }
    const std::string& m_bytes;
    size_t m_pos;
    std::string m_source;
};

void writeTraits(Writer& w, const Traits& t) {
    for (double v : t.values) w.f64(v);
}
void writeFigures(Writer& w, const GroupFigures& f) {
    w.i32(f.members);
    for (double v : {f.contacts, f.collaborators, f.reputation, f.trustReceived, f.clientsKept, f.referralsGiven, f.referralsReceived,
                     f.repeatReferralsReceived, f.referralsAccepted, f.referralsDeclined, f.closedBusiness, f.complaints})
        w.f64(v);
}
GroupFigures readFigures(Reader& r) {
    GroupFigures f;
    f.members = r.i32();
    for (double* v : {&f.contacts, &f.collaborators, &f.reputation, &f.trustReceived, &f.clientsKept, &f.referralsGiven,
                      &f.referralsReceived, &f.repeatReferralsReceived, &f.referralsAccepted, &f.referralsDeclined,
                      &f.closedBusiness, &f.complaints})
        *v = r.within(0, 1e300, "event figure");
    return f;
}

template <class T> void writeU32s(Writer& w, const std::vector<T>& v) {
    w.u64(v.size());
    for (auto x : v) w.u32(uint32_t(x));
}
template <class T> std::vector<T> readU32s(Reader& r, const char* what) {
    std::vector<T> v(r.count(4, what));
    for (auto& x : v) x = T(r.u32());
    return v;
}

// Days stay far from int overflow: the calendar and forgetting add to them.
constexpr int32_t kLastDay = kMaxDay;
constexpr float kMostEvidence = 1e9f;

}  // namespace

// Befriended by World: the only code that sees its private state from outside.
class SnapshotCodec {
public:
    static void save(const World& world, Writer& w) {
        w.str(scenarioToJson(world.m_scenario).dump());
        for (uint64_t word : world.m_rng.state()) w.u64(word);
        w.i32(world.m_day);
        w.u64(world.m_attendees.size());
        for (const Attendee& a : world.m_attendees) {
            w.str(a.name);
            w.i32(a.profession); w.i32(a.cohort); w.i32(a.group); w.u8(a.active);
            writeTraits(w, a.traits);
            w.u64(a.clientTrust.size());
            for (float t : a.clientTrust) w.f32(t);
            const AttendeeCounters& c = a.counters;
            for (uint32_t v : {c.conversations, c.referralsGiven, c.referralsReceived, c.repeatReferralsReceived,
                               c.referralsAccepted, c.referralsDeclined, c.deliveredOnTime, c.deliveredLate,
                               c.complaints, c.pitches, c.lateArrivals, c.eventsAttended})
                w.u32(v);
            w.f64(c.closedBusiness);
            w.u32(a.snapshot.contacts); w.u32(a.snapshot.collaborators);
            w.f64(a.snapshot.reputation); w.f64(a.snapshot.trustReceived); w.u32(a.snapshot.clientsKept);
        }
        w.u64(world.m_groupLabels.size());
        for (const auto& label : world.m_groupLabels) w.str(label);
        const RelationshipStore::Image store = world.m_relations.image();
        w.u64(store.edges.size());
        for (const Edge& e : store.edges) {
            w.u32(e.from); w.u32(e.to); w.f32(e.good); w.f32(e.bad); w.i32(e.lastDay);
            w.i32(e.blockedUntil); w.i32(e.forgetDay); w.u32(e.contacts); w.u32(e.referrals);
            w.u8(e.scheduled); w.u8(uint8_t(e.listed | e.unthanked << 1));   // bit 1 since help_again_after_silence
        }
        writeU32s(w, store.freePairs);
        writeU32s(w, store.releasedPairs);
        for (const auto& out : store.out) writeU32s(w, out);
        // The forgetting calendar as it stands: entry order decides the order of later work.
        // Each entry's day is the one of its ring slot within the horizon after today.
        const int horizon = World::kForgetHorizonDays;
        for (size_t slot = 0; slot < world.m_forgetCalendar.days(); ++slot) {
            const int first = world.m_day + 1;
            const int day = first + ((int(slot) - first) % horizon + horizon) % horizon;
            w.u64(world.m_forgetCalendar.size(slot));
            world.m_forgetCalendar.forEach(slot, [&](uint32_t edge) { w.u32(edge); w.i32(day); });
        }
        writeU32s(w, world.m_occurrencesDone);
        w.i32(world.m_lastEventDay);
        const EventState& ev = world.m_event;
        w.u8(ev.inProgress); w.i32(ev.index); w.i32(ev.day); w.i32(ev.entry); w.i32(int(ev.kind));
        w.i32(int(ev.policy)); w.i32(ev.round); w.i32(ev.rounds); w.f64(ev.roundHours);
        writeU32s(w, ev.participants); writeU32s(w, ev.late); writeU32s(w, ev.groupMembers); writeU32s(w, ev.groupStarts);
        w.u64(ev.conversations);
        w.u64(world.m_referrals.size());
        for (const Referral& r : world.m_referrals) {
            w.u32(r.id); w.i32(r.day); w.u32(r.from); w.u32(r.to); w.u32(r.client); w.i32(r.profession);
            for (bool b : {r.first, r.weakTie, r.disclosed, r.feeSwayed, r.willBeLate, r.replacement, r.reportedBack,
                           r.thanked, r.complaintReceived, r.complaintHandled})
                w.u8(b);
            w.i32(int(r.status)); w.i32(int(r.tie)); w.i32(r.resolvedDay); w.f64(r.value); w.f64(r.reputationChange);
        }
        auto pending = world.m_pending;  // a copy, emptied in due order
        w.u64(pending.size());
        for (; !pending.empty(); pending.pop()) {
            const auto& p = pending.top();
            w.i32(p.day); w.u64(p.order); w.i32(p.kind); w.u32(p.referral);
        }
        w.u64(world.m_pendingOrder);
        w.u64(world.m_history.size());
        for (const EventRecord& h : world.m_history) {
            w.i32(h.index); w.i32(h.day); w.i32(int(h.kind)); w.str(h.name); w.i32(h.participants); w.i32(h.late);
            w.u64(h.conversations); w.i32(h.referralsMade);
            w.u64(h.groups.size());
            for (const auto& g : h.groups) writeFigures(w, g);
        }
        w.i32(world.m_referralsSinceEvent);
        writeU32s(w, world.m_lateByAttendee);
        writeU32s(w, world.m_memberFlags);
    }

    // Edges, the store's free lists and out-lists, and the forgetting calendar; the counts
    // and lists derived from them are rebuilt here.
    static void readRelationships(Reader& r, World& world, uint32_t attendeeCount) {
        RelationshipStore::Image store;
        store.edges.resize(r.count(38, "edges"));
        for (Edge& e : store.edges) {
            e.from = r.u32(); e.to = r.u32();
            e.good = r.withinF(0, kMostEvidence, "evidence"); e.bad = r.withinF(0, kMostEvidence, "evidence");
            e.lastDay = r.intWithin(-1, kLastDay, "edge day"); e.blockedUntil = r.i32(); e.forgetDay = r.i32();
            e.contacts = uint16_t(r.intWithin(0, Edge::kMaxCount, "contacts"));
            e.referrals = uint16_t(r.intWithin(0, Edge::kMaxReferrals, "referral count"));
            e.scheduled = r.flag();
            const uint8_t bits = r.u8();
            if (bits > 3) r.fail("tie flags out of range");
            e.listed = bits & 1;
            e.unthanked = bits >> 1;
        }
        store.freePairs = readU32s<uint32_t>(r, "free ties");
        store.releasedPairs = readU32s<uint32_t>(r, "released ties");
        store.out.resize(attendeeCount);
        for (auto& out : store.out) out = readU32s<uint32_t>(r, "out-list");
        const std::string wrong = world.m_relations.restore(std::move(store), attendeeCount);
        if (!wrong.empty()) r.fail(wrong);

        RelationshipStore& rel = world.m_relations;
        world.m_rememberedTies.assign(attendeeCount, 0);
        world.m_forgetCalendar.reset(size_t(World::kForgetHorizonDays));
        std::vector<uint8_t> entered(rel.indexEnd(), 0);
        for (size_t slot = 0; slot < size_t(World::kForgetHorizonDays); ++slot) {
            const size_t count = r.count(8, "calendar entries");
            for (size_t k = 0; k < count; ++k) {
                // Due after today and within the calendar's horizon, as every live entry is.
                const uint32_t edge = r.u32();
                const int day = r.intWithin(world.m_day + 1, world.m_day + World::kForgetHorizonDays - 1, "calendar day");
                if (size_t(day % World::kForgetHorizonDays) != slot) r.fail("calendar entry on the wrong day");
                if (edge >= rel.indexEnd() || rel.released(edge) || !rel.edge(edge).scheduled || entered[edge]++)
                    r.fail("calendar entry for a tie that is not waiting to be forgotten");
                ++world.m_rememberedTies[rel.edge(edge).from];
                world.m_forgetCalendar.push(slot, edge);
            }
        }
        world.m_listedEdges.clear();
        world.m_listedSorted = 0;
        for (uint32_t i = 0; i < rel.indexEnd(); ++i) {
            if (rel.released(i)) continue;
            if (rel.edge(i).scheduled && !entered[i]) r.fail("tie waiting to be forgotten has no calendar entry");
            if (rel.edge(i).listed) world.m_listedEdges.push_back(i);
        }
    }

    static World load(Reader& r, const std::string& source) {
        Scenario scenario;
        try {
            scenario = scenarioFromJson(parseJsonText(r.str(), source), source);
        } catch (const std::exception& e) {
            r.fail(std::string("its scenario does not load: ") + e.what());
        }
        World world(scenario);
        std::array<uint64_t, 4> rng{};
        for (auto& word : rng) word = r.u64();
        world.m_rng.setState(rng);
        world.m_day = r.intWithin(-1, kLastDay, "day");
        world.m_attendees.assign(r.count(64, "attendees"), Attendee{});
        const auto attendeeCount = uint32_t(world.m_attendees.size());
        for (uint32_t id = 0; id < attendeeCount; ++id) {
            Attendee& a = world.m_attendees[id];
            a.id = id;
            a.name = r.str();
            a.profession = r.i32(); a.cohort = r.i32(); a.group = r.i32(); a.active = r.flag();
            if (a.cohort < 0 || size_t(a.cohort) >= world.m_scenario.population.size()) r.fail("attendee cohort out of range");
            if (a.profession < 0 || size_t(a.profession) >= professions().size()) r.fail("attendee profession out of range");
            for (double& v : a.traits.values) v = r.within(0, 1, "trait");
            a.clientTrust.resize(r.count(4, "clients"));
            for (float& t : a.clientTrust) t = r.withinF(0, 1, "client trust");
            AttendeeCounters& c = a.counters;
            for (uint32_t* v : {&c.conversations, &c.referralsGiven, &c.referralsReceived, &c.repeatReferralsReceived,
                                &c.referralsAccepted, &c.referralsDeclined, &c.deliveredOnTime, &c.deliveredLate,
                                &c.complaints, &c.pitches, &c.lateArrivals, &c.eventsAttended})
                *v = r.u32();
            c.closedBusiness = r.within(0, 1e300, "closed business");
            a.snapshot.contacts = r.u32(); a.snapshot.collaborators = r.u32();
            a.snapshot.reputation = r.within(0, 1, "reputation"); a.snapshot.trustReceived = r.within(0, 1, "trust received");
            a.snapshot.clientsKept = r.u32();
            if (a.snapshot.clientsKept > a.clientTrust.size()) r.fail("clients kept exceed the client book");
        }
        world.m_groupLabels.resize(r.count(8, "group labels"));
        for (auto& label : world.m_groupLabels) label = r.str();
        world.m_groupIndex.clear();   // rebuilt from these labels when next needed
        for (const auto& a : world.m_attendees)
            if (a.group < 0 || size_t(a.group) >= world.m_groupLabels.size()) r.fail("attendee group out of range");

        readRelationships(r, world, attendeeCount);
        world.m_occurrencesDone = readU32s<int>(r, "calendar counters");
        if (world.m_occurrencesDone.size() != world.m_scenario.calendar.size()) r.fail("calendar counters do not match the calendar");
        for (int done : world.m_occurrencesDone)
            if (done < 0 || done > kMaxDay) r.fail("calendar counter out of range");
        world.m_lastEventDay = r.intWithin(-1, kLastDay, "last event day");
        EventState& ev = world.m_event;
        ev.inProgress = r.flag(); ev.index = r.i32(); ev.day = r.intWithin(0, kLastDay, "event day"); ev.entry = r.i32();
        ev.kind = EventKind(r.intWithin(0, int(EventKind::Count) - 1, "event kind"));
        ev.policy = Policy(r.intWithin(0, int(Policy::Count) - 1, "matchmaking policy"));
        ev.round = r.intWithin(0, kMaxRounds, "round"); ev.rounds = r.intWithin(0, kMaxRounds, "rounds");
        ev.roundHours = r.within(0, 24, "round hours");
        ev.participants = readU32s<uint32_t>(r, "participants");
        ev.late = readU32s<uint8_t>(r, "late arrivals");
        ev.groupMembers = readU32s<uint32_t>(r, "group members");
        ev.groupStarts = readU32s<uint32_t>(r, "group starts");
        ev.conversations = r.u64();
        if (ev.inProgress && (ev.entry < 0 || size_t(ev.entry) >= world.m_scenario.calendar.size())) r.fail("event entry out of range");
        for (uint32_t id : ev.participants) if (id >= attendeeCount) r.fail("participant out of range");
        for (uint32_t id : ev.groupMembers) if (id >= attendeeCount) r.fail("group member out of range");
        for (uint32_t s : ev.groupStarts) if (s > ev.groupMembers.size()) r.fail("group start out of range");

        world.m_referrals.resize(r.count(45, "referrals"));
        for (Referral& x : world.m_referrals) {
            x.id = r.u32(); x.day = r.intWithin(0, kLastDay, "referral day"); x.from = r.u32(); x.to = r.u32(); x.client = r.u32();
            x.profession = r.intWithin(0, int(professions().size()) - 1, "referral profession");
            for (bool* b : {&x.first, &x.weakTie, &x.disclosed, &x.feeSwayed, &x.willBeLate, &x.replacement,
                            &x.reportedBack, &x.thanked, &x.complaintReceived, &x.complaintHandled})
                *b = r.flag();
            x.status = ReferralStatus(r.i32()); x.tie = Stage(r.i32());
            x.resolvedDay = r.i32(); x.value = r.within(0, 1e300, "referral value"); x.reputationChange = r.within(-1, 1, "reputation change");
            if (x.from >= attendeeCount || x.to >= attendeeCount || x.client >= world.m_attendees[x.from].clientTrust.size())
                r.fail("referral between unknown attendees");
            if (int(x.status) < 0 || x.status >= ReferralStatus::Count) r.fail("unknown referral status");
            if (int(x.tie) < 0 || x.tie >= Stage::Count) r.fail("unknown tie stage");
        }
        const size_t pending = r.count(20, "pending steps");
        for (size_t i = 0; i < pending; ++i) {
            World::Pending p{r.intWithin(0, kLastDay, "pending day"), r.u64(), r.intWithin(0, 1, "pending step"), r.u32()};
            if (p.referral >= world.m_referrals.size()) r.fail("pending step for an unknown referral");
            world.m_pending.push(p);
        }
        world.m_pendingOrder = r.u64();
        world.m_history.resize(r.count(40, "events"));
        for (EventRecord& h : world.m_history) {
            h.index = r.i32(); h.day = r.i32(); h.kind = EventKind(r.intWithin(0, int(EventKind::Count) - 1, "event kind"));
            h.name = r.str();
            h.participants = r.i32(); h.late = r.i32(); h.conversations = r.u64(); h.referralsMade = r.i32();
            h.groups.resize(r.count(92, "group figures"));
            if (h.groups.size() != world.m_groupLabels.size()) r.fail("event figures do not match the groups");
            for (auto& g : h.groups) g = readFigures(r);
        }
        world.m_referralsSinceEvent = r.i32();
        world.m_lateByAttendee = readU32s<uint8_t>(r, "late flags");
        world.m_memberFlags = readU32s<uint8_t>(r, "membership flags");
        if (ev.inProgress && (world.m_lateByAttendee.size() != attendeeCount || world.m_memberFlags.size() != attendeeCount))
            r.fail("event flags do not match the attendees");
        world.m_referableCount = -1;  // a cache, rebuilt on the next day
        world.m_rules = TrustRules::from(world.m_scenario.params, world.m_scenario.mechanisms);
        if (!r.atEnd()) r.fail("trailing bytes");
        return world;
    }
};

std::string saveSnapshot(const World& world) {
    Writer payload;
    SnapshotCodec::save(world, payload);
    Writer file;
    file.bytes() = kSnapshotMagic;
    file.u32(kSnapshotVersion);
    file.u64(payload.bytes().size());
    file.u64(fnv1a(payload.bytes().data(), payload.bytes().size()));
    return file.bytes() + payload.bytes();
}

World loadSnapshot(const std::string& bytes, const std::string& source) {
    const size_t magicLength = std::strlen(kSnapshotMagic);
    if (bytes.compare(0, magicLength, kSnapshotMagic) != 0)
        throw SnapshotError(source + ": not a Tsunagari snapshot");
    Reader header(bytes, magicLength, source);
    const uint32_t version = header.u32();
    if (version != kSnapshotVersion)
        throw SnapshotError(source + ": snapshot format version " + std::to_string(version) + ", this program reads version " +
                            std::to_string(kSnapshotVersion));
    const uint64_t length = header.u64();
    const uint64_t checksum = header.u64();
    const size_t payloadStart = magicLength + 4 + 8 + 8;
    if (bytes.size() - payloadStart != length)
        throw SnapshotError(source + ": damaged snapshot (expected " + std::to_string(length) + " bytes of state, found " +
                            std::to_string(bytes.size() - payloadStart) + ")");
    if (fnv1a(bytes.data() + payloadStart, size_t(length)) != checksum)
        throw SnapshotError(source + ": damaged snapshot (checksum mismatch)");
    Reader payload(bytes, payloadStart, source);
    return SnapshotCodec::load(payload, source);
}

void writeSnapshotFile(const World& world, const std::string& path) { writeFileAtomic(path, saveSnapshot(world)); }

World readSnapshotFile(const std::string& path) {
    // The bytes (read from a device, regrown up to three times their size) and the world restored
    // from them must both fit: a snapshot may take a quarter of what this process can still get
    // (64 GB where no limit is known).
    const auto budget = memoryBudget();
    const uint64_t cap = budget ? budget->bytes / 4 : uint64_t(64) << 30;
    std::string content;
    if (const std::string problem = readFileCapped(path, cap, content); !problem.empty())
        throw SnapshotError(path + ": " + (problem.rfind("cannot open", 0) == 0 ? "cannot open snapshot" : problem));
    return loadSnapshot(content, path);
}

}  // namespace tsunagari
