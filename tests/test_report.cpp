// Reports: number and CSV formatting, table headers, clustering, and that the files agree
// with the World they are rendered from.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "report.h"
#include "scenario_io.h"

using namespace tsunagari;

namespace {

// Three people at one table every day (they become mutual collaborators: a triangle) and
// one member of a series that never meets (an isolated node). Labels and names need quoting.
Scenario trioScenario() {
    return scenarioFromJson(nlohmann::json::parse(R"({
        "title": {"en": "Trio", "ja": "三人"}, "description": {"en": "d", "ja": "d"},
        "seed": 3, "events": 30, "matchmaking": "random",
        "population": [
            {"archetype": "slow_trust_builder", "count": 3, "label": "trio, close",
             "names": ["Ann", "Bo, Jr.", "Cy \"C\""]},
            {"archetype": "average", "count": 1, "label": "loner", "joins": ["later"]}],
        "calendar": [
            {"name": "table", "kind": "chapter", "first_day": 0, "every_days": 1, "rounds": 3,
             "group_size": 3, "hours": 3, "attendance": 1.0},
            {"name": "later", "kind": "mixer", "first_day": 36500, "every_days": 7, "rounds": 1,
             "group_size": 4, "hours": 1, "attendance": 1.0}]})"),
                            "<trio>");
}

World trioAfter(int events) {
    World w(trioScenario());
    w.runEvents(events);
    return w;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("formatNumber writes six significant digits, locale-free, with no negative zero") {
    CHECK(formatNumber(0.0) == "0");
    CHECK(formatNumber(-0.0) == "0");
    CHECK(formatNumber(0.1) == "0.1");
    CHECK(formatNumber(2.5) == "2.5");
    CHECK(formatNumber(1.0 / 3.0) == "0.333333");
    CHECK(formatNumber(-2.0 / 3.0) == "-0.666667");
    CHECK(formatNumber(578.125) == "578.125");
    CHECK(formatNumber(123456789.0) == "1.23457e+08");
    CHECK(formatNumber(1e-7) == "1e-07");
    CHECK(formatNumber(42.0) == "42");
}

TEST_CASE("formatFixed rounds to the given decimals and drops the sign of a zero") {
    CHECK(formatFixed(1234.5678, 2) == "1234.57");
    CHECK(formatFixed(0.7, 3) == "0.700");
    CHECK(formatFixed(-0.001, 2) == "0.00");
    CHECK(formatFixed(-1.5, 1) == "-1.5");
    CHECK(formatFixed(12345678.4, 0) == "12345678");
}

TEST_CASE("csvField quotes only when needed, doubling quotes") {
    CHECK(csvField("hard_seller") == "hard_seller");
    CHECK(csvField("") == "");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("averageClustering on hand-built graphs") {
    CHECK(averageClustering({}) == 0.0);
    // Triangle 0-1-2 with 3 hanging off 0: C = (1/3 + 1 + 1 + 0) / 4.
    CHECK(averageClustering({{1, 2, 3}, {0, 2}, {0, 1}, {0}}) == doctest::Approx(7.0 / 12.0));
    // A star has no triangles; a complete graph is fully clustered.
    CHECK(averageClustering({{1, 2, 3}, {0}, {0}, {0}}) == 0.0);
    CHECK(averageClustering({{1, 2, 3}, {0, 2, 3}, {0, 1, 3}, {0, 1, 2}}) == doctest::Approx(1.0));
    // A square with one diagonal (0-2): nodes 0 and 2 see 2 of 3 links, 1 and 3 see 1 of 1.
    CHECK(averageClustering({{1, 2, 3}, {0, 2}, {0, 1, 3}, {0, 2}}) == doctest::Approx((2.0 / 3 + 1 + 2.0 / 3 + 1) / 4));
}

TEST_CASE("a trio meeting daily forms a collaborator triangle, and the isolated member counts as 0") {
    const World w = trioAfter(30);
    const NetworkFigures n = networkFigures(w);
    CHECK(n.attendees == 4);
    CHECK(n.rememberedEdges == 6);
    CHECK(n.collaboratorEdges == 6);
    CHECK(n.mutualCollaboratorPairs == 3);
    CHECK(n.clustering == doctest::Approx(0.75));
    CHECK(n.deliveredOverWeakTies + n.deliveredOverStrongTies == n.deliveredReferrals);
    size_t byStage = 0;
    for (size_t count : n.deliveredByStage) byStage += count;
    CHECK(byStage == n.deliveredReferrals);
    CHECK(n.deliveredByStage[size_t(Stage::Stranger)] == 0);  // nobody refers someone they do not remember
}

TEST_CASE("CSV tables: headers, one row per event and group, Gephi columns, quoting") {
    const World w = trioAfter(5);
    const auto events = lines(eventsCsv(w));
    REQUIRE(events.size() == 1 + 5 * 2);
    CHECK(events[0] ==
          "event,day,kind,name,participants,late,conversations,referrals_made,group,members,contacts,collaborators,"
          "referrals_given,referrals_received,repeat_referrals_received,referrals_accepted,referrals_declined,"
          "closed_business,complaints,reputation,trust_received,clients_kept");
    CHECK(events[1].rfind("1,0,chapter,table,3,", 0) == 0);
    CHECK(events[1].find(",\"trio, close\",3,") != std::string::npos);
    CHECK(events[2].find(",loner,1,") != std::string::npos);

    const auto attendees = lines(attendeesCsv(w));
    REQUIRE(attendees.size() == 1 + 4);
    CHECK(attendees[0] ==
          "Id,Label,group,archetype,profession,active,contacts,collaborators,reputation,trust_received,conversations,"
          "referrals_given,referrals_received,repeat_referrals_received,referrals_accepted,referrals_declined,"
          "delivered_on_time,delivered_late,complaints,pitches,late_arrivals,events_attended,closed_business,clients_kept");
    CHECK(attendees[2].rfind("1,\"Bo, Jr.\",\"trio, close\",slow_trust_builder,", 0) == 0);
    CHECK(attendees[3].rfind("2,\"Cy \"\"C\"\"\",", 0) == 0);

    const auto edges = lines(edgesCsv(w));
    CHECK(edges[0] == "Source,Target,Type,Weight,Stage,Contacts,Referrals");
    CHECK(edges.size() == 1 + networkFigures(w).rememberedEdges);
    for (size_t i = 1; i < edges.size(); ++i) CHECK(edges[i].find(",Directed,") != std::string::npos);
}

TEST_CASE("the summary carries the last event record's group figures and the state hash") {
    const World w = trioAfter(8);
    const auto doc = nlohmann::json::parse(summaryJson(w));
    CHECK(doc["title"]["en"] == "Trio");
    CHECK(doc["seed"] == 3);
    CHECK(doc["events_run"] == 8);
    CHECK(doc["day"] == w.day());
    CHECK(doc["state_hash"].get<std::string>().size() == 16);
    REQUIRE(doc["groups"].size() == 2);
    const GroupFigures& last = w.history().back().groups[0];
    CHECK(doc["groups"][0]["label"] == "trio, close");
    CHECK(doc["groups"][0]["members"] == last.members);
    CHECK(doc["groups"][0]["contacts"].get<double>() == doctest::Approx(last.contacts).epsilon(1e-5));
    CHECK(doc["groups"][0]["reputation"].get<double>() == doctest::Approx(last.reputation).epsilon(1e-5));
    CHECK(doc["network"]["remembered_edges"] == networkFigures(w).rememberedEdges);
}

TEST_CASE("reports are byte-identical for the same scenario and seed") {
    const World a = trioAfter(10), b = trioAfter(10);
    CHECK(eventsCsv(a) == eventsCsv(b));
    CHECK(attendeesCsv(a) == attendeesCsv(b));
    CHECK(edgesCsv(a) == edgesCsv(b));
    CHECK(summaryJson(a) == summaryJson(b));
    CHECK(archetypeTable(a) == archetypeTable(b));
}

TEST_CASE("the archetype table has a header and one aligned line per group") {
    const auto table = lines(archetypeTable(trioAfter(3)));
    REQUIRE(table.size() == 3);
    CHECK(table[0].rfind("group", 0) == 0);
    CHECK(table[1].rfind("trio, close", 0) == 0);
    CHECK(table[2].rfind("loner", 0) == 0);
    CHECK(table[0].size() == table[1].size());
    CHECK(table[1].size() == table[2].size());
}
