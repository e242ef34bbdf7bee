// Playing as an attendee (play_mode.h): the choice waiting for the player over the venue,
// others' mean trust in the player over the season, the choices so far, the way to finish
// the season, and at its end the player's figures beside the built-in habits in the same seat.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "panels.h"
#include "play_mode.h"
#include "professions.h"

namespace tsunagari {

namespace {

constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;
const ImVec4 kAccent(1, 0.85f, 0.4f, 1);

std::string personName(const AppState& app, uint32_t id) {
    return app.tr.attendeeName(app.world->attendees()[id].name);
}

// Others' mean trust in the player over the season; at its end also in the same seat under
// the three habits of the model's table (hard seller, slow trust builder, gratitude giver), dashed.
void drawTrustChart(AppState& app, PlayMode& play, ImVec2 size) {
    const auto line = [](std::string label, ImU32 colour, bool dashed, const std::vector<play::TrustPoint>& points) {
        Series s{std::move(label), colour, dashed, {}};
        for (const auto& p : points) s.points.emplace_back(float(p.day / 7.0), float(p.roomTrust));
        if (s.points.size() < 2) s.points.emplace_back(1.0f, s.points.empty() ? 0.0f : s.points.back().y);
        return s;
    };
    std::vector<Series> series = {line(app.tr("play.you"), IM_COL32(255, 210, 90, 255), false, play.session().trustHistory())};
    if (play.over()) {
        const std::pair<const char*, ImU32> shown[] = {{"hard_seller", IM_COL32(235, 110, 95, 255)},
                                                       {"slow_trust_builder", IM_COL32(120, 180, 255, 255)},
                                                       {"gratitude_giver", IM_COL32(130, 210, 140, 255)}};
        for (const auto& [key, colour] : shown)
            for (const auto& row : play.comparison())
                if (row.key == key) series.push_back(line(app.tr.archetypeName(key), colour, true, row.trust));
    }
    seriesPlot("play_trust", app.tr("play.trust_title"), series, MetricScale::Fraction, size,
               TimeWords{app.tr("plot.weeks"), app.tr("plot.months")});
}

// One button per answer, numbered as the keys.
void answerButtons(AppState& app, PlayMode& play, std::initializer_list<const char*> keys) {
    int number = 1;
    for (const char* key : keys) {
        if (ImGui::Button(app.tr(key)) && play.answer(number)) app.playing = true;   // on to the next choice
        ++number;
    }
}

void drawDecision(AppState& app, PlayMode& play) {
    const Strings& tr = app.tr;
    const play::Situation& s = *play.session().pending();
    const Attendee& other = app.world->attendees()[s.other];
    char line[512];
    ImGui::PushTextWrapPos(0);
    if (s.kind == play::DecisionKind::Talk) {
        std::snprintf(line, sizeof line, tr("play.talk"), personName(app, s.other).c_str(), tr.professionName(other.profession),
                      s.trustInSeat);
        ImGui::TextUnformatted(line);
        ImGui::TextColored(kAccent, "%s", tr("play.ask"));
        answerButtons(app, play, {"play.pitch", "play.listen", "play.book"});
        ImGui::Checkbox(tr("play.rest_of_meeting"), &play.restOfMeeting);
    } else {
        std::snprintf(line, sizeof line, tr(s.lateWork ? "play.reply_late" : "play.reply_on_time"),
                      personName(app, s.other).c_str(), s.trustInSeat);
        ImGui::TextUnformatted(line);
        ImGui::TextColored(kAccent, "%s", tr("play.ask"));
        answerButtons(app, play, {"play.report", "play.thank", "play.both", "play.silent"});
    }
    ImGui::PopTextWrapPos();
}

void drawComparison(AppState& app, PlayMode& play) {
    const Strings& tr = app.tr;
    const auto& rows = play.comparison();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kAccent, "%s", tr("play.over"));
    ImGui::PopTextWrapPos();
    if (!ImGui::BeginTable("play_habits", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit))
        return;
    for (const char* key : {"play.col.habit", "play.col.referrals", "play.col.repeat", "play.col.collaborators", "play.col.trust",
                            "play.col.closed"})
        ImGui::TableSetupColumn(tr(key));
    ImGui::TableHeadersRow();
    for (const auto& r : rows) {
        const bool you = r.key == "you";
        ImGui::TableNextRow();
        const ImVec4 colour = you ? kAccent : ImVec4(0.85f, 0.85f, 0.85f, 1);
        ImGui::TableNextColumn();
        ImGui::TextColored(colour, "%s", you ? tr("play.you") : tr.archetypeName(r.key));
        const std::array<double, 5> values = {r.figures.referralsReceived, r.figures.repeatReferrals, r.figures.collaborators,
                                              r.figures.roomTrust, r.figures.closedBusiness};
        for (size_t i = 0; i < values.size(); ++i) {
            ImGui::TableNextColumn();
            ImGui::TextColored(colour, i == 3 ? "%.2f" : "%.0f", values[i]);
        }
    }
    ImGui::EndTable();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("play.col.note"));
    ImGui::PopTextWrapPos();
}

void drawFinishControls(AppState& app, PlayMode& play) {
    const Strings& tr = app.tr;
    if (play.finishing()) {
        ImGui::TextDisabled("%s", tr("play.finishing"));
        return;
    }
    const char* talks[] = {tr("play.pitch"), tr("play.listen"), tr("play.book")};
    const char* replies[] = {tr("play.report"), tr("play.thank"), tr("play.both"), tr("play.silent")};
    const float width = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::SetNextItemWidth(width);
    ImGui::Combo(tr("play.talk_choice"), &play.finishTalk, talks, 3);
    ImGui::SetNextItemWidth(width);
    ImGui::Combo(tr("play.reply_choice"), &play.finishReply, replies, 4);
    if (ImGui::Button(tr("play.finish"))) {
        play.finishWith(TalkChoice(play.finishTalk), ReplyChoice(play.finishReply));
        app.playing = true;
    }
}

// The season so far as a file the CLI plays again (tsunagari-cli play FILE --choices SAVED).
void drawSaveControls(AppState& app, PlayMode& play) {
    const Strings& tr = app.tr;
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
    ImGui::InputText("###play_save_path", &play.savePath);
    ImGui::SameLine();
    if (ImGui::Button(tr("play.save"))) play.save(app.scenarioPath);
    if (!play.saveMessage.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(play.saveFailed ? ImVec4(1, 0.5f, 0.45f, 1) : ImVec4(0.6f, 0.9f, 0.6f, 1), "%s %s",
                           tr(play.saveFailed ? "play.save_failed" : "play.saved"), play.saveMessage.c_str());
        ImGui::PopTextWrapPos();
    }
}

}  // namespace

void drawPlay(AppState& app) {
    if (!app.play || !app.world) return;
    PlayMode& play = *app.play;
    const Strings& tr = app.tr;
    const play::PlaySession& session = play.session();
    const Attendee& you = app.world->attendees()[session.seat()];
    char line[512];
    ImGui::PushTextWrapPos(0);
    std::snprintf(line, sizeof line, tr("play.you_are"), tr.attendeeName(you.name).c_str(), tr.professionName(you.profession));
    ImGui::TextColored(kAccent, "%s", line);
    std::snprintf(line, sizeof line, tr("play.progress"), app.world->eventsDone(), session.seasonEvents(),
                  std::max(app.world->day(), 0));
    ImGui::TextUnformatted(line);
    std::array<int, 7> counts{};
    for (const auto& d : session.decisions())
        ++counts[d.situation.kind == play::DecisionKind::Talk ? size_t(d.talk) : 3 + size_t(d.reply)];
    std::snprintf(line, sizeof line, tr("play.choices"), counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
    ImGui::TextDisabled("%s", line);
    std::snprintf(line, sizeof line, tr("play.bookings"), int(session.bookings().size()));
    ImGui::TextDisabled("%s", line);
    if (!play.waiting() && !play.over()) ImGui::TextUnformatted(tr("play.running"));
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (play.over()) drawComparison(app, play);
    else drawFinishControls(app, play);
    drawSaveControls(app, play);
}

bool drawPlayOverlay(AppState& app, ImVec2 pos, ImVec2 size) {
    if (!app.play || !app.world || (!app.play->waiting() && !app.play->over())) return false;
    PlayMode& play = *app.play;
    // Fills the given area (the charts' place, so the venue keeps showing the seat's table).
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::Begin("###play_overlay", nullptr, kOverlay);
    if (play.waiting()) drawDecision(app, play);
    else drawComparison(app, play);
    ImGui::Spacing();
    const ImVec2 room = ImGui::GetContentRegionAvail();
    if (room.y > ImGui::GetFontSize() * 5) drawTrustChart(app, play, room);
    ImGui::End();
    return true;
}

}  // namespace tsunagari
