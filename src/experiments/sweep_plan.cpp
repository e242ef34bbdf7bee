// Planning a sweep's cells and running one.
#include "experiments/sweep_plan.h"

#include <cstdio>
#include <exception>
#include <thread>

#include "experiments/replicates.h"
#include "metric_names.h"
#include "world.h"

namespace tsunagari::experiments {

namespace {

std::string fnv1aHex(const std::string& text) {
    uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ull;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

std::vector<MetricValues> metricsOf(const std::vector<GroupFigures>& groups) {
    std::vector<MetricValues> out;
    out.reserve(groups.size());
    for (const auto& g : groups) {
        MetricValues values;
        for (const MetricName& metric : metricNames()) values.push_back(metric.value(g));
        out.push_back(values);
    }
    return out;
}

}  // namespace

uint64_t SweepPlan::seedOf(int replicate) const { return deriveSeed(spec.seed, uint64_t(replicate)); }

SweepPlan planSweep(ExperimentSpec spec) {
    SweepPlan plan;
    plan.settings = expandSettings(spec);
    plan.specText = resolvedSpecJson(spec).dump(2) + "\n";
    plan.specHash = fnv1aHex(plan.specText);
    plan.spec = std::move(spec);
    return plan;
}

CellFigures runCell(const SweepPlan& plan, size_t cell) {
    const Setting& setting = plan.settings[plan.settingOf(cell)];
    Scenario scenario = setting.scenario;
    scenario.seed = plan.seedOf(plan.replicateOf(cell));
    World world(scenario);
    world.runEvents(setting.events);
    CellFigures figures;
    figures.groups = world.groupLabels();
    if (world.history().empty()) {
        figures.final = metricsOf(world.groupFigures());
    } else {
        figures.final = metricsOf(world.history().back().groups);
    }
    if (plan.spec.perEvent)
        for (const EventRecord& e : world.history()) figures.events.push_back({e.index, e.day, metricsOf(e.groups)});
    return figures;
}

CellFigures runCellOnOwnThread(const SweepPlan& plan, size_t cell) {
    CellFigures figures;
    std::exception_ptr error;
    std::jthread([&] {
        try {
            figures = runCell(plan, cell);
        } catch (...) {
            error = std::current_exception();
        }
    }).join();
    if (error) std::rethrow_exception(error);
    return figures;
}

}  // namespace tsunagari::experiments
