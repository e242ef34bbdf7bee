// The words on a chart in the chosen language: metric names and units (from the core's
// metric table), group names (archetypes' Japanese names) and short phrases.
#pragma once
#include <string>

#include "charts.h"
#include "metric_names.h"

namespace tsunagari::charts {

struct Words {
    const char* en;
    const char* ja;
};

class ChartText {
public:
    explicit ChartText(const ChartOptions& options) : m_options(options) {}

    [[nodiscard]] bool japanese() const { return m_options.language == ChartLanguage::Japanese; }
    [[nodiscard]] std::string say(const Words& words) const { return japanese() ? words.ja : words.en; }
    // `words` with "{}" replaced by `value`.
    [[nodiscard]] std::string say(const Words& words, const std::string& value) const;

    // Throws ChartInputError for an unknown metric key.
    [[nodiscard]] static const MetricName& metric(const std::string& key);
    [[nodiscard]] std::string metricName(const std::string& key) const;
    [[nodiscard]] std::string metricAxis(const std::string& key) const;
    // A group or strategy label as a person reads it: the options' name, an archetype's name, or the label.
    [[nodiscard]] std::string groupName(const std::string& label) const;

private:
    const ChartOptions& m_options;
};

}  // namespace tsunagari::charts
