// Live plots per group over events (from World::history()) and the per-group summary table.
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
    groupLegend(names);

    const auto& history = w.history();
    const EventNamer eventName = [&app](const EventRecord& r) { return app.eventName(r); };
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 plotSize((avail - ImGui::GetStyle().ItemSpacing.x) / 2, 120);
    groupPlot("recv", tr("plot.referrals_received"), history, groups,
              [](const GroupFigures& f) { return f.referralsReceived; }, YAxis::FromZero, plotSize, names, tr("fmt.day"), eventName);
    ImGui::SameLine();
    groupPlot("collab", tr("plot.collaborators"), history, groups,
              [](const GroupFigures& f) { return f.collaborators; }, YAxis::FromZero, plotSize, names, tr("fmt.day"), eventName);
    groupPlot("rep", tr("plot.reputation"), history, groups,
              [](const GroupFigures& f) { return f.reputation; }, YAxis::Fit, plotSize, names, tr("fmt.day"), eventName);
    ImGui::SameLine();
    groupPlot("closed", tr("plot.closed_business"), history, groups,
              [](const GroupFigures& f) { return f.closedBusiness; }, YAxis::FromZero, plotSize, names, tr("fmt.day"), eventName);

    // The same numbers as the last EventRecord (what the CLI's summary reports).
    if (history.empty()) ImGui::TextDisabled("%s", tr("table.before_first_event"));
    else {
        char day[64];
        std::snprintf(day, sizeof day, tr("fmt.day"), history.back().day);
        ImGui::Text("%s #%d (%s)", tr("table.after_event"), history.back().index, day);
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
        for (int g = 0; g < groups; ++g) {
            const GroupFigures f = history.empty() || g >= int(history.back().groups.size())
                                       ? w.groupFigures(g) : history.back().groups[size_t(g)];
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
