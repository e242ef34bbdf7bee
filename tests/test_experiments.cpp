// Tests of the experiments layer: the replicate engine (determinism over thread counts, errors, cancellation and resumption), the statistics against published values, and the covering-array design.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "experiments/design.h"
#include "experiments/replicates.h"
#include "experiments/statistics.h"
#include "scenario_io.h"
#include "world.h"

using namespace tsunagari;
using namespace tsunagari::experiments;

namespace {

constexpr unsigned kJobCounts[] = {1, 2, 4, 7};

// A job whose result depends on its index alone but whose running time varies, so that
// completion order differs from index order with several workers.
std::vector<double> scrambledJob(size_t index) {
    std::this_thread::sleep_for(std::chrono::microseconds((index * 7919) % 13 * 150));
    Rng rng(deriveSeed(2024, index));
    std::vector<double> out(1 + index % 5);
    for (double& v : out) v = rng.uniform() * double(index + 1);
    return out;
}

bool sameBytes(const std::vector<std::vector<double>>& a, const std::vector<std::vector<double>>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].size() != b[i].size() || std::memcmp(a[i].data(), b[i].data(), a[i].size() * sizeof(double)) != 0)
            return false;
    return true;
}

// One replicate of a shipped lesson scenario: its figures after a few events.
std::vector<double> lessonReplicate(const Scenario& base, size_t index) {
    Scenario s = base;
    s.seed = deriveSeed(base.seed, index);
    World world(s);
    world.runEvents(6);
    std::vector<double> out{double(world.stateHash() >> 11), double(world.referrals().size())};
    for (const auto& group : world.history().back().groups) {
        out.push_back(group.contacts);
        out.push_back(group.trustReceived);
        out.push_back(group.referralsGiven);
    }
    return out;
}

}  // namespace

// ---------------------------------------------------------------- replicates

TEST_CASE("replicates: derived seeds are distinct per index and unrelated to the base") {
    std::set<uint64_t> seen;
    for (uint64_t i = 0; i < 100000; ++i) seen.insert(deriveSeed(7, i));
    CHECK(seen.size() == 100000);
    CHECK(deriveSeed(7, 0) != deriveSeed(8, 0));
    CHECK(deriveSeed(7, 1) != deriveSeed(8, 0));
    CHECK(deriveSeed(0, 0) != 0);
    // Pinned: sweeps record base seeds, so the derivation must never change silently.
    CHECK(deriveSeed(1, 0) == 0xBFEF8030DDC2D772ull);
    CHECK(deriveSeed(42, 29) == 0x051953672E4ACBBCull);
}

TEST_CASE("replicates: results are byte-identical for 1 2 4 and 7 workers") {
    const auto reference = replicateValues(40, scrambledJob, 1);
    REQUIRE(reference.size() == 40);
    for (size_t i = 0; i < reference.size(); ++i) CHECK(reference[i] == scrambledJob(i));
    for (unsigned jobs : kJobCounts) {
        INFO("jobs " << jobs);
        CHECK(sameBytes(replicateValues(40, scrambledJob, jobs), reference));
    }
    CHECK(sameBytes(replicateValues(40, scrambledJob), reference));   // the default worker count
}

TEST_CASE("replicates: a lesson scenario gives the same figures for any worker count") {
    const Scenario base = loadScenarioFile(std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/l1_hard_sellers.json");
    auto job = [&base](size_t index) { return lessonReplicate(base, index); };
    const auto reference = replicateValues(8, job, 1);
    CHECK(reference[0] != reference[1]);   // different seeds, different runs
    for (unsigned jobs : kJobCounts) {
        INFO("jobs " << jobs);
        CHECK(sameBytes(replicateValues(8, job, jobs), reference));
    }
}

TEST_CASE("replicates: no jobs gives an empty result and more workers than jobs is fine") {
    ReplicateOptions options;
    std::vector<std::pair<size_t, size_t>> calls;
    options.progress = [&](size_t done, size_t total) { calls.emplace_back(done, total); };
    const auto run = runReplicates(0, [](size_t) { return 1; }, options);
    CHECK(run.results.empty());
    CHECK(run.complete());
    CHECK_FALSE(run.cancelled);
    CHECK(calls == std::vector<std::pair<size_t, size_t>>{{0, 0}});
    CHECK(replicateValues(3, [](size_t i) { return int(i) * 2; }, 16) == std::vector<int>{0, 2, 4});
}

TEST_CASE("replicates: progress is reported on the calling thread and ends with the total") {
    for (unsigned jobs : kJobCounts) {
        INFO("jobs " << jobs);
        ReplicateOptions options;
        options.jobs = jobs;
        const auto caller = std::this_thread::get_id();
        std::vector<size_t> seen;
        bool otherThread = false;
        options.progress = [&](size_t done, size_t total) {
            CHECK(total == 30);
            if (std::this_thread::get_id() != caller) otherThread = true;
            seen.push_back(done);
        };
        const auto run = runReplicates(30, scrambledJob, options);
        CHECK(run.complete());
        CHECK(run.completed.size() == 30);
        CHECK_FALSE(otherThread);
        REQUIRE_FALSE(seen.empty());
        CHECK(seen.back() == 30);
        for (size_t i = 1; i < seen.size(); ++i) CHECK(seen[i - 1] <= seen[i]);
    }
}

TEST_CASE("replicates: the exception of the lowest failing index reaches the caller") {
    auto job = [](size_t index) -> std::vector<double> {
        std::this_thread::sleep_for(std::chrono::microseconds((index * 31) % 7 * 200));
        if (index == 23) throw std::logic_error("job 23");
        if (index == 11) throw std::runtime_error("job 11");
        if (index == 12) throw std::runtime_error("job 12");
        return {double(index)};
    };
    for (unsigned jobs : kJobCounts) {
        INFO("jobs " << jobs);
        std::string message;
        try {
            (void)replicateValues(40, job, jobs);
        } catch (const std::runtime_error& e) {
            message = e.what();
        }
        CHECK(message == "job 11");
    }
    // With `only`, "first" is first in the order given.
    ReplicateOptions options;
    options.jobs = 1;
    options.only = std::vector<size_t>{30, 23, 11};
    CHECK_THROWS_AS((void)runReplicates(40, job, options), std::logic_error);
}

TEST_CASE("replicates: a throwing progress callback stops the run and reaches the caller") {
    ReplicateOptions options;
    options.jobs = 2;
    std::atomic<size_t> started{0};
    options.progress = [](size_t done, size_t) {
        if (done >= 2) throw std::runtime_error("progress");
    };
    CHECK_THROWS_WITH_AS((void)runReplicates(
                             200,
                             [&](size_t i) {
                                 ++started;
                                 std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                 return i;
                             },
                             options),
                         "progress", std::runtime_error);
    CHECK(started.load() < 200);
}

TEST_CASE("replicates: a stop flag skips the jobs not yet started and a resumed run completes the same results") {
    const auto full = replicateValues(60, scrambledJob, 1);
    for (unsigned jobs : kJobCounts) {
        INFO("jobs " << jobs);
        std::atomic<bool> stop{false};
        ReplicateOptions options;
        options.jobs = jobs;
        options.stop = &stop;
        size_t lastDone = 0;
        options.progress = [&](size_t done, size_t total) {
            CHECK(total == 60);
            lastDone = done;
        };
        // Job 5 sets the flag (as a SIGINT handler would); later jobs wait for it
        // (std::atomic::wait blocks, no spinning), so none of them finishes before it.
        auto job = [&stop](size_t index) {
            if (index == 5) {
                stop = true;
                stop.notify_all();
            } else if (index > 5) {
                stop.wait(false);
            }
            return scrambledJob(index);
        };
        auto run = runReplicates(60, job, options);
        CHECK(run.cancelled);
        CHECK_FALSE(run.complete());
        CHECK(lastDone == run.completed.size());
        // Indices are handed out in order: everything up to the stopping job started and
        // finished, and each of the other jobs − 1 workers started at most one job after it.
        REQUIRE(run.completed.size() >= 6);
        for (size_t i = 0; i <= 5; ++i) CHECK(run.completed[i] == i);
        CHECK(run.completed.back() <= 4 + jobs);
        CHECK(run.completed.size() == run.completed.back() + 1);   // no gaps
        for (size_t i : run.completed) CHECK(run.results[i].has_value());
        CHECK(run.missing().size() == 60 - run.completed.size());

        // Resume: run only the missing indices, then merge.
        stop = false;
        ReplicateOptions resume;
        resume.jobs = jobs;
        resume.stop = &stop;
        resume.only = run.missing();
        auto rest = runReplicates(60, scrambledJob, resume);
        CHECK_FALSE(rest.cancelled);
        CHECK(rest.completed == run.missing());
        run.merge(std::move(rest));
        REQUIRE(run.complete());
        CHECK_FALSE(run.cancelled);
        CHECK(run.completed.size() == 60);
        CHECK(sameBytes(run.values(), full));
    }
}

TEST_CASE("replicates: a stop flag set beforehand runs nothing") {
    std::atomic<bool> stop{true};
    ReplicateOptions options;
    options.stop = &stop;
    std::atomic<int> calls{0};
    const auto run = runReplicates(10, [&](size_t) { return ++calls; }, options);
    CHECK(calls.load() == 0);
    CHECK(run.cancelled);
    CHECK(run.completed.empty());
    CHECK(run.missing().size() == 10);
    CHECK_THROWS_AS((void)run.values(), std::logic_error);
}

TEST_CASE("replicates: a list of indices to run is checked") {
    ReplicateOptions options;
    options.only = std::vector<size_t>{1, 5};
    CHECK_THROWS_AS((void)runReplicates(5, [](size_t i) { return i; }, options), std::invalid_argument);
    options.only = std::vector<size_t>{1, 1};
    CHECK_THROWS_AS((void)runReplicates(5, [](size_t i) { return i; }, options), std::invalid_argument);
    options.only = std::vector<size_t>{};
    const auto run = runReplicates(5, [](size_t i) { return i; }, options);
    CHECK(run.completed.empty());
    CHECK_FALSE(run.cancelled);
}

// ---------------------------------------------------------------- statistics

TEST_CASE("statistics: Student t quantiles match published values") {
    CHECK(std::fabs(studentTQuantile(0.975, 29) - 2.0452296) < 1e-6);
    CHECK(std::fabs(studentTQuantile(0.975, 1) - 12.706205) < 1e-6);
    CHECK(std::fabs(studentTQuantile(0.975, 10) - 2.2281389) < 1e-6);
    CHECK(std::fabs(studentTQuantile(0.975, 4) - 2.7764451) < 1e-6);
    CHECK(std::fabs(studentTQuantile(0.995, 5) - 4.0321430) < 1e-6);
    CHECK(std::fabs(studentTQuantile(0.95, 20) - 1.7247182) < 1e-6);
    CHECK(std::fabs(studentTQuantile(0.975, 100) - 1.9839715) < 1e-6);
    CHECK(std::fabs(studentTQuantile(0.975, 1000) - 1.9623391) < 1e-6);
    CHECK(std::fabs(studentTQuantile(0.025, 29) + 2.0452296) < 1e-6);   // symmetry
    CHECK(studentTQuantile(0.5, 7) == 0.0);
}

TEST_CASE("statistics: t quantiles reach the normal limit for large df") {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(std::fabs(normalQuantile(0.975) - 1.959964) < 1e-6);
    CHECK(std::fabs(normalQuantile(0.975) - 1.95996398454005) < 1e-12);
    CHECK(std::fabs(normalQuantile(0.999) - 3.09023230616781) < 1e-12);
    CHECK(std::fabs(normalQuantile(1e-10) + 6.36134090240406) < 1e-10);
    CHECK(studentTQuantile(0.975, inf) == normalQuantile(0.975));
    CHECK(std::fabs(studentTQuantile(0.975, 1e9) - 1.959964) < 1e-6);
    // Both sides of the switch to the Cornish–Fisher expansion agree.
    CHECK(std::fabs(studentTQuantile(0.975, 1e5) - studentTQuantile(0.975, 1e5 + 1)) < 1e-9);
    // The quantile decreases with df, towards the normal.
    double previous = inf;
    for (double df : {1.0, 2.0, 5.0, 30.0, 1e3, 1e5, 2e5, 1e7}) {
        const double t = studentTQuantile(0.975, df);
        CHECK(t < previous);
        CHECK(t > normalQuantile(0.975));
        previous = t;
    }
}

TEST_CASE("statistics: t quantiles agree with closed forms and invert the distribution function") {
    for (double p : {1e-12, 1e-6, 0.001, 0.025, 0.1, 0.3, 0.49, 0.75, 0.999}) {
        INFO("p " << p);
        const double cauchy = -1 / std::tan(std::numbers::pi * p);           // df = 1
        const double two = (2 * p - 1) / std::sqrt(2 * p * (1 - p));        // df = 2
        CHECK(std::fabs(studentTQuantile(p, 1) / cauchy - 1) < 1e-9);
        CHECK(std::fabs(studentTQuantile(p, 2) / two - 1) < 1e-9);
    }
    for (int df = 1; df <= 1000; df += (df < 40 ? 1 : 37)) {
        for (double p : {1e-9, 0.005, 0.025, 0.05, 0.2, 0.5, 0.9, 0.975}) {
            INFO("df " << df << " p " << p);
            const double t = studentTQuantile(p, df);
            CHECK(std::fabs(studentTCdf(t, df) - p) < 1e-9 * std::min(p, 1 - p) + 1e-15);
        }
    }
}

TEST_CASE("statistics: two-sided p-values and the incomplete beta function") {
    CHECK(std::fabs(studentTTwoSidedP(2.0, 10) - 0.07338803) < 1e-8);
    CHECK(std::fabs(studentTTwoSidedP(-2.0, 10) - 0.07338803) < 1e-8);
    CHECK(std::fabs(studentTTwoSidedP(1.0, 1) - 0.5) < 1e-12);   // Cauchy: P(|T| ≥ 1) = 1/2
    CHECK(studentTTwoSidedP(0.0, 3) == 1.0);
    CHECK(std::fabs(studentTCdf(2.0, 10) - (1 - 0.07338803 / 2)) < 1e-8);
    CHECK(std::fabs(regularizedIncompleteBeta(2, 3, 0.5) - 0.6875) < 1e-14);   // 11/16
    CHECK(std::fabs(regularizedIncompleteBeta(1, 1, 0.3) - 0.3) < 1e-14);
    CHECK(regularizedIncompleteBeta(2, 3, 0) == 0);
    CHECK(regularizedIncompleteBeta(2, 3, 1) == 1);
    CHECK(std::fabs(logGamma(0.5) - 0.5 * std::log(std::numbers::pi)) < 1e-14);
    CHECK(std::fabs(logGamma(10) - std::log(362880.0)) < 1e-13);
}

TEST_CASE("statistics: a sample summary gives the mean and a Student t interval") {
    const std::vector<double> values{1, 2, 3, 4, 5};
    const Summary s = summarize(values);
    CHECK(s.n == 5);
    CHECK(s.mean == 3.0);
    CHECK(std::fabs(s.sd - std::sqrt(2.5)) < 1e-14);
    CHECK(std::fabs(s.se - std::sqrt(0.5)) < 1e-14);
    CHECK(std::fabs(s.ciLow - 1.0367568) < 1e-6);
    CHECK(std::fabs(s.ciHigh - 4.9632432) < 1e-6);
    CHECK(std::fabs(s.halfWidth() - 2.7764451 * std::sqrt(0.5)) < 1e-6);
    const Summary wide = summarize(values, 0.99);
    CHECK(wide.ciLow < s.ciLow);

    const Summary one = summarize(std::vector<double>{4});
    CHECK(one.mean == 4);
    CHECK(std::isnan(one.sd));
    CHECK(std::isnan(one.ciLow));
    CHECK(std::isnan(summarize(std::vector<double>{}).mean));
    const Summary flat = summarize(std::vector<double>{2, 2, 2});
    CHECK(flat.sd == 0);
    CHECK(flat.ciLow == 2);
    CHECK(flat.ciHigh == 2);
    CHECK_THROWS_AS((void)summarize(values, 1.0), std::invalid_argument);
}

TEST_CASE("statistics: share of values above zero") {
    CHECK(shareAbove(std::vector<double>{-1, 0, 2, 3}) == 0.5);
    CHECK(shareAbove(std::vector<double>{-1, 0, 2, 3}, 2.5) == 0.25);
    CHECK(std::isnan(shareAbove(std::vector<double>{})));
}

TEST_CASE("statistics: paired and Welch t-tests match R on the sleep data") {
    // R: t.test(extra ~ group, data = sleep) and the same with paired = TRUE.
    const std::vector<double> g1{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    const std::vector<double> g2{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    const TTest welch = welchTTest(g1, g2);
    CHECK(std::fabs(welch.estimate + 1.58) < 1e-12);
    CHECK(std::fabs(welch.t + 1.860813) < 1e-6);
    CHECK(std::fabs(welch.df - 17.77647) < 1e-5);
    CHECK(std::fabs(welch.p - 0.07939414) < 1e-7);
    CHECK(std::fabs(welch.ciLow + 3.3654832) < 1e-6);
    CHECK(std::fabs(welch.ciHigh - 0.2054832) < 1e-6);

    const TTest paired = pairedTTest(g1, g2);
    CHECK(std::fabs(paired.estimate + 1.58) < 1e-12);
    CHECK(std::fabs(paired.t + 4.062128) < 1e-6);
    CHECK(paired.df == 9);
    CHECK(std::fabs(paired.p - 0.002832890) < 1e-8);
    CHECK(std::fabs(paired.ciLow + 2.4598858) < 1e-6);
    CHECK(std::fabs(paired.ciHigh + 0.7001142) < 1e-6);

    std::vector<double> differences(g1.size());
    for (size_t i = 0; i < g1.size(); ++i) differences[i] = g1[i] - g2[i];
    const TTest one = oneSampleTTest(differences);
    CHECK(one.t == paired.t);
    CHECK(one.p == paired.p);
    CHECK_THROWS_AS((void)pairedTTest(g1, std::vector<double>{1, 2}), std::invalid_argument);
}

TEST_CASE("statistics: t-tests on degenerate samples") {
    const TTest tooFew = oneSampleTTest(std::vector<double>{3});
    CHECK(std::isnan(tooFew.p));
    const TTest flatZero = oneSampleTTest(std::vector<double>{0, 0, 0});
    CHECK(flatZero.t == 0);
    CHECK(flatZero.p == 1);
    const TTest flatPositive = oneSampleTTest(std::vector<double>{1, 1, 1});
    CHECK(std::isinf(flatPositive.t));
    CHECK(flatPositive.p == 0);
    const TTest welchFlat = welchTTest(std::vector<double>{1, 1}, std::vector<double>{1, 1, 1});
    CHECK(welchFlat.p == 1);
    CHECK(welchFlat.df == 3);
    const TTest welchOneFlat = welchTTest(std::vector<double>{1, 1, 1}, std::vector<double>{0, 1, 2, 3});
    CHECK(std::fabs(welchOneFlat.df - 3) < 1e-12);   // only the second sample varies
    CHECK(std::isnan(welchTTest(std::vector<double>{1}, std::vector<double>{1, 2}).p));
}

// ---------------------------------------------------------------- design

TEST_CASE("design: the robustness grid design covers every pair of levels in at least 60 balanced rows") {
    const auto factors = robustnessGridFactors();
    const auto levels = levelCounts(factors);
    CHECK(levels == std::vector<int>{4, 3, 3, 3, 4, 2});
    DesignOptions options;
    options.minRows = 60;
    const Design design = coveringDesign(levels, options);
    CHECK(design.size() >= 60);
    CHECK(uncoveredPairs(design, levels).empty());
    CHECK(unusedLevels(design, levels).empty());
    // Balance: every level of a factor with L levels appears ⌊rows/L⌋ or ⌈rows/L⌉ times.
    const auto usage = levelUsage(design, levels);
    for (size_t f = 0; f < levels.size(); ++f)
        for (size_t v = 0; v < usage[f].size(); ++v) {
            INFO(factors[f].key << " = " << factors[f].levels[v] << ": " << usage[f][v] << " of " << design.size());
            CHECK(usage[f][v] >= design.size() / size_t(levels[f]));
            CHECK(usage[f][v] <= (design.size() + size_t(levels[f]) - 1) / size_t(levels[f]));
        }
    CHECK(coveringDesign(levels, options) == design);   // deterministic
    options.seed = 99;
    const Design other = coveringDesign(levels, options);
    CHECK(other != design);
    CHECK(uncoveredPairs(other, levels).empty());
}

TEST_CASE("design: the covering phase alone is small") {
    const auto levels = levelCounts(robustnessGridFactors());
    const Design design = coveringDesign(levels);
    INFO("rows " << design.size());
    CHECK(design.size() >= 16);   // two 4-level factors need 16 rows
    CHECK(design.size() <= 24);
    CHECK(uncoveredPairs(design, levels).empty());
    // Each row added while covering covers a pair no earlier row does: dropping the last loses one.
    Design fewer(design.begin(), design.end() - 1);
    CHECK_FALSE(uncoveredPairs(fewer, levels).empty());
}

TEST_CASE("design: small and degenerate factor lists") {
    const Design binary = coveringDesign({2, 2, 2});
    CHECK(binary.size() >= 4);
    CHECK(uncoveredPairs(binary, {2, 2, 2}).empty());

    const Design single = coveringDesign({3}, DesignOptions{5, 1, 40});
    CHECK(single.size() == 5);
    CHECK(unusedLevels(single, {3}).empty());

    CHECK(coveringDesign({}, DesignOptions{2, 1, 40}).size() == 2);
    CHECK(coveringDesign({1, 1}).size() == 1);
    CHECK_THROWS_AS((void)coveringDesign({2, 0}), std::invalid_argument);

    const Design diagonal{{0, 0}, {1, 1}};
    const auto missing = uncoveredPairs(diagonal, {2, 2});
    CHECK(missing == std::vector<LevelPair>{{0, 0, 1, 1}, {0, 1, 1, 0}});
    CHECK_THROWS_AS((void)uncoveredPairs(Design{{0, 2}}, {2, 2}), std::invalid_argument);
    CHECK_THROWS_AS((void)uncoveredPairs(Design{{0}}, {2, 2}), std::invalid_argument);
}
