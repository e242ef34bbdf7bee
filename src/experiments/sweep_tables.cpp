// Rendering a sweep's tidy CSVs, summaries and comparisons.
#include "experiments/sweep_tables.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "experiments/replicates.h"
#include "experiments/statistics.h"
#include "metric_names.h"
#include "report.h"

namespace tsunagari::experiments {

namespace {

const char* metricName(int metric) { return metricNames()[size_t(metric)].key; }

// The values of one group's metric over a setting's replicates, in replicate order.
std::vector<double> finalValues(const SweepPlan& plan, const std::vector<CellFigures>& cells, size_t setting,
                                size_t group, int metric) {
    std::vector<double> values;
    for (int r = 0; r < plan.spec.replicates; ++r) {
        const CellFigures& cell = cells[setting * size_t(plan.spec.replicates) + size_t(r)];
        values.push_back(cell.final[group][size_t(metric)]);
    }
    return values;
}

const CellFigures& firstCell(const SweepPlan& plan, const std::vector<CellFigures>& cells, size_t setting) {
    return cells[setting * size_t(plan.spec.replicates)];
}

std::string settingsCsv(const SweepPlan& plan) {
    std::string out = "setting,label,path,value\n";
    for (size_t s = 0; s < plan.settings.size(); ++s) {
        const std::string prefix = std::to_string(s) + ',' + csvField(plan.settings[s].label) + ',';
        if (plan.settings[s].values.empty()) out += prefix + ",\n";   // the baseline: no override, path and value empty
        for (const auto& [path, value] : plan.settings[s].values)
            out += prefix + csvField(path) + ',' + csvField(overrideText(value)) + '\n';
    }
    return out;
}

std::string resultsCsv(const SweepPlan& plan, const std::vector<CellFigures>& cells) {
    std::string out = "setting,replicate,seed,group,metric,value\n";
    for (size_t c = 0; c < cells.size(); ++c) {
        const std::string prefix = std::to_string(plan.settingOf(c)) + ',' + std::to_string(plan.replicateOf(c)) + ',' +
                                   std::to_string(plan.seedOf(plan.replicateOf(c))) + ',';
        for (size_t g = 0; g < cells[c].groups.size(); ++g)
            for (int m : plan.spec.metrics)
                out += prefix + csvField(cells[c].groups[g]) + ',' + metricName(m) + ',' +
                       formatNumber(cells[c].final[g][size_t(m)]) + '\n';
    }
    return out;
}

// The per-event rows of one cell (the bulk of a per-event sweep's output).
std::string cellEventRows(const SweepPlan& plan, const std::vector<CellFigures>& cells, size_t c) {
    std::string out;
    const std::string prefix = std::to_string(plan.settingOf(c)) + ',' + std::to_string(plan.replicateOf(c)) + ',';
    for (const auto& e : cells[c].events) {
        const std::string eventPrefix = prefix + std::to_string(e.event) + ',' + std::to_string(e.day) + ',';
        for (size_t g = 0; g < e.groups.size(); ++g)
            for (int m : plan.spec.metrics)
                out += eventPrefix + csvField(cells[c].groups[g]) + ',' + metricName(m) + ',' +
                       formatNumber(e.groups[g][size_t(m)]) + '\n';
    }
    return out;
}

// Renders parts on the replicate engine and joins them in order: the same bytes for any `jobs`.
std::string joinedParts(size_t count, unsigned jobs, const std::function<std::string(size_t)>& part, std::string out) {
    for (auto& text : replicateValues(count, part, jobs)) out += text;
    return out;
}

std::string summaryCsv(const SweepPlan& plan, const std::vector<CellFigures>& cells) {
    std::string out = "setting,label,group,metric,n,mean,sd,ci_low,ci_high\n";
    for (size_t s = 0; s < plan.settings.size(); ++s) {
        const auto& groups = firstCell(plan, cells, s).groups;
        for (size_t g = 0; g < groups.size(); ++g)
            for (int m : plan.spec.metrics) {
                const Summary sum = summarize(finalValues(plan, cells, s, g, m));
                out += std::to_string(s) + ',' + csvField(plan.settings[s].label) + ',' + csvField(groups[g]) + ',' +
                       metricName(m) + ',' + std::to_string(sum.n) + ',' + formatNumber(sum.mean) + ',' +
                       formatNumber(sum.sd) + ',' + formatNumber(sum.ciLow) + ',' + formatNumber(sum.ciHigh) + '\n';
            }
    }
    return out;
}

// One setting's rows of events_summary.csv, per event index (the events of replicate 0;
// every replicate of a setting runs the same calendar).
std::string settingEventSummaryRows(const SweepPlan& plan, const std::vector<CellFigures>& cells, size_t s) {
    std::string out;
    const CellFigures& first = firstCell(plan, cells, s);
    for (size_t e = 0; e < first.events.size(); ++e)
        for (size_t g = 0; g < first.groups.size(); ++g)
            for (int m : plan.spec.metrics) {
                std::vector<double> values;
                for (int r = 0; r < plan.spec.replicates; ++r) {
                    const CellFigures& cell = cells[s * size_t(plan.spec.replicates) + size_t(r)];
                    if (e < cell.events.size()) values.push_back(cell.events[e].groups[g][size_t(m)]);
                }
                const Summary sum = summarize(values);
                out += std::to_string(s) + ',' + csvField(plan.settings[s].label) + ',' +
                       std::to_string(first.events[e].event) + ',' + std::to_string(first.events[e].day) + ',' +
                       csvField(first.groups[g]) + ',' + metricName(m) + ',' + std::to_string(sum.n) + ',' +
                       formatNumber(sum.mean) + ',' + formatNumber(sum.ciLow) + ',' + formatNumber(sum.ciHigh) + '\n';
            }
    return out;
}

std::string comparisonCsv(const SweepPlan& plan, const std::vector<ComparisonRow>& rows) {
    std::string out = "setting,label,baseline_label,group,metric,mean,baseline_mean,difference,ci_low,ci_high,p\n";
    for (const auto& row : rows)
        out += std::to_string(row.setting) + ',' + csvField(plan.settings[row.setting].label) + ',' +
               csvField(plan.settings[0].label) + ',' + csvField(row.group) + ',' + metricName(row.metric) + ',' +
               formatNumber(row.mean) + ',' + formatNumber(row.baselineMean) + ',' + formatNumber(row.difference) + ',' +
               formatNumber(row.ciLow) + ',' + formatNumber(row.ciHigh) + ',' + formatNumber(row.p) + '\n';
    return out;
}

// "12.3 ± 0.4"
std::string meanAndHalfWidth(const Summary& s) {
    const int decimals = std::fabs(s.mean) >= 100 ? 0 : std::fabs(s.mean) >= 10 ? 1 : 2;
    return formatFixed(s.mean, decimals) + " ± " + formatFixed(s.halfWidth(), decimals);
}

// Width in characters: "±" and Japanese labels are several bytes each.
size_t charCount(const std::string& text) {
    size_t chars = 0;
    for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
    return chars;
}

std::string padded(const std::string& text, size_t width) {
    const size_t chars = charCount(text);
    return text + std::string(width > chars ? width - chars : 0, ' ');
}

// "p 0.004", "p < 0.001"
std::string pText(double p) { return p < 0.001 ? "p < 0.001" : "p " + formatFixed(p, 3); }

// The metrics shown in the printed table: the spec's own when it lists a few, else the main ones.
std::vector<int> shownMetrics(const SweepPlan& plan) {
    if (plan.spec.metrics.size() <= 4) return plan.spec.metrics;
    std::vector<int> shown;
    for (const char* name : {"collaborators", "referrals_received", "repeat_referrals_received", "closed_business"})
        if (std::find(plan.spec.metrics.begin(), plan.spec.metrics.end(), *metricIndex(name)) != plan.spec.metrics.end())
            shown.push_back(*metricIndex(name));
    return shown;
}

}  // namespace

std::vector<ComparisonRow> compareSettings(const SweepPlan& plan, const std::vector<CellFigures>& cells) {
    std::vector<ComparisonRow> rows;
    const auto& baselineGroups = firstCell(plan, cells, 0).groups;
    for (size_t s = 1; s < plan.settings.size(); ++s) {
        const auto& groups = firstCell(plan, cells, s).groups;
        for (size_t g = 0; g < groups.size(); ++g) {
            const auto baselineGroup = std::find(baselineGroups.begin(), baselineGroups.end(), groups[g]);
            if (baselineGroup == baselineGroups.end()) continue;   // a group the baseline does not have
            const size_t b = size_t(baselineGroup - baselineGroups.begin());
            for (int m : plan.spec.metrics) {
                const auto values = finalValues(plan, cells, s, g, m);
                const auto baseline = finalValues(plan, cells, 0, b, m);
                const TTest test = pairedTTest(values, baseline);
                rows.push_back({s, groups[g], m, summarize(values).mean, summarize(baseline).mean, test.estimate,
                                test.ciLow, test.ciHigh, test.p});
            }
        }
    }
    return rows;
}

std::vector<OutputFile> sweepTables(const SweepPlan& plan, const std::vector<CellFigures>& cells, unsigned jobs) {
    std::vector<OutputFile> files = {{"settings.csv", settingsCsv(plan)},
                                     {"results.csv", resultsCsv(plan, cells)},
                                     {"summary.csv", summaryCsv(plan, cells)}};
    if (plan.spec.perEvent) {
        files.emplace_back("events.csv", joinedParts(cells.size(), jobs, [&](size_t c) { return cellEventRows(plan, cells, c); },
                                                     "setting,replicate,event,day,group,metric,value\n"));
        files.emplace_back("events_summary.csv",
                           joinedParts(plan.settings.size(), jobs, [&](size_t s) { return settingEventSummaryRows(plan, cells, s); },
                                       "setting,label,event,day,group,metric,n,mean,ci_low,ci_high\n"));
    }
    if (plan.settings.size() >= 2) files.emplace_back("comparison.csv", comparisonCsv(plan, compareSettings(plan, cells)));
    return files;
}

std::string sweepSummaryText(const SweepPlan& plan, const std::vector<CellFigures>& cells) {
    const std::vector<int> metrics = shownMetrics(plan);
    std::vector<std::vector<std::string>> rows = {{"setting", "group"}};
    for (int m : metrics) rows[0].push_back(metricName(m));
    for (size_t s = 0; s < plan.settings.size(); ++s) {
        const auto& groups = firstCell(plan, cells, s).groups;
        for (size_t g = 0; g < groups.size(); ++g) {
            std::vector<std::string> row = {plan.settings[s].label, groups[g]};
            for (int m : metrics) row.push_back(meanAndHalfWidth(summarize(finalValues(plan, cells, s, g, m))));
            rows.push_back(std::move(row));
        }
    }
    std::vector<size_t> widths(rows[0].size(), 0);
    for (const auto& row : rows)
        for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], charCount(row[i]));
    std::string out;
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) out += padded(row[i], widths[i] + 2);
        out += '\n';
    }
    out += "means over " + std::to_string(plan.spec.replicates) + " replicates ± half-width of the 95% interval\n";
    if (plan.settings.size() < 2) return out;
    out += "\nagainst setting 0 (" + plan.settings[0].label + "), paired by replicate:\n";
    for (const auto& row : compareSettings(plan, cells)) {
        if (std::find(metrics.begin(), metrics.end(), row.metric) == metrics.end()) continue;
        out += "  " + std::string(metricName(row.metric)) + "  " + row.group + "  " + plan.settings[0].label + " → " +
               plan.settings[row.setting].label + "  " + (row.difference >= 0 ? "+" : "") + formatFixed(row.difference, 2) + "  95% CI [" +
               formatFixed(row.ciLow, 2) + ", " + formatFixed(row.ciHigh, 2) + "]  " + pText(row.p) + "\n";
    }
    return out;
}

}  // namespace tsunagari::experiments
