// Helpers for lesson tests: load a shipped scenario, run it over many seeds, and compare
// two groups seed by seed (paired differences, so shared noise cancels).
#pragma once
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "scenario_io.h"
#include "world.h"

namespace tsunagari::testing {

inline Scenario shippedScenario(const std::string& file) {
    return loadScenarioFile(std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/" + file);
}

inline int groupIndex(const World& w, const std::string& label) {
    for (size_t i = 0; i < w.groupLabels().size(); ++i)
        if (w.groupLabels()[i] == label) return int(i);
    throw std::runtime_error("no group " + label);
}

inline void setTraitForLabel(Scenario& s, const std::string& label, Trait t, double value) {
    bool found = false;
    for (auto& c : s.population)
        if (c.label == label) { c.traits[t] = value; found = true; }
    if (!found) throw std::runtime_error("no cohort " + label);
}

// Mean and standard error of per-seed values.
struct Sample {
    std::vector<double> values;
    [[nodiscard]] double mean() const {
        double s = 0;
        for (double v : values) s += v;
        return values.empty() ? 0 : s / double(values.size());
    }
    [[nodiscard]] double standardError() const {
        if (values.size() < 2) return 0;
        const double m = mean();
        double ss = 0;
        for (double v : values) ss += (v - m) * (v - m);
        return std::sqrt(ss / double(values.size() - 1) / double(values.size()));
    }
    [[nodiscard]] size_t positives() const {
        size_t n = 0;
        for (double v : values) n += v > 0;
        return n;
    }
};

inline constexpr int kLessonSeeds = 30;

// Runs `scenario` for seeds 1..kLessonSeeds and collects `measure(world)` after the run.
inline Sample overSeeds(Scenario scenario, const std::function<double(const World&)>& measure, int events = -1) {
    Sample sample;
    for (int seed = 1; seed <= kLessonSeeds; ++seed) {
        scenario.seed = uint64_t(seed);
        World w(scenario);
        w.runEvents(events > 0 ? events : scenario.events);
        sample.values.push_back(measure(w));
    }
    return sample;
}

// Difference of a group figure between two labels, from the last event record.
inline std::function<double(const World&)> groupGap(const std::string& a, const std::string& b,
                                                    double GroupFigures::*field) {
    return [=](const World& w) {
        const auto& g = w.history().back().groups;
        return g[size_t(groupIndex(w, a))].*field - g[size_t(groupIndex(w, b))].*field;
    };
}

}  // namespace tsunagari::testing
