// Line plots drawn with ImGui's draw list: y from zero for counts and 0..1 for fractions,
// round ticks, time in weeks or months, each line named at its end, overlaps kept visible.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "metric_names.h"
#include "metrics.h"

namespace tsunagari {

// One labelled line: points are (week, value), weeks increasing.
struct Series {
    std::string label;
    ImU32 colour = IM_COL32_WHITE;
    bool dashed = false;        // e.g. the second room of a side-by-side comparison
    std::vector<ImVec2> points;
};

// The x-axis' unit names in the current language ("weeks" / "months").
struct TimeWords {
    const char* weeks = "weeks";
    const char* months = "months";
};

// Plots `series` in a box of `size`, the title wrapped at the top, each line named at its
// end when the names fit one above the other (else the caller names the colours). Hovering
// shows every series' value at the week under the mouse; returns that week, or a negative number.
double seriesPlot(const char* id, const char* title, const std::vector<Series>& series, MetricScale scale, ImVec2 size,
                  const TimeWords& time);

// Reads one figure of a group row.
using GroupField = std::function<double(const GroupFigures&)>;
using EventNamer = std::function<const char*(const EventRecord&)>;
// `field` of every group over `history` (one point per event) as a seriesPlot; the hover
// readout also names the event. dayFormat: printf with one %d, e.g. "Day %d".
void groupPlot(const char* id, const char* title, const std::vector<EventRecord>& history, int groups,
               const GroupField& field, MetricScale scale, ImVec2 size, const std::vector<const char*>& groupNames,
               const TimeWords& time, const char* dayFormat, const EventNamer& eventName);

}  // namespace tsunagari
