// Inspector: the clicked attendee's traits, relationships grouped by stage, and referral history.
#include <algorithm>
#include <string>
#include <vector>

#include "panels.h"

namespace tsunagari {

namespace {

struct Tie { uint32_t other; double trust; int contacts; };

}  // namespace

void drawInspector(AppState& app) {
    const Strings& tr = app.tr;
    if (!app.world || app.selected < 0 || app.selected >= int(app.world->attendees().size())) {
        ImGui::TextWrapped("%s", tr("insp.none"));
        return;
    }
    const World& w = *app.world;
    const Attendee& a = w.attendees()[size_t(app.selected)];
    const Cohort& cohort = w.cohorts()[size_t(a.cohort)];
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(groupColor(a.group)), "%s  (#%u)", app.tr.attendeeName(a.name).c_str(), a.id);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("insp.deselect"))) {
        app.selected = -1;
        return;
    }
    ImGui::Text("%s: %s   %s: %s", tr("attendee.profession"), tr.professionName(a.profession), tr("attendee.archetype"),
                tr.archetypeName(cohort.archetype));
    if (!a.active) ImGui::TextColored(ImVec4(1, 0.6f, 0.3f, 1), "%s", tr("insp.inactive"));
    const auto& c = a.counters;
    ImGui::Text("%s %u  %s %u  %s %.3f  %s %.3f", tr("col.contacts"), a.snapshot.contacts, tr("col.collaborators"),
                a.snapshot.collaborators, tr("col.reputation"), a.snapshot.reputation, tr("col.trust_received"), a.snapshot.trustReceived);
    ImGui::Text("%s %u  %s %u  %s %u  %s %u  %s %u  %s %.1f", tr("col.referrals_given"), c.referralsGiven, tr("col.referrals_received"),
                c.referralsReceived, tr("insp.accepted"), c.referralsAccepted, tr("insp.declined"), c.referralsDeclined,
                tr("col.complaints"), c.complaints, tr("col.closed_business"), c.closedBusiness);
    ImGui::Text("%s %u  %s %u  %s %u", tr("insp.events"), c.eventsAttended, tr("insp.late"), c.lateArrivals, tr("insp.pitches"), c.pitches);

    if (ImGui::CollapsingHeader(tr("insp.traits"))) {
        if (ImGui::BeginTable("traits", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            for (int t = 0; t < kTraitCount; ++t) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr.get("trait.", traitInfo(Trait(t)).key));
                ImGui::TableNextColumn();
                ImGui::ProgressBar(float(a.traits[Trait(t)]), ImVec2(-1, 0), nullptr);
            }
            ImGui::EndTable();
        }
    }

    // Ties from this attendee's point of view, strongest first, grouped by stage.
    if (ImGui::CollapsingHeader(tr("insp.relationships"), ImGuiTreeNodeFlags_DefaultOpen)) {
        const auto& rules = w.trustRules();
        const int day = std::max(w.day(), 0);
        std::vector<Tie> byStage[int(Stage::Count)];
        for (const auto& tie : w.relationships().outEdges(a.id)) {
            const Edge& e = w.relationships().edge(tie.edge);
            if (!rules.remembered(e, day)) continue;
            const double t = rules.trust(e, day);
            byStage[int(rules.stageOf(t, true))].push_back({e.to, t, int(e.contacts)});
        }
        for (int s = int(Stage::Collaborator); s >= int(Stage::Acquaintance); --s) {
            auto& ties = byStage[s];
            std::sort(ties.begin(), ties.end(), [](const Tie& x, const Tie& y) { return x.trust > y.trust; });
            ImGui::PushID(s);
            if (ImGui::TreeNodeEx("stage", ties.empty() ? ImGuiTreeNodeFlags_Leaf : 0, "%s (%zu)", tr.get("stage.", stageKey(Stage(s))), ties.size())) {
                for (const Tie& tie : ties) {
                    const Attendee& o = w.attendees()[tie.other];
                    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(groupColor(o.group)), "%s", app.tr.attendeeName(o.name).c_str());
                    ImGui::SameLine(180);
                    ImGui::Text("%s  %s %.2f / %s %.2f  %s %d", tr.professionName(o.profession), tr("insp.trust_out"), tie.trust,
                                tr("insp.trust_in"), w.trust(tie.other, a.id), tr("insp.contacts"), tie.contacts);
                }
                ImGui::TreePop();
            }
            ImGui::PopID();
        }
    }

    if (ImGui::CollapsingHeader(tr("insp.referrals"), ImGuiTreeNodeFlags_DefaultOpen)) {
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
        if (ImGui::BeginTable("refs", 5, flags, ImVec2(0, 220))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            for (const char* col : {"ref.day", "ref.direction", "ref.other", "ref.status", "ref.value"}) ImGui::TableSetupColumn(tr(col));
            ImGui::TableHeadersRow();
            const auto& refs = w.referrals();
            for (size_t i = refs.size(); i-- > 0;) {   // newest first
                const Referral& r = refs[i];
                if (r.from != a.id && r.to != a.id) continue;
                const bool gave = r.from == a.id;
                ImGui::TableNextRow();
                ImGui::TableNextColumn(); ImGui::Text("%d", r.day);
                ImGui::TableNextColumn(); ImGui::TextUnformatted(gave ? tr("ref.gave") : tr("ref.received"));
                ImGui::TableNextColumn(); ImGui::TextUnformatted(app.tr.attendeeName(w.attendees()[gave ? r.to : r.from].name).c_str());
                ImGui::TableNextColumn();
                const ImVec4 color = r.status == ReferralStatus::Delivered ? ImVec4(0.3f, 0.9f, 0.4f, 1)
                                     : r.status == ReferralStatus::Late  ? ImVec4(1, 0.35f, 0.3f, 1)
                                                                         : ImVec4(0.85f, 0.85f, 0.9f, 1);
                std::string status = tr.get("status.", referralStatusKey(r.status));
                if (r.weakTie) status += std::string(" / ") + tr("ref.weak_tie");
                if (r.complaintReceived) status += std::string(" / ") + tr("ref.complaint");
                if (r.thanked) status += std::string(" / ") + tr("ref.thanked");
                ImGui::TextColored(color, "%s", status.c_str());
                ImGui::TableNextColumn(); ImGui::Text("%.0f", r.value);
            }
            ImGui::EndTable();
        }
    }
}

}  // namespace tsunagari
