// Live plots per group over events (from World::history()) and the per-group summary table.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "metric_names.h"
#include "panels.h"
#include "plots.h"

namespace tsunagari {

void drawCharts(AppState& app, ImVec2 pos, ImVec2 size) {
    const Strings& tr = app.tr;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    const std::string title = std::string(tr("win.charts")) + "###charts";
    ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                             ImGuiWindowFlags_NoSavedSettings);
    if (!app.world) {
        ImGui::TextDisabled("%s", tr("venue.no_world"));
        ImGui::End();
        return;
    }
    const World& w = *app.world;
    const int groups = int(w.groupLabels().size());
    std::vector<const char*> names;
    for (int g = 0; g < groups; ++g) names.push_back(app.groupName(g));
    // No legend: the table below names the groups in their colours, the plots at the lines' ends.

    const auto& history = w.history();
    const EventNamer eventName = [&app](const EventRecord& r) { return app.eventName(r); };
    const float avail = ImGui::GetContentRegionAvail().x;
    // Two rows of plots in what the table (caption, header, a row per group, scrollbar) leaves.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rowH = ImGui::GetTextLineHeight() + 2 * style.CellPadding.y + 1, ui = ImGui::GetFontSize() / 16;
    const float tableH = ImGui::GetTextLineHeightWithSpacing() + rowH * float(groups + 1) + style.ScrollbarSize + 3 * style.ItemSpacing.y;
    const float plotH = std::clamp((ImGui::GetContentRegionAvail().y - tableH) / 2 - style.ItemSpacing.y, 90 * ui, 260 * ui);
    const ImVec2 plotSize((avail - ImGui::GetStyle().ItemSpacing.x) / 2, plotH);
    const TimeWords time{tr("plot.weeks"), tr("plot.months")};
    groupPlot("recv", tr("plot.referrals_received"), history, groups,
              [](const GroupFigures& f) { return f.referralsReceived; }, MetricScale::Count, plotSize, names, time, tr("fmt.day"), eventName);
    ImGui::SameLine();
    groupPlot("collab", tr("plot.collaborators"), history, groups,
              [](const GroupFigures& f) { return f.collaborators; }, MetricScale::Count, plotSize, names, time, tr("fmt.day"), eventName);
    groupPlot("rep", tr("plot.reputation"), history, groups,
              [](const GroupFigures& f) { return f.reputation; }, MetricScale::Fraction, plotSize, names, time, tr("fmt.day"), eventName);
    ImGui::SameLine();
    groupPlot("closed", tr("plot.closed_business"), history, groups,
              [](const GroupFigures& f) { return f.closedBusiness; }, MetricScale::Count, plotSize, names, time, tr("fmt.day"), eventName);

    // The same numbers as the last EventRecord (what the CLI's summary reports).
    if (history.empty()) ImGui::TextDisabled("%s", tr("table.before_first_event"));
    else {
        char day[64];
        std::snprintf(day, sizeof day, tr("fmt.day"), history.back().day);
        ImGui::Text(tr("fmt.after_event"), history.back().index, day);
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX;
    // Columns from the core's metric list, the one events.csv and summary.json are written from.
    const auto metrics = metricNames();
    if (ImGui::BeginTable("summary", int(metrics.size()) + 1, flags, ImGui::GetContentRegionAvail())) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(tr("col.group"));
        for (const MetricName& m : metrics) ImGui::TableSetupColumn(tr("col." + std::string(m.key)));
        ImGui::TableHeadersRow();
        const bool needLive = history.empty() || int(history.back().groups.size()) < groups;
        const std::vector<GroupFigures> live = needLive ? w.groupFigures() : std::vector<GroupFigures>{};
        ImGuiListClipper clipper;   // hundreds of groups: only the visible rows are drawn
        clipper.Begin(groups);
        while (clipper.Step()) for (int g = clipper.DisplayStart; g < clipper.DisplayEnd; ++g) {
            const GroupFigures f = history.empty() || g >= int(history.back().groups.size())
                                       ? live[size_t(g)] : history.back().groups[size_t(g)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(groupColor(g)), "%s", names[size_t(g)]);
            for (const MetricName& m : metrics) {
                ImGui::TableNextColumn();
                const bool whole = std::string_view(m.key) == "members";
                ImGui::Text(whole ? "%.0f" : m.scale == MetricScale::Fraction ? "%.3f" : "%.2f", m.value(f));
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace tsunagari
