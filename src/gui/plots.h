// Line plots over events drawn with ImGui's draw list: one line per group, shared legend.
#pragma once
#include <functional>
#include <vector>

#include <imgui.h>

#include "metrics.h"

namespace tsunagari {

class Strings;

// Reads one figure of a group row.
using GroupField = std::function<double(const GroupFigures&)>;

// How the y-axis is fitted to the data.
enum class YAxis {
    FromZero,   // counts and amounts: 0 .. max, so the height reads as "how many"
    Fit,        // min .. max with a little padding, so small changes (0.65 -> 0.70) show
};

// Plots `field` of every group over `history` (one point per event) in a box of `size`,
// with the y range labelled at the bottom, middle and top. Hovering shows the values at
// the event under the mouse. dayFormat: printf with one %d, e.g. "Day %d"; eventName: an
// event's name in the current language.
using EventNamer = std::function<const char*(const EventRecord&)>;
void groupPlot(const char* id, const char* title, const std::vector<EventRecord>& history, int groups,
               const GroupField& field, YAxis axis, ImVec2 size, const std::vector<const char*>& groupNames,
               const char* dayFormat, const EventNamer& eventName);
// A row of coloured swatches with group names, wrapping to the available width.
void groupLegend(const std::vector<const char*>& groupNames);

}  // namespace tsunagari
