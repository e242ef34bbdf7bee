// Measures each calibration row over seeds, in situations built here in code.
#include "calibration.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "calibration/pair_clock.h"
#include "professions.h"
#include "scenario_build.h"
#include "traits.h"
#include "world.h"

namespace tsunagari::calibration {

namespace {

constexpr const char* kHall = "Hall 2019 (J. Social and Personal Relationships)";
constexpr const char* kMisner = "Misner (BNI): visibility, credibility, profitability";
constexpr const char* kBni = "BNI counts: 7.7M referrals by ~200,000 members (2015); 679,930 by ~13,000 UK/Irish members (2013)";

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

struct Stat {
    std::vector<double> values;
    void add(double v) { if (std::isfinite(v)) values.push_back(v); }
    [[nodiscard]] double mean() const {
        double s = 0;
        for (double v : values) s += v;
        return values.empty() ? std::nan("") : s / double(values.size());
    }
    [[nodiscard]] double sd() const {
        if (values.size() < 2) return 0;
        const double m = mean();
        double ss = 0;
        for (double v : values) ss += (v - m) * (v - m);
        return std::sqrt(ss / double(values.size() - 1));
    }
};

// One seed of the weekly chapter: stage timings in weeks and in hours together, first
// referrals, and year-two referral counts.
struct ChapterRun {
    double weeksToKnown = NAN, weeksToFriend = NAN, weeksToCollaborator = NAN;
    double hoursAtFriend = NAN, hoursAtCollaborator = NAN;   // Hall's cut points (see hallCutPoint)
    double weeksToFirstReferral = NAN;     // median over members of their first referral given
    double referralsYearTwo = 0;           // per member
    double collaboratorShare = 0;          // of ordered pairs, at the end
};

// Hall (2019) asked people how many hours they had spent with a new acquaintance and what
// the relationship was now, and read off the hours at which a closer category becomes the
// likelier one. The same here: every quarter each ordered pair of members is one observation
// (hours together so far, stage reached or not), and the cut point (hallCutPoint) is read
// from them. A median of first-passage hours over the pairs that pass within the run would
// not do: it leaves out the pairs that would pass later, with more hours, so it is the lower
// the shorter the run (in a 30-member chapter: 43 h over 2 years, 69 h over 4, 82 h over 6).
struct StageObservations {
    std::vector<double> hours;
    std::vector<uint8_t> reached;
};

double cutPointOf(const StageObservations& obs) { return calibration::hallCutPoint(obs.hours, obs.reached); }

}  // namespace

double hallCutPoint(const std::vector<double>& hours, const std::vector<uint8_t>& reached) {
    // Newton's method on the log-likelihood of p(h) = 1 / (1 + exp(-(b0 + b1 h / scale))).
    const size_t n = std::min(hours.size(), reached.size());
    if (n < 10) return NAN;
    double scale = 0;
    for (double h : hours) scale = std::max(scale, h);
    if (scale <= 0) return NAN;
    double b0 = 0, b1 = 0;
    for (int iter = 0; iter < 50; ++iter) {
        double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
        for (size_t i = 0; i < n; ++i) {
            const double x = hours[i] / scale;
            const double p = 1.0 / (1.0 + std::exp(-(b0 + b1 * x)));
            const double r = double(reached[i]) - p, w = p * (1.0 - p);
            g0 += r;
            g1 += r * x;
            h00 += w;
            h01 += w * x;
            h11 += w * x * x;
        }
        const double det = h00 * h11 - h01 * h01;
        if (!(det > 0)) return NAN;
        const double d0 = (h11 * g0 - h01 * g1) / det, d1 = (h00 * g1 - h01 * g0) / det;
        b0 += d0;
        b1 += d1;
        if (std::fabs(d0) + std::fabs(d1) < 1e-9) break;
    }
    if (!(b1 > 0)) return NAN;   // the stage does not become likelier with hours
    return -b0 / b1 * scale;
}

namespace {

ChapterRun runChapter(int members, uint64_t seed, const Params& params) {
    Scenario s = weeklyChapter(members, 2);
    s.params = params;
    s.seed = seed;
    World w(s);
    PairClock clock{size_t(members)};
    const auto n = uint32_t(members);
    constexpr int kStages = 3;   // known, friend, collaborator
    std::vector<int> firstDay(size_t(n) * n * kStages, -1);
    StageObservations atFriend, atCollaborator;
    int nextQuarter = 91;
    while (w.eventsDone() < s.events && clock.stepEvent(w)) {
        if (w.day() >= nextQuarter) {
            nextQuarter += 91;
            for (uint32_t a = 0; a < n; ++a)
                for (uint32_t b = 0; b < n; ++b) {
                    if (a == b) continue;
                    const Stage st = w.stage(a, b);
                    for (StageObservations* o : {&atFriend, &atCollaborator}) o->hours.push_back(clock.hours(a, b));
                    atFriend.reached.push_back(st >= Stage::Friend);
                    atCollaborator.reached.push_back(st >= Stage::Collaborator);
                }
        }
        for (uint32_t a = 0; a < n; ++a)
            for (uint32_t b = 0; b < n; ++b) {
                if (a == b) continue;
                const int reached = int(w.stage(a, b)) - int(Stage::Known);   // 0 known, 1 friend, 2 collaborator
                for (int k = 0; k <= reached && k < kStages; ++k) {
                    const size_t i = (size_t(a) * n + b) * kStages + size_t(k);
                    if (firstDay[i] >= 0) continue;
                    firstDay[i] = w.day();
                }
            }
    }
    ChapterRun run;
    std::vector<double> weeks[kStages];
    for (size_t i = 0; i < firstDay.size(); ++i)
        if (firstDay[i] >= 0) weeks[i % kStages].push_back(firstDay[i] / 7.0);
    run.weeksToKnown = median(weeks[0]);
    run.weeksToFriend = median(weeks[1]);
    run.weeksToCollaborator = median(weeks[2]);
    run.hoursAtFriend = cutPointOf(atFriend);
    run.hoursAtCollaborator = cutPointOf(atCollaborator);
    std::vector<double> firstReferral(n, 2 * 365);   // members who never refer count as the horizon
    double yearTwo = 0;
    for (const Referral& r : w.referrals()) {
        firstReferral[r.from] = std::min(firstReferral[r.from], double(r.day));
        if (r.day >= 365) yearTwo += 1;
    }
    for (double& d : firstReferral) d /= 7.0;
    run.weeksToFirstReferral = median(firstReferral);
    run.referralsYearTwo = yearTwo / members;
    double collaborators = 0;
    for (uint32_t a = 0; a < n; ++a)
        for (uint32_t b = 0; b < n; ++b)
            if (a != b && w.stage(a, b) == Stage::Collaborator) collaborators += 1;
    run.collaboratorShare = collaborators / (double(n) * (n - 1));
    return run;
}

// Median days one mixer's new acquaintances stay remembered, with no meeting after it.
double mixerMemoryDays(uint64_t seed, const Params& params, double* after28, double* after35) {
    Scenario s = monthlyMixer(80);
    s.params = params;
    s.seed = seed;
    s.calendar[0].occurrences = 1;
    World w(s);
    w.runEvents(1);
    const int mixerDay = w.day();
    std::vector<double> days;
    double kept28 = 0, kept35 = 0;
    w.relationships().forEachEdge([&](uint32_t, const Edge& e) {
        if (!w.trustRules().remembered(e, mixerDay)) return;
        const double d = e.forgetDay - mixerDay;
        days.push_back(d);
        kept28 += d > 28;
        kept35 += d > 35;
    });
    if (days.empty()) return NAN;
    *after28 = kept28 / double(days.size());
    *after35 = kept35 / double(days.size());
    return median(days);
}

// Granovetter's tally: delivered referrals by how often the pair met in the year before
// (often: twice a week or more; rarely: once a year or less; occasionally: between).
// Granovetter asked people who had changed jobs; their "often" contacts were mostly people
// seen at work, their "rarely" ones mostly former workmates and old college friends. So the
// situation gives everyone all three kinds of tie: 60 small-business owners of the economy's
// 36 trades share workplaces of five (an hour's talk every other day) and all move to a new
// workplace after the first year, meeting their former workmates only at a yearly reunion;
// half of them (two or three from every workplace) meet in a weekly chapter with 1-to-1s.
// Workmates are of different trades, and nobody shares a workplace with a former workmate.
// The tally is of year-three referrals, so that "how often they met in the year before" is
// about former workmates as they are now, not as they were.
Scenario granovetterWorld(const Params& params) {
    constexpr int kPeople = 60, kPlaces = 12, kPerPlace = 5;
    Scenario s;
    s.params = params;
    // The owners practise the economy's trades in turn, as a town's would: the clients' needs
    // are spread over those trades (World::tryReferral), so a need is for a workmate's trade
    // only as often as the economy makes it.
    const int trades = int(s.params[Param::EconomyTrades]);
    s.title.en = "Workmates, former workmates and a chapter (calibration)";
    s.matchmaking = Policy::Rotation;
    for (int i = 0; i < kPeople; ++i) {
        const int before = i / kPerPlace, after = (i / kPerPlace + 7 * (i % kPerPlace)) % kPlaces;
        std::vector<std::string> joins = {"workplace " + std::to_string(before) + " (year one)",
                                          "workplace " + std::to_string(after) + " (year two)",
                                          "reunion " + std::to_string(before)};
        const bool member = i % kPerPlace < 2 || (i % kPerPlace == 2 && before % 2 == 0);
        if (member) {
            joins.emplace_back("weekly chapter");
            joins.emplace_back("1-to-1s");
        }
        Cohort c = cohortOf("average", member ? "member" : "outsider", 1, joins);
        c.traits[Trait::Community] = 1.0;   // workmates come to work as often as the series says
        c.professions = {professions()[size_t(i % trades)].key};
        s.population.push_back(c);
    }
    s.calendar = {seriesOf("weekly chapter", EventKind::Chapter, 0, 7, 1.5, 3, 6, 0.9),
                  seriesOf("1-to-1s", EventKind::OneToOnes, 3, 7, 1.0, 1, 2, 1.0)};
    // A workplace is one table: everyone in that day talks with everyone (no selling among workmates).
    for (int k = 0; k < kPlaces; ++k) {
        CalendarEntry first = seriesOf("workplace " + std::to_string(k) + " (year one)", EventKind::Community, 1, 2, 1.0, 1, kPerPlace, 0.9);
        first.occurrences = 365 / 2;
        CalendarEntry second = seriesOf("workplace " + std::to_string(k) + " (year two)", EventKind::Community, 365, 2, 1.0, 1, kPerPlace, 0.9);
        CalendarEntry reunion = seriesOf("reunion " + std::to_string(k), EventKind::Community, 365 + 182, 365, 3.0, 3, kPerPlace, 0.8);
        s.calendar.insert(s.calendar.end(), {first, second, reunion});
    }
    s.events = kMaxEvents;
    return s;
}

std::array<double, 3> tieFrequencies(uint64_t seed, const Params& params) {
    Scenario s = granovetterWorld(params);
    s.seed = seed;
    World w(s);
    PairClock clock(w.attendees().size());
    size_t seen = 0;
    std::array<double, 3> counts{};
    while (w.day() < 3 * 365 && clock.stepEvent(w)) {
        const auto& refs = w.referrals();
        for (; seen < refs.size(); ++seen) {
            const Referral& r = refs[seen];
            if (r.status == ReferralStatus::Declined || r.day < 2 * 365 || r.day >= 3 * 365) continue;
            const int met = clock.meetingsBetween(r.from, r.to, r.day - 364, r.day);
            counts[met >= 104 ? 0 : met <= 1 ? 2 : 1] += 1;
        }
    }
    const double total = counts[0] + counts[1] + counts[2];
    for (double& c : counts) c = total > 0 ? c / total : NAN;
    return counts;
}

// Grant & Gino's scale: chance a referrer refers the same person again within half a year
// after a delivered referral that was thanked and reported, over one met with silence.
double thanksRepeatRatio(uint64_t seed, const Params& params) {
    Scenario s = weeklyChapter(30, 2);
    s.params = params;
    s.population.clear();
    Cohort grateful = cohortOf("average", "thanks", 15);
    grateful.traits[Trait::Gratitude] = grateful.traits[Trait::ReportBack] = 1.0;
    Cohort silent = cohortOf("average", "silent", 15);
    silent.traits[Trait::Gratitude] = silent.traits[Trait::ReportBack] = 0.0;
    s.population = {grateful, silent};
    s.seed = seed;
    World w(s);
    w.runEvents(s.events);
    std::map<std::pair<uint32_t, uint32_t>, std::vector<int>> days;
    for (const Referral& r : w.referrals()) days[{r.from, r.to}].push_back(r.day);
    double again[2] = {0, 0}, total[2] = {0, 0};
    for (const Referral& r : w.referrals()) {
        if (r.status != ReferralStatus::Delivered || r.day + 180 > w.day()) continue;
        const int k = r.thanked ? 0 : 1;
        total[k] += 1;
        const auto& d = days[{r.from, r.to}];
        again[k] += std::any_of(d.begin(), d.end(), [&](int day) { return day > r.resolvedDay && day <= r.resolvedDay + 180; });
    }
    if (total[0] == 0 || total[1] == 0 || again[1] == 0) return NAN;
    return (again[0] / total[0]) / (again[1] / total[1]);
}

double chapterReferralsYearTwo(int members, uint64_t seed, const Params& params) {
    Scenario s = weeklyChapter(members, 2);
    s.params = params;
    s.seed = seed;
    World w(s);
    w.runEvents(s.events);
    double n = 0;
    for (const Referral& r : w.referrals()) n += r.day >= 365;
    return n;
}

std::string number(double v) {
    char buf[32];
    if (!std::isfinite(v)) return "n/a";
    std::snprintf(buf, sizeof buf, std::fabs(v) >= 100 ? "%.0f" : std::fabs(v) >= 10 ? "%.1f" : "%.2f", v);
    return buf;
}

std::string anchorText(const Row& r) {
    return r.anchorLow == r.anchorHigh ? number(r.anchorLow) : number(r.anchorLow) + "–" + number(r.anchorHigh);
}

}  // namespace

bool Row::withinFactorTwo() const {
    if (!std::isfinite(measured)) return false;
    return measured >= 0.5 * anchorLow && measured <= 2.0 * anchorHigh;
}

Scenario weeklyChapter(int members, int years) {
    Scenario s;
    s.title.en = "Weekly chapter with 1-to-1s (calibration)";
    s.matchmaking = Policy::Rotation;
    s.population = {cohortOf("average", "average", members, {"weekly chapter", "1-to-1s"})};
    s.calendar = {seriesOf("weekly chapter", EventKind::Chapter, 0, 7, 1.5, 3, 6, 0.9),
                  seriesOf("1-to-1s", EventKind::OneToOnes, 3, 7, 1.0, 1, 2, 1.0)};
    s.events = years * 52 * 2;
    return s;
}

Scenario monthlyMixer(int visitors) {
    Scenario s;
    s.title.en = "Monthly open mixer (calibration)";
    s.matchmaking = Policy::Random;
    s.population = {cohortOf("average", "average", visitors)};
    s.population[0].traits[Trait::Breadth] = 0.8;
    s.calendar = {seriesOf("monthly mixer", EventKind::Mixer, 0, 28, 2.0, 4, 4, 0.6)};
    s.events = 12;
    return s;
}

std::vector<Row> measureAll(const Options& options, const std::function<void(int, int)>& progress) {
    const int seeds = std::max(options.seeds, 1);
    constexpr int kTasks = 6;
    int done = 0;
    const auto tick = [&] { if (progress) progress(++done, kTasks * seeds); };

    Stat known, friendWeeks, collabWeeks, friendHours, collabHours, firstReferral, yearTwo, collabShare;
    Stat ruleOf20, memory, kept28, kept35, often, occasionally, rarely, thanks;
    for (int seed = 1; seed <= seeds; ++seed) {
        const ChapterRun c = runChapter(30, uint64_t(seed), options.params);
        known.add(c.weeksToKnown);
        friendWeeks.add(c.weeksToFriend);
        collabWeeks.add(c.weeksToCollaborator);
        friendHours.add(c.hoursAtFriend);
        collabHours.add(c.hoursAtCollaborator);
        firstReferral.add(c.weeksToFirstReferral);
        yearTwo.add(c.referralsYearTwo);
        collabShare.add(c.collaboratorShare);
        tick();
        const double small = chapterReferralsYearTwo(15, uint64_t(seed), options.params);
        tick();
        const double large = chapterReferralsYearTwo(25, uint64_t(seed), options.params);
        if (small > 0) ruleOf20.add(large / small);
        tick();
        double k28 = NAN, k35 = NAN;
        memory.add(mixerMemoryDays(uint64_t(seed), options.params, &k28, &k35));
        kept28.add(k28);
        kept35.add(k35);
        tick();
        const auto f = tieFrequencies(uint64_t(seed), options.params);
        often.add(f[0]);
        occasionally.add(f[1]);
        rarely.add(f[2]);
        tick();
        thanks.add(thanksRepeatRatio(uint64_t(seed), options.params));
        tick();
    }
    const std::string chapter = "weekly chapter of 30, 90 min, 1-to-1s, 2 years";
    auto row = [](std::string q, std::string src, std::string sc, double lo, double hi, const Stat& st) {
        return Row{std::move(q), std::move(src), std::move(sc), lo, hi, st.mean(), st.sd()};
    };
    return {
        row("weeks until a fellow member is known (知人), median pair", kMisner, chapter, 2, 8, known),
        row("hours together at which a pair is more likely friends (友人) than not", std::string(kHall) + ": ~50 h to a casual friend", chapter, 50, 50, friendHours),
        row("hours together at which a pair is more likely collaborators (協力者) than not", std::string(kHall) + ": ~90 h to a friend", chapter, 90, 90, collabHours),
        row("weeks until a pair becomes friends, median of pairs that do", kMisner + std::string(": trusted within months"), chapter, 13, 39, friendWeeks),
        row("weeks until a pair becomes collaborators, median of pairs that do", kMisner + std::string(": referring within one to two years"), chapter, 52, 104, collabWeeks),
        row("weeks until a member passes a first referral, median member", kMisner + std::string(": first referrals after 3-6 months"), chapter, 13, 26, firstReferral),
        row("referrals passed per member in year two", kBni, chapter, 38, 52, yearTwo),
        row("referrals in year two, chapter of 25 over chapter of 15", "BNI's rule of 20: chapters of 20+ pass about 3x the referrals", "weekly chapters of 15 and 25", 3, 3, ruleOf20),
        row("days a single mixer acquaintance is remembered, median", "seed 004: a card swapped once is forgotten in about a month", "one open mixer of 80 strangers", 21, 35, memory),
        row("share of mixer acquaintances remembered after 4 weeks", "seed 004 (about a month)", "one open mixer of 80 strangers", 0.25, 0.5, kept28),
        row("share of referrals between people who met twice a week or more", "Granovetter 1973: 16.7% often", "60 owners in workplaces of 5 (new ones from year two, a yearly reunion with the old), 30 in a weekly chapter; year three", 0.167, 0.167, often),
        row("share of referrals between people who met occasionally", "Granovetter 1973: 55.6% occasionally", "as above", 0.556, 0.556, occasionally),
        row("share of referrals between people who met once a year or less", "Granovetter 1973: 27.8% rarely", "as above", 0.278, 0.278, rarely),
        row("repeat referral within 6 months: after thanks and a report, over after silence", "Grant & Gino 2010: thanks about doubles helping again", "chapter of 30: half thank and report, half never", 2, 2, thanks),
        row("share of member pairs that are collaborators after 2 years (not everyone with everyone)", kMisner + std::string(": gradually, never everyone"), chapter, 0.05, 0.5, collabShare),
    };
}

std::string formatText(const std::vector<Row>& rows) {
    std::string out;
    for (const Row& r : rows) {
        out += (r.withinFactorTwo() ? "  ok  " : "  OFF ") + r.quantity + "\n";
        out += "        model " + number(r.measured) + " (sd " + number(r.spread) + ")   anchor " + anchorText(r) + "   " +
               r.source + "\n        in: " + r.scenario + "\n";
    }
    return out;
}

std::string formatMarkdown(const std::vector<Row>& rows) {
    std::string out = "| quantity | model (sd over seeds) | anchor | within 2× | source | situation |\n|---|---|---|---|---|---|\n";
    for (const Row& r : rows)
        out += "| " + r.quantity + " | " + number(r.measured) + " (" + number(r.spread) + ") | " + anchorText(r) + " | " +
               (r.withinFactorTwo() ? "yes" : "**no**") + " | " + r.source + " | " + r.scenario + " |\n";
    return out;
}

}  // namespace tsunagari::calibration
