// Setup panel: matchmaking, population mix and traits per cohort, calendar, params, mechanisms.
// Every change goes through AppState::edit (the shown world and the running one) and applies from the next step.
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "panels.h"
#include "shown_text.h"

namespace tsunagari {

namespace {

void matchmaking(AppState& app, const World& w) {
    const Strings& tr = app.tr;
    int policy = int(w.scenario().matchmaking);
    std::vector<const char*> names;
    for (int p = 0; p < int(Policy::Count); ++p) names.push_back(tr.get("policy.", policyKey(Policy(p))));
    ImGui::SetNextItemWidth(220);
    if (ImGui::Combo(tr("setup.matchmaking"), &policy, names.data(), int(names.size()))) app.edit([policy](World& world) { world.setMatchmaking(Policy(policy)); });
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("setup.matchmaking_tip"));
}

void population(AppState& app, const World& w) {
    const Strings& tr = app.tr;
    const auto& cohorts = w.cohorts();
    for (int c = 0; c < int(cohorts.size()); ++c) {
        const Cohort& cohort = cohorts[size_t(c)];
        ImGui::PushID(c);
        const bool open = ImGui::TreeNode("cohort", "%s", tr.cohortName(cohort));
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - 170);
        if (ImGui::SmallButton("-10")) app.edit([c, n = std::min(10, cohort.count)](World& world) { world.removeAttendees(c, n); });
        ImGui::SameLine();
        if (ImGui::SmallButton("-")) app.edit([c, n = std::min(1, cohort.count)](World& world) { world.removeAttendees(c, n); });
        ImGui::SameLine();
        ImGui::Text("%4d", cohort.count);
        ImGui::SameLine();
        if (ImGui::SmallButton("+")) app.addAttendees(c, 1);
        ImGui::SameLine();
        if (ImGui::SmallButton("+10")) app.addAttendees(c, 10);
        if (open) {
            if (cohort.label != cohort.archetype)
                ImGui::TextDisabled("%s: %s", tr("attendee.archetype"), tr.archetypeName(cohort.archetype));
            for (int t = 0; t < kTraitCount; ++t) {
                const TraitInfo& info = traitInfo(Trait(t));
                float v = float(cohort.traits[Trait(t)]);
                ImGui::SetNextItemWidth(200);
                if (ImGui::SliderFloat(tr.get("trait.", info.key), &v, 0.0f, 1.0f, "%.2f")) app.edit([c, t, v](World& world) { world.setCohortTrait(c, Trait(t), v); });
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr.get("trait_tip.", info.key));
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

void calendar(AppState& app, const World& w) {
    const Strings& tr = app.tr;
    std::vector<CalendarEntry> entries = w.scenario().calendar;
    bool changed = false;
    std::vector<const char*> kinds, policies;
    for (int k = 0; k < int(EventKind::Count); ++k) kinds.push_back(tr.get("kind.", eventKindKey(EventKind(k))));
    policies.push_back(tr("cal.policy_default"));
    for (int p = 0; p < int(Policy::Count); ++p) policies.push_back(tr.get("policy.", policyKey(Policy(p))));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    const float height = ImGui::GetTextLineHeightWithSpacing() * 1.6f * float(entries.size() + 1) + 16;
    if (ImGui::BeginTable("calendar", 10, flags, ImVec2(0, height))) {
        const char* cols[] = {"cal.name", "cal.kind", "cal.first_day", "cal.every_days", "cal.occurrences",
                              "cal.rounds", "cal.group_size", "cal.hours", "cal.attendance", "cal.policy"};
        for (const char* c : cols) ImGui::TableSetupColumn(tr(c));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < entries.size(); ++i) {
            CalendarEntry& e = entries[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn(); ImGui::TextUnformatted(tr.seriesName(e));
            int kind = int(e.kind);
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(110);
            if (ImGui::Combo("##kind", &kind, kinds.data(), int(kinds.size()))) { e.kind = EventKind(kind); changed = true; }
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(70);
            changed |= ImGui::DragInt("##first", &e.firstDay, 0.2f, 0, 3650);
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(60);
            changed |= ImGui::DragInt("##every", &e.everyDays, 0.2f, 1, 365);
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(60);
            changed |= ImGui::DragInt("##occ", &e.occurrences, 0.2f, 0, 10000);
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(50);
            changed |= ImGui::DragInt("##rounds", &e.rounds, 0.1f, 1, kMaxRounds);
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(50);
            changed |= ImGui::DragInt("##group", &e.groupSize, 0.1f, 2, kMaxGroupSize);
            float hours = float(e.hours), attendance = float(e.attendance);
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(60);
            if (ImGui::DragFloat("##hours", &hours, 0.05f, 0.25f, 24.0f, "%.2f")) { e.hours = hours; changed = true; }
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(60);
            if (ImGui::DragFloat("##att", &attendance, 0.01f, 0.0f, 1.0f, "%.2f")) { e.attendance = attendance; changed = true; }
            int policy = e.hasPolicy ? int(e.policy) + 1 : 0;
            ImGui::TableNextColumn(); ImGui::SetNextItemWidth(130);
            if (ImGui::Combo("##policy", &policy, policies.data(), int(policies.size()))) {
                e.hasPolicy = policy > 0;
                e.policy = Policy(policy > 0 ? policy - 1 : 0);
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (changed) app.edit([entries](World& world) { world.setCalendar(entries); });
}

void params(AppState& app, const World& w) {
    const Strings& tr = app.tr;
    for (int p = 0; p < kParamCount; ++p) {
        const ParamInfo& info = paramInfo(Param(p));
        double v = w.params()[Param(p)];
        ImGui::PushID(p);
        ImGui::SetNextItemWidth(200);
        bool changed;
        if (info.integer) {
            int iv = int(v);
            changed = ImGui::SliderInt(tr.get("param.", info.key), &iv, int(info.min), int(info.max), "%d",
                                       info.max - info.min > 200 ? ImGuiSliderFlags_Logarithmic : 0);
            v = iv;
        } else {
            const bool wide = info.min >= 0 && info.max / std::max(info.min, 1e-3) > 1000;
            changed = ImGui::SliderScalar(tr.get("param.", info.key), ImGuiDataType_Double, &v, &info.min, &info.max, "%.3g",
                                          wide ? ImGuiSliderFlags_Logarithmic : 0);
        }
        if (changed) app.edit([p, v](World& world) { world.setParam(Param(p), v); });
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\n%s: %s", tr.localised("param_tip.", info.key, info.meaning), tr("setup.source"),
                              tr.localised("param_src.", info.key, info.source));
        ImGui::PopID();
    }
}

void mechanisms(AppState& app, const World& w) {
    const Strings& tr = app.tr;
    for (int m = 0; m < kMechanismCount; ++m) {
        const MechanismInfo& info = mechanismInfo(Mechanism(m));
        bool on = w.mechanisms()[Mechanism(m)];
        if (ImGui::Checkbox(tr.get("mech.", info.key), &on)) app.edit([m, on](World& world) { world.setMechanism(Mechanism(m), on); });
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr.localised("mech_tip.", info.key, info.meaning));
    }
}

}  // namespace

void drawSetup(AppState& app) {
    const Strings& tr = app.tr;
    if (!app.world) {
        ImGui::TextDisabled("%s", tr("venue.no_world"));
        return;
    }
    const World& w = *app.world;
    ImGui::TextWrapped("%s", tr("setup.hint"));
    matchmaking(app, w);
    if (ImGui::CollapsingHeader(tr("setup.population"), ImGuiTreeNodeFlags_DefaultOpen)) {
        if (!app.setupError.empty())
            ImGui::TextColored(ImVec4(1, 0.35f, 0.3f, 1), "%s %s", tr("setup.too_many"), shownText(app.setupError).c_str());
        population(app, w);
    }
    if (ImGui::CollapsingHeader(tr("setup.calendar"))) calendar(app, w);
    if (ImGui::CollapsingHeader(tr("setup.mechanisms"))) mechanisms(app, w);
    if (ImGui::CollapsingHeader(tr("setup.params"))) params(app, w);
}

}  // namespace tsunagari
