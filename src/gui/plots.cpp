// Own line plots: y fitted to the data, down-sampled to the plot's width, with a hover readout.
#include "plots.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app_state.h"

namespace tsunagari {

void groupPlot(const char* id, const char* title, const std::vector<EventRecord>& history, int groups,
               const GroupField& field, YAxis axis, ImVec2 size, const std::vector<const char*>& groupNames,
               const char* dayFormat, const EventNamer& eventName) {
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("plot", size);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    dl->AddRectFilled(p0, p1, IM_COL32(20, 22, 28, 255), 3.0f);
    dl->AddRect(p0, p1, IM_COL32(70, 75, 90, 255), 3.0f);
    const float lineH = ImGui::GetTextLineHeight();
    dl->AddText(ImVec2(p0.x + 6, p0.y + 3), IM_COL32(230, 230, 230, 255), title);

    const int n = int(history.size());
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& rec : history)
        for (int g = 0; g < groups && g < int(rec.groups.size()); ++g) {
            if (rec.groups[size_t(g)].members == 0) continue;
            const double v = field(rec.groups[size_t(g)]);
            lo = any ? std::min(lo, v) : v;
            hi = any ? std::max(hi, v) : v;
            any = true;
        }
    if (!any || n == 0) {
        ImGui::PopID();
        return;
    }
    if (axis == YAxis::FromZero) {
        lo = std::min(lo, 0.0);
        if (hi <= 0) hi = 1;   // nothing counted yet
    } else if (hi - lo < 1e-3) {
        // A flat series gets a narrow band around its value rather than a noisy zoom.
        const double mid = (hi + lo) / 2;
        lo = mid - 5e-4;
        hi = mid + 5e-4;
    }
    const double pad = (hi - lo) * 0.08;
    hi += pad;
    if (axis == YAxis::Fit || lo < 0) lo -= pad;

    // Labels with enough decimals to tell the bottom from the top.
    const int decimals = std::clamp(int(std::ceil(-std::log10(hi - lo))) + 1, 0, 6);
    char labels[3][32];
    const double values[3] = {hi, (hi + lo) / 2, lo};
    float labelW = 0;
    for (int k = 0; k < 3; ++k) {
        std::snprintf(labels[k], sizeof labels[k], "%.*f", decimals, values[k]);
        labelW = std::max(labelW, ImGui::CalcTextSize(labels[k]).x);
    }
    // Plotting area: the top label sits below the title, the bottom one inside the frame.
    const ImVec2 a(p0.x + labelW + 10, p0.y + lineH * 1.5f + 6), b(p1.x - 8, p1.y - lineH / 2 - 3);
    const ImU32 grid = IM_COL32(55, 60, 72, 255), text = IM_COL32(160, 160, 170, 255);
    for (int k = 0; k < 3; ++k) {
        const float y = a.y + (b.y - a.y) * float(k) / 2;
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), grid);
        dl->AddText(ImVec2(a.x - 5 - ImGui::CalcTextSize(labels[k]).x, y - lineH / 2), text, labels[k]);
    }
    dl->AddLine(ImVec2(a.x, a.y), ImVec2(a.x, b.y), grid);
    auto xOf = [&](int i) { return n <= 1 ? a.x : a.x + (b.x - a.x) * float(i) / float(n - 1); };
    auto yOf = [&](double v) { return b.y - (b.y - a.y) * float((v - lo) / (hi - lo)); };

    // At most about one point per pixel: long runs are sampled, not all drawn.
    const int points = std::max(2, std::min(n, int(b.x - a.x)));
    std::vector<ImVec2> line;
    line.reserve(size_t(points));
    for (int g = 0; g < groups; ++g) {
        line.clear();
        for (int k = 0; k < points; ++k) {
            const int i = n <= 1 ? 0 : int((long long)k * (n - 1) / (points - 1));
            const auto& rec = history[size_t(i)];
            if (g >= int(rec.groups.size()) || rec.groups[size_t(g)].members == 0) continue;
            line.emplace_back(xOf(i), yOf(field(rec.groups[size_t(g)])));
        }
        if (line.size() >= 2) dl->AddPolyline(line.data(), int(line.size()), groupColor(g), 0, 1.8f);
        else if (line.size() == 1) dl->AddCircleFilled(line[0], 2.5f, groupColor(g));
    }

    if (hovered && n > 0) {
        const float mx = ImGui::GetIO().MousePos.x;
        const int i = std::clamp(n <= 1 ? 0 : int((mx - a.x) / (b.x - a.x) * float(n - 1) + 0.5f), 0, n - 1);
        dl->AddLine(ImVec2(xOf(i), a.y), ImVec2(xOf(i), b.y), IM_COL32(255, 255, 255, 80));
        const auto& rec = history[size_t(i)];
        ImGui::BeginTooltip();
        char day[64];
        std::snprintf(day, sizeof day, dayFormat, rec.day);
        ImGui::Text("#%d  %s  %s", rec.index, day, eventName(rec));
        for (int g = 0; g < groups && g < int(rec.groups.size()); ++g)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(groupColor(g)), "%s: %.3f",
                               g < int(groupNames.size()) ? groupNames[size_t(g)] : "?", field(rec.groups[size_t(g)]));
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

void groupLegend(const std::vector<const char*>& groupNames) {
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (size_t g = 0; g < groupNames.size(); ++g) {
        const float w = ImGui::CalcTextSize(groupNames[g]).x + 22;
        if (g > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + 14, p.y + h - 3), groupColor(int(g)), 2.0f);
        ImGui::Dummy(ImVec2(16, h));
        ImGui::SameLine(0, 2);
        ImGui::TextUnformatted(groupNames[g]);
    }
}

}  // namespace tsunagari
