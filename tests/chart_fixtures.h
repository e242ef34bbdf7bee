// Small folders in the fixed run / sweep / tournament / evolution formats, written by the chart
// tests, and checks on the pictures drawn from them.
#pragma once
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "metric_names.h"
#include "report.h"
#include "test_files.h"

namespace chart_fixtures {

namespace fs = std::filesystem;

using test_files::freshDir;
using test_files::slurp;
using test_files::writeText;

// Two groups: an archetype key (named by the core in Japanese) and a custom label whose
// Japanese name comes from the folder's scenario.json.
inline const std::vector<std::string> kGroups = {"hard_seller", "thankers"};

// A figure that grows over time, different per group and metric; trust-like ones stay in 0-1.
inline double figure(size_t metric, size_t group, int event) {
    const auto& m = tsunagari::metricNames()[metric];
    const double growth = double(event) * double(group + 1) * (1 + double(metric) / 10);
    return m.scale == tsunagari::MetricScale::Fraction ? 1 - std::exp(-growth / 40) : growth;
}

inline std::string metricColumns() {
    std::string header;
    for (const auto& m : tsunagari::metricNames()) header += std::string(",") + m.key;
    return header;
}

// events.csv of a run: 12 weekly events, both groups.
inline fs::path runFolder() {
    const fs::path dir = freshDir("run");
    std::string csv = "event,day,kind,name,participants,late,conversations,referrals_made,group" + metricColumns() + "\n";
    for (int e = 1; e <= 12; ++e)
        for (size_t g = 0; g < kGroups.size(); ++g) {
            csv += std::to_string(e) + "," + std::to_string((e - 1) * 7) + ",chapter,\"weekly chapter, Tokyo\",20,1,40,2," +
                   kGroups[g];
            for (size_t m = 0; m < tsunagari::metricNames().size(); ++m) {
                csv += ',';
                csv += tsunagari::formatNumber(m == 0 ? 10 : figure(m, g, e));
            }
            csv += "\n";
        }
    writeText(dir / "events.csv", csv);
    writeText(dir / "summary.json", R"({"title": {"en": "Fixture run", "ja": "テスト用の実行"}})");
    writeText(dir / "scenario.json",
              R"({"population": [{"archetype": "hard_seller", "count": 10, "label": "hard_seller"},
                                 {"archetype": "gratitude_giver", "count": 10, "label": "thankers", "label_ja": "お礼を伝える人"}]})");
    return dir;
}

// A sweep of gratitude over three values, two replicates' summaries, per-event output and a comparison.
inline fs::path sweepFolder() {
    const fs::path dir = freshDir("sweep");
    const std::vector<std::string> values = {"0", "0.5", "1"};
    std::string settings = "setting,label,path,value\n", summary = "setting,label,group,metric,n,mean,sd,ci_low,ci_high\n",
                perEvent = "setting,label,event,day,group,metric,n,mean,ci_low,ci_high\n",
                comparison = "setting,label,baseline_label,group,metric,mean,baseline_mean,difference,ci_low,ci_high,p\n";
    const std::string path = "traits.gratitude_giver.gratitude";
    for (size_t s = 0; s < values.size(); ++s) {
        const std::string label = path + "=" + values[s], setting = std::to_string(s);
        settings += setting + "," + label + "," + path + "," + values[s] + "\n";
        for (size_t g = 0; g < kGroups.size(); ++g)
            for (size_t m = 0; m < tsunagari::metricNames().size(); ++m) {
                const std::string key = tsunagari::metricNames()[m].key;
                const double mean = figure(m, g, 10 + int(s) * 5), base = figure(m, g, 10);
                summary += setting + "," + label + "," + kGroups[g] + "," + key + ",2," + tsunagari::formatNumber(mean) +
                           ",0.5," + tsunagari::formatNumber(mean * 0.9) + "," + tsunagari::formatNumber(mean * 1.1) + "\n";
                for (int e = 1; e <= 6; ++e) {
                    const double v = figure(m, g, e * (1 + int(s)));
                    perEvent += setting + "," + label + "," + std::to_string(e) + "," + std::to_string(e * 7) + "," +
                                kGroups[g] + "," + key + ",2," + tsunagari::formatNumber(v) + "," +
                                tsunagari::formatNumber(v * 0.8) + "," + tsunagari::formatNumber(v * 1.2) + "\n";
                }
                if (s > 0)
                    comparison += setting + "," + label + "," + path + "=0," + kGroups[g] + "," + key + "," +
                                  tsunagari::formatNumber(mean) + "," + tsunagari::formatNumber(base) + "," +
                                  tsunagari::formatNumber(mean - base) + "," + tsunagari::formatNumber((mean - base) * 0.5) +
                                  "," + tsunagari::formatNumber((mean - base) * 1.5) + ",0.01\n";
            }
    }
    writeText(dir / "settings.csv", settings);
    writeText(dir / "summary.csv", summary);
    writeText(dir / "events_summary.csv", perEvent);
    writeText(dir / "comparison.csv", comparison);
    return dir;
}

// A sweep of seating like scenarios/experiments/seating.json: three paths changed together, one
// path the same in every setting, and `groupCount` groups (panels over time).
inline fs::path lockstepSweepFolder(size_t groupCount) {
    const fs::path dir = freshDir("lockstep");
    const std::vector<std::string> values = {"random", "rotation", "complementary"},
                                   paths = {"calendar[2].matchmaking", "calendar[3].matchmaking", "matchmaking"};
    std::string settings = "setting,label,path,value\n", summary = "setting,label,group,metric,n,mean,sd,ci_low,ci_high\n",
                perEvent = "setting,label,event,day,group,metric,n,mean,ci_low,ci_high\n";
    for (size_t s = 0; s < values.size(); ++s) {
        std::string label;
        for (const auto& path : paths) label += (label.empty() ? "" : "; ") + path + "=" + values[s];
        label = "\"" + label + "; length=52\"";
        const std::string setting = std::to_string(s);
        for (const auto& path : paths) settings += setting + "," + label + "," + path + "," + values[s] + "\n";
        settings += setting + "," + label + ",length,52\n";
        for (size_t g = 0; g < groupCount; ++g) {
            const std::string group = "group_number_" + std::to_string(g);
            summary += setting + "," + label + "," + group + ",collaborators,2," + std::to_string(g + s) + ",0.5,,\n";
            for (int e = 1; e <= 52; ++e)
                perEvent += setting + "," + label + "," + std::to_string(e) + "," + std::to_string((e - 1) * 7) + "," + group +
                            ",collaborators,2," + tsunagari::formatNumber(double(e * (g + s + 1)) / 100) + ",,\n";
        }
    }
    writeText(dir / "settings.csv", settings);
    writeText(dir / "summary.csv", summary);
    writeText(dir / "events_summary.csv", perEvent);
    return dir;
}

inline const std::vector<std::string> kStrategies = {"slow_trust_builder", "gratitude_giver", "careless_referrer", "hard_seller"};

// ranking.csv of a tournament: two metrics, strategies already in rank order.
inline fs::path tournamentFolder() {
    const fs::path dir = freshDir("tournament");
    std::string csv = "rank,strategy,metric,n,mean,sd,ci_low,ci_high\n";
    for (const std::string metric : {"referrals_received", "closed_business"})
        for (size_t i = 0; i < kStrategies.size(); ++i) {
            const double mean = 40.0 / double(i + 1) * (metric == std::string("closed_business") ? 100 : 1);
            csv += std::to_string(i + 1) + "," + kStrategies[i] + "," + metric + ",5," + tsunagari::formatNumber(mean) +
                   ",2," + tsunagari::formatNumber(mean * 0.85) + "," + tsunagari::formatNumber(mean * 1.15) + "\n";
        }
    writeText(dir / "ranking.csv", csv);
    return dir;
}

// seasons_summary.csv of an evolution: shares drifting from equal over 8 seasons.
inline fs::path evolutionFolder() {
    const fs::path dir = freshDir("evolution");
    std::string csv = "season,strategy,n,mean_share,ci_low,ci_high\n";
    for (int season = 0; season <= 8; ++season)
        for (size_t i = 0; i < kStrategies.size(); ++i) {
            const double share = 0.25 + (1.5 - double(i)) * 0.02 * season;
            csv += std::to_string(season) + "," + kStrategies[i] + ",4," + tsunagari::formatNumber(share) + "," +
                   tsunagari::formatNumber(share - 0.05) + "," + tsunagari::formatNumber(share + 0.05) + "\n";
        }
    writeText(dir / "seasons_summary.csv", csv);
    return dir;
}

}  // namespace chart_fixtures
