// Live plots per group over events (from World::history()) and the per-group summary table.
#include <cstdio>
#include <string>
#include <vector>

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
    const char* cols[] = {"col.group", "col.members", "col.contacts", "col.collaborators", "col.referrals_given",
                          "col.referrals_received", "col.closed_business", "col.complaints", "col.reputation",
                          "col.trust_received", "col.clients_kept"};
    if (ImGui::BeginTable("summary", int(std::size(cols)), flags, ImGui::GetContentRegionAvail())) {
        ImGui::TableSetupScrollFreeze(1, 1);
        for (const char* c : cols) ImGui::TableSetupColumn(tr(c));
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
            ImGui::TableNextColumn(); ImGui::Text("%d", f.members);
            ImGui::TableNextColumn(); ImGui::Text("%.2f", f.contacts);
            ImGui::TableNextColumn(); ImGui::Text("%.2f", f.collaborators);
            ImGui::TableNextColumn(); ImGui::Text("%.2f", f.referralsGiven);
            ImGui::TableNextColumn(); ImGui::Text("%.2f", f.referralsReceived);
            ImGui::TableNextColumn(); ImGui::Text("%.1f", f.closedBusiness);
            ImGui::TableNextColumn(); ImGui::Text("%.2f", f.complaints);
            ImGui::TableNextColumn(); ImGui::Text("%.3f", f.reputation);
            ImGui::TableNextColumn(); ImGui::Text("%.3f", f.trustReceived);
            ImGui::TableNextColumn(); ImGui::Text("%.1f", f.clientsKept);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace tsunagari
