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

// Plots `field` of every group over `history` (one point per event) in a box of `size`.
// Hovering shows the values at the event under the mouse.
void groupPlot(const char* id, const char* title, const std::vector<EventRecord>& history, int groups,
               const GroupField& field, ImVec2 size, const std::vector<const char*>& groupNames, const char* dayFormat);   // dayFormat: printf with one %d, e.g. "Day %d"
// A row of coloured swatches with group names, wrapping to the available width.
void groupLegend(const std::vector<const char*>& groupNames);

}  // namespace tsunagari
