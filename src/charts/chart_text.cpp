#include "chart_text.h"

#include "traits.h"

namespace tsunagari::charts {

std::string ChartText::say(const Words& words, const std::string& value) const {
    std::string text = say(words);
    const auto at = text.find("{}");
    if (at != std::string::npos) text.replace(at, 2, value);
    return text;
}

const MetricName& ChartText::metric(const std::string& key) {
    if (const MetricName* m = findMetricName(key)) return *m;
    std::string known;
    for (const MetricName& m : metricNames()) known += (known.empty() ? "" : ", ") + std::string(m.key);
    throw ChartInputError("unknown metric '" + key + "' (expected one of " + known + ")");
}

std::string ChartText::metricName(const std::string& key) const {
    const MetricName& m = metric(key);
    return japanese() ? m.nameJa : m.nameEn;
}

std::string ChartText::metricAxis(const std::string& key) const {
    const MetricName& m = metric(key);
    return japanese() ? m.axisJa : m.axisEn;
}

std::string ChartText::groupName(const std::string& label) const {
    if (auto it = m_options.groupNames.find(label); it != m_options.groupNames.end()) return it->second;
    if (const Archetype* a = findArchetype(label)) return japanese() ? a->nameJa : a->nameEn;
    return label;
}

}  // namespace tsunagari::charts
