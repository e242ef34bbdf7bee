// Reports rendered from a World: CSV tables, the JSON summary and the per-archetype text table.
#include "report.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string_view>

#include <nlohmann/json.hpp>

#include "metric_names.h"
#include "professions.h"
#include "text_encoding.h"

namespace tsunagari {

std::string formatNumber(double value) {
    if (value == 0) return "0";  // also turns -0 into "0"
    // std::to_chars never consults the locale, unlike printf.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 6);
    return std::string(buf, res.ptr);
}

std::string formatFixed(double value, int decimals) {
    char buf[400];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    std::string s(buf, res.ptr);
    // "-0.00" reads as a loss where nothing happened.
    if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
    return s;
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

namespace {

// Stages are read as of today; before the first day has passed, as of day 0.
int reportDay(const World& world) { return std::max(world.day(), 0); }

// The figures of the last event record, so reports match what the window shows; before any
// event, the live figures.
std::vector<GroupFigures> lastGroupFigures(const World& world) {
    if (!world.history().empty()) return world.history().back().groups;
    return world.groupFigures();
}

// Rounds to what formatNumber writes, so JSON numbers carry the same digits as the CSVs.
double rounded(double value) {
    const std::string text = formatNumber(value);
    double out = 0;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

// Members are a whole count; every other metric is a mean, written with formatNumber's digits.
bool isWholeCount(const MetricName& metric) { return std::string_view(metric.key) == "members"; }

std::string groupColumns() {
    std::string header;
    for (const MetricName& metric : metricNames()) {
        if (!header.empty()) header += ',';
        header += metric.key;
    }
    return header;
}

void appendGroupFigures(std::string& row, const GroupFigures& g) {
    bool first = true;
    for (const MetricName& metric : metricNames()) {
        if (!first) row += ',';
        first = false;
        const double value = metric.value(g);
        row += isWholeCount(metric) ? std::to_string(int64_t(value)) : formatNumber(value);
    }
}

nlohmann::ordered_json groupJson(const std::string& label, const GroupFigures& g) {
    nlohmann::ordered_json doc = {{"label", label}};
    for (const MetricName& metric : metricNames()) {
        const double value = metric.value(g);
        if (isWholeCount(metric)) doc[metric.key] = int64_t(value);
        else doc[metric.key] = rounded(value);
    }
    return doc;
}

}  // namespace

std::string eventsCsv(const World& world) {
    std::string out = "event,day,kind,name,participants,late,conversations,referrals_made,group,";
    out += groupColumns();
    out += '\n';
    const auto& labels = world.groupLabels();
    for (const EventRecord& e : world.history()) {
        std::string prefix = std::to_string(e.index) + ',' + std::to_string(e.day) + ',' + eventKindKey(e.kind) + ',' +
                             csvField(e.name) + ',' + std::to_string(e.participants) + ',' + std::to_string(e.late) +
                             ',' + std::to_string(e.conversations) + ',' + std::to_string(e.referralsMade) + ',';
        for (size_t g = 0; g < e.groups.size() && g < labels.size(); ++g) {
            out += prefix;
            out += csvField(labels[g]);
            out += ',';
            appendGroupFigures(out, e.groups[g]);
            out += '\n';
        }
    }
    return out;
}

std::string attendeesCsv(const World& world) {
    std::string out =
        "Id,Label,group,archetype,profession,active,contacts,collaborators,reputation,trust_received,"
        "conversations,referrals_given,referrals_received,repeat_referrals_received,referrals_accepted,"
        "referrals_declined,delivered_on_time,delivered_late,complaints,pitches,late_arrivals,events_attended,"
        "closed_business,clients_kept\n";
    const auto& labels = world.groupLabels();
    const auto& cohorts = world.cohorts();
    for (const Attendee& a : world.attendees()) {
        const AttendeeCounters& c = a.counters;
        out += std::to_string(a.id) + ',' + csvField(a.name) + ',' + csvField(labels[size_t(a.group)]) + ',' +
               csvField(cohorts[size_t(a.cohort)].archetype) + ',' + professions()[size_t(a.profession)].key + ',' +
               (a.active ? "1" : "0") + ',' + std::to_string(a.snapshot.contacts) + ',' +
               std::to_string(a.snapshot.collaborators) + ',' + formatNumber(a.snapshot.reputation) + ',' +
               formatNumber(a.snapshot.trustReceived);
        for (uint32_t v : {c.conversations, c.referralsGiven, c.referralsReceived, c.repeatReferralsReceived,
                           c.referralsAccepted, c.referralsDeclined, c.deliveredOnTime, c.deliveredLate, c.complaints,
                           c.pitches, c.lateArrivals, c.eventsAttended})
            out += ',' + std::to_string(v);
        out += ',' + formatNumber(c.closedBusiness) + ',' + std::to_string(a.snapshot.clientsKept) + '\n';
    }
    return out;
}

std::string edgesCsv(const World& world) {
    std::string out = "Source,Target,Type,Weight,Stage,Contacts,Referrals\n";
    const TrustRules& rules = world.trustRules();
    const int day = reportDay(world);
    world.relationships().forEachEdge([&](uint32_t, const Edge& e) {
        if (!rules.remembered(e, day)) return;
        const double trust = rules.trust(e, day);
        out += std::to_string(e.from) + ',' + std::to_string(e.to) + ",Directed," + formatNumber(trust) + ',' +
               stageKey(rules.stageOf(trust, true)) + ',' + std::to_string(e.contacts) + ',' +
               std::to_string(e.referrals) + '\n';
    });
    return out;
}

double averageClustering(const std::vector<std::vector<uint32_t>>& neighbours) {
    if (neighbours.empty()) return 0;
    // Triangles through node i: for each neighbour j, the common neighbours of i and j
    // (sorted-list intersection), each triangle seen twice.
    double sum = 0;
    for (const auto& ni : neighbours) {
        const size_t k = ni.size();
        if (k < 2) continue;
        size_t links = 0;
        for (uint32_t j : ni) {
            const auto& nj = neighbours[j];
            auto a = ni.begin();
            auto b = nj.begin();
            while (a != ni.end() && b != nj.end()) {
                if (*a < *b) ++a;
                else if (*b < *a) ++b;
                else { ++links; ++a; ++b; }
            }
        }
        sum += double(links) / double(k * (k - 1));  // links / 2 over k(k-1)/2
    }
    return sum / double(neighbours.size());
}

NetworkFigures networkFigures(const World& world) {
    NetworkFigures f;
    const TrustRules& rules = world.trustRules();
    const RelationshipStore& store = world.relationships();
    const int day = reportDay(world);
    for (const Attendee& a : world.attendees()) f.attendees += a.active ? 1 : 0;

    std::vector<std::vector<uint32_t>> neighbours(world.attendees().size());
    auto isCollaborator = [&](const Edge& e) {
        return rules.remembered(e, day) && rules.stage(e, day) == Stage::Collaborator;
    };
    store.forEachEdge([&](uint32_t index, const Edge& e) {
        if (!rules.remembered(e, day)) return;
        ++f.rememberedEdges;
        if (!isCollaborator(e)) return;
        ++f.collaboratorEdges;
        // Each mutual pair once, from its lower id.
        if (e.from >= e.to || !isCollaborator(store.edge(RelationshipStore::reverse(index)))) return;
        ++f.mutualCollaboratorPairs;
        neighbours[e.from].push_back(e.to);
        neighbours[e.to].push_back(e.from);
    });
    // Only active attendees are nodes of the clustering graph.
    std::vector<uint32_t> node(world.attendees().size(), RelationshipStore::kNone);
    std::vector<std::vector<uint32_t>> active;
    for (const Attendee& a : world.attendees())
        if (a.active) {
            node[a.id] = uint32_t(active.size());
            active.emplace_back();
        }
    for (uint32_t i = 0; i < neighbours.size(); ++i) {
        if (node[i] == RelationshipStore::kNone) continue;
        for (uint32_t j : neighbours[i])
            if (node[j] != RelationshipStore::kNone) active[node[i]].push_back(node[j]);
        std::sort(active[node[i]].begin(), active[node[i]].end());
    }
    f.clustering = averageClustering(active);

    for (const Referral& r : world.referrals()) {
        if (r.status != ReferralStatus::Delivered && r.status != ReferralStatus::Late) continue;
        ++f.deliveredReferrals;
        ++(r.weakTie ? f.deliveredOverWeakTies : f.deliveredOverStrongTies);
        ++f.deliveredByStage[size_t(r.tie)];
    }
    return f;
}

std::string summaryJson(const World& world, const std::vector<std::string>& overrides) {
    const Scenario& s = world.scenario();
    char hash[20];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(world.stateHash()));

    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    const auto figures = lastGroupFigures(world);
    for (size_t g = 0; g < figures.size(); ++g) groups.push_back(groupJson(world.groupLabels()[g], figures[g]));

    const NetworkFigures n = networkFigures(world);
    const auto share = [&](size_t count) {
        return n.deliveredReferrals == 0 ? 0.0 : rounded(double(count) / double(n.deliveredReferrals));
    };
    nlohmann::ordered_json byStage = nlohmann::ordered_json::object();
    for (int st = int(Stage::Acquaintance); st < int(Stage::Count); ++st)
        byStage[stageKey(Stage(st))] = n.deliveredByStage[size_t(st)];
    nlohmann::ordered_json doc = {
        {"title", {{"en", s.title.en}, {"ja", s.title.ja}}},
        {"seed", s.seed},
        {"overrides", overrides},
        {"events_run", world.eventsDone()},
        {"day", world.day()},
        {"state_hash", hash},
        {"groups", groups},
        {"network",
         {{"attendees", n.attendees},
          {"remembered_edges", n.rememberedEdges},
          {"collaborator_edges", n.collaboratorEdges},
          {"mutual_collaborator_pairs", n.mutualCollaboratorPairs},
          {"average_clustering", rounded(n.clustering)},
          // Granovetter (1973): of job leads passed by contacts, 16.7% came through ties seen
          // often, 55.6% occasionally and 27.8% rarely: most useful leads travel weak ties.
          {"delivered_referrals_by_tie",
           {{"delivered", n.deliveredReferrals},
            {"weak", n.deliveredOverWeakTies},
            {"strong", n.deliveredOverStrongTies},
            {"weak_share", share(n.deliveredOverWeakTies)},
            {"strong_share", share(n.deliveredOverStrongTies)},
            {"by_stage", byStage}}}}}};
    return doc.dump(2) + '\n';
}

std::string archetypeTable(const World& world) {
    const std::vector<std::string> header = {"group",    "members",  "contacts", "collab.",   "given",
                                             "received", "repeat",   "accepted", "declined",  "business",
                                             "complaints", "reputation", "trust"};
    std::vector<std::vector<std::string>> rows = {header};
    const auto figures = lastGroupFigures(world);
    for (size_t g = 0; g < figures.size(); ++g) {
        const GroupFigures& f = figures[g];
        rows.push_back({printableText(world.groupLabels()[g]), std::to_string(f.members), formatFixed(f.contacts, 1),
                        formatFixed(f.collaborators, 2), formatFixed(f.referralsGiven, 2),
                        formatFixed(f.referralsReceived, 2), formatFixed(f.repeatReferralsReceived, 2),
                        formatFixed(f.referralsAccepted, 2), formatFixed(f.referralsDeclined, 2),
                        formatFixed(f.closedBusiness, 0), formatFixed(f.complaints, 2), formatFixed(f.reputation, 3),
                        formatFixed(f.trustReceived, 3)});
    }
    std::vector<size_t> width(header.size(), 0);
    for (const auto& row : rows)
        for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    // Labels may be UTF-8; widths count bytes, which is enough for the ASCII archetype keys.
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c) {
            const std::string pad(width[c] - row[c].size(), ' ');
            line += c == 0 ? row[c] + pad : "  " + pad + row[c];
        }
        out += line + '\n';
    }
    return out;
}

}  // namespace tsunagari
