// Own line plots: fixed-kind y ranges with round ticks, a time axis, down-sampling to the
// plot's width, dark-outlined lines thinning with each series, end labels spread apart.
#include "plots.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app_state.h"
#include "chart_axes.h"

namespace tsunagari {

namespace {

constexpr ImU32 kOutline = IM_COL32(12, 13, 17, 255);

// A polyline of dashes `on` long with gaps as long, measured along the line.
void dashedPolyline(ImDrawList* dl, const std::vector<ImVec2>& line, ImU32 colour, float width, float on) {
    float phase = 0;   // distance into the current dash-and-gap period
    for (size_t i = 1; i < line.size(); ++i) {
        const ImVec2 a = line[i - 1], b = line[i];
        const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        float s = 0;
        while (s < len) {
            const bool drawing = phase < on;
            const float step = std::min(len - s, (drawing ? on : 2 * on) - phase);
            if (drawing)
                dl->AddLine(ImVec2(a.x + dx * s / len, a.y + dy * s / len),
                            ImVec2(a.x + dx * (s + step) / len, a.y + dy * (s + step) / len), colour, width);
            s += step;
            phase = std::fmod(phase + step, 2 * on);
        }
    }
}

// The value of `points` at `week`: the last point at or before it.
const ImVec2* pointAt(const std::vector<ImVec2>& points, double week) {
    auto it = std::upper_bound(points.begin(), points.end(), float(week), [](float w, const ImVec2& p) { return w < p.x; });
    return it == points.begin() ? nullptr : &*(it - 1);
}

}  // namespace

double seriesPlot(const char* id, const char* title, const std::vector<Series>& series, MetricScale scale, ImVec2 size,
                  const TimeWords& time) {
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("plot", size);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    const float ui = ImGui::GetFontSize() / 16.0f;   // line widths follow the UI scale
    const float lineH = ImGui::GetTextLineHeight();
    dl->AddRectFilled(p0, p1, IM_COL32(20, 22, 28, 255), 3.0f);
    dl->AddRect(p0, p1, IM_COL32(70, 75, 90, 255), 3.0f);
    const float titleH = ImGui::CalcTextSize(title, nullptr, false, size.x - 12).y;
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p0.x + 6, p0.y + 3), IM_COL32(235, 235, 235, 255), title,
                nullptr, size.x - 12);

    double lastWeek = 0, dataMax = 0;
    for (const Series& s : series)
        for (const ImVec2& p : s.points) {
            lastWeek = std::max(lastWeek, double(p.x));
            dataMax = std::max(dataMax, double(p.y));
        }
    // As many y ticks as fit one above the other in the plotting area (estimated), 3 to 5.
    const int fitTicks = int((size.y - titleH - lineH * 2.5f) / (lineH * 1.15f)) + 1;
    const AxisTicks y = valueAxis(scale, dataMax, std::clamp(fitTicks, 3, 5));
    const TimeAxis x = timeAxis(lastWeek);

    // Margins: tick labels left, the x ticks and unit below, line names right.
    float tickW = 0;
    for (double v : y.values) tickW = std::max(tickW, ImGui::CalcTextSize(tickLabel(v, y.decimals).c_str()).x);
    // Names at the lines' ends when they fit one above the other; else the caller's legend or
    // table names the colours.
    float namesW = 0;
    int named = 0;
    for (const Series& s : series)
        if (!s.points.empty()) {
            namesW = std::max(namesW, ImGui::CalcTextSize(s.label.c_str()).x);
            ++named;
        }
    const bool endNames = float(named) * lineH <= size.y - titleH - lineH - 8;
    namesW = endNames ? std::min(namesW + 10 * ui, size.x * 0.35f) : 0.0f;
    const ImVec2 a(p0.x + tickW + 10 * ui, p0.y + titleH + 6 + lineH * 0.5f), b(p1.x - namesW - 6 * ui, p1.y - lineH - 6);
    if (b.x - a.x < 20 || b.y - a.y < 10) {   // too small to plot: the title alone
        ImGui::PopID();
        return -1;
    }
    auto xOf = [&](double week) { return a.x + (b.x - a.x) * float(week / x.unitWeeks / x.ticks.hi); };
    auto yOf = [&](double v) { return b.y - (b.y - a.y) * float((std::clamp(v, y.lo, y.hi) - y.lo) / (y.hi - y.lo)); };

    const ImU32 grid = IM_COL32(55, 60, 72, 255), text = IM_COL32(175, 178, 190, 255);
    for (double v : y.values) {
        const float py = yOf(v);
        dl->AddLine(ImVec2(a.x, py), ImVec2(b.x, py), grid);
        const std::string label = tickLabel(v, y.decimals);
        dl->AddText(ImVec2(a.x - 5 * ui - ImGui::CalcTextSize(label.c_str()).x, py - lineH / 2), text, label.c_str());
    }
    // X ticks right to left: the last one carries the unit ("10 weeks"); a label that would
    // touch the one right of it is left out.
    const char* unit = x.months ? time.months : time.weeks;
    float freeRight = p1.x - 4;
    for (size_t k = x.ticks.values.size(); k-- > 0;) {
        const double v = x.ticks.values[k];
        const float px = xOf(v * x.unitWeeks);
        dl->AddLine(ImVec2(px, b.y), ImVec2(px, b.y + 4 * ui), grid);
        const std::string label = tickLabel(v, 0) + (k + 1 == x.ticks.values.size() ? std::string(" ") + unit : "");
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        const float lx = std::min(std::max(px - w / 2, p0.x + 2), freeRight - w);
        if (lx < p0.x + 2) continue;
        dl->AddText(ImVec2(lx, b.y + 3), text, label.c_str());
        freeRight = lx - 8 * ui;
    }
    dl->AddLine(ImVec2(a.x, a.y), ImVec2(a.x, b.y), grid);

    // Lines: every outline first, then the colours, later ones thinner, so a line under
    // another (a group at zero, two equal groups) still shows at its edges.
    const int maxPoints = std::max(2, int(b.x - a.x) / 2);   // a point every other pixel: as smooth, half the triangles
    std::vector<std::vector<ImVec2>> lines(series.size());
    std::vector<float> endWanted;
    std::vector<size_t> ended;
    for (size_t k = 0; k < series.size(); ++k) {
        const auto& pts = series[k].points;
        const size_t n = pts.size(), shown = std::min<size_t>(n, size_t(maxPoints));
        for (size_t i = 0; i < shown; ++i) {
            const ImVec2& p = pts[shown <= 1 ? 0 : i * (n - 1) / (shown - 1)];
            lines[k].emplace_back(xOf(p.x), yOf(p.y));
        }
        if (!endNames || lines[k].empty()) continue;
        endWanted.push_back(lines[k].back().y - lineH / 2);
        ended.push_back(k);
    }
    auto width = [&](size_t k) { return std::max(1.3f, 3.6f - 0.45f * float(k)) * ui; };
    for (int pass = 0; pass < 2; ++pass)
        for (size_t k = 0; k < series.size(); ++k) {
            const auto& line = lines[k];
            const float w = pass == 0 ? width(k) + 2 * ui : width(k);
            const ImU32 colour = pass == 0 ? kOutline : series[k].colour | IM_COL32_A_MASK;
            if (line.size() == 1) dl->AddCircleFilled(line[0], w, colour);
            else if (series[k].dashed) dashedPolyline(dl, line, colour, w, 7 * ui);
            else if (line.size() > 1) dl->AddPolyline(line.data(), int(line.size()), colour, 0, w);
        }
    // The names, spread apart, above the x-axis' labels; no leader lines, which would read as
    // a last-moment drop of the data.
    const std::vector<float> endY = spreadLabels(endWanted, lineH, p0.y + titleH + 4, b.y - lineH + 2);
    dl->PushClipRect(ImVec2(b.x, p0.y), p1, true);
    for (size_t j = 0; j < ended.size(); ++j) {
        const Series& s = series[ended[j]];
        dl->AddText(ImVec2(b.x + 6 * ui, endY[j]), s.colour | IM_COL32_A_MASK, s.label.c_str());
    }
    dl->PopClipRect();

    double hoveredWeek = -1;
    if (hovered && lastWeek > 0) {
        const float mx = std::clamp(ImGui::GetIO().MousePos.x, a.x, b.x);
        hoveredWeek = double((mx - a.x) / (b.x - a.x)) * x.ticks.hi * x.unitWeeks;
        dl->AddLine(ImVec2(mx, a.y), ImVec2(mx, b.y), IM_COL32(255, 255, 255, 90));
        ImGui::BeginTooltip();
        ImGui::Text("%.1f %s", hoveredWeek / x.unitWeeks, unit);
        for (const Series& s : series)
            if (const ImVec2* p = pointAt(s.points, hoveredWeek))
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.colour | IM_COL32_A_MASK), "%s: %.3f", s.label.c_str(), p->y);
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return hoveredWeek;
}

void groupPlot(const char* id, const char* title, const std::vector<EventRecord>& history, int groups,
               const GroupField& field, MetricScale scale, ImVec2 size, const std::vector<const char*>& groupNames,
               const TimeWords& time, const char* dayFormat, const EventNamer& eventName) {
    std::vector<Series> series(size_t(std::max(groups, 0)));
    for (int g = 0; g < groups; ++g) {
        series[size_t(g)].label = g < int(groupNames.size()) ? groupNames[size_t(g)] : "?";
        series[size_t(g)].colour = groupColor(g);
        series[size_t(g)].points.reserve(history.size());
    }
    for (const auto& rec : history)
        for (int g = 0; g < groups && g < int(rec.groups.size()); ++g)
            if (rec.groups[size_t(g)].members > 0)
                series[size_t(g)].points.emplace_back(float(rec.day / 7.0), float(field(rec.groups[size_t(g)])));
    const double week = seriesPlot(id, title, series, scale, size, time);
    if (week < 0 || history.empty()) return;
    // The event at or before the hovered week, by name and day.
    auto it = std::upper_bound(history.begin(), history.end(), week * 7,
                               [](double day, const EventRecord& r) { return day < double(r.day); });
    const EventRecord& rec = it == history.begin() ? history.front() : *(it - 1);
    char day[64];
    std::snprintf(day, sizeof day, dayFormat, rec.day);
    ImGui::BeginTooltip();
    ImGui::TextDisabled("#%d  %s  %s", rec.index, day, eventName(rec));
    ImGui::EndTooltip();
}

}  // namespace tsunagari
