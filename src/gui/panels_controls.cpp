// The top bar (play, step, speed, reset, language, frame time, errors) and the venue window.
#include <algorithm>
#include <cstdio>
#include <string>

#include "panels.h"
#include "shown_text.h"

namespace tsunagari {

namespace {
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings;
constexpr size_t kShownInBar = 300;   // the bar has one line: the Files tab shows more of an error
}

void drawControls(AppState& app, ImVec2 pos, ImVec2 size) {
    const Strings& tr = app.tr;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    const std::string title = std::string(tr("win.controls")) + "###controls";
    ImGui::Begin(title.c_str(), nullptr, kFixed | ImGuiWindowFlags_NoTitleBar);
    const bool haveWorld = app.world != nullptr;
    ImGui::BeginDisabled(!haveWorld);
    if (ImGui::Button(app.playing ? tr("ctl.pause") : tr("ctl.play"), ImVec2(90, 0))) {
        app.playing = !app.playing;
        app.roundCarry = 0;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("ctl.step_round"))) app.stepRound();
    ImGui::SameLine();
    if (ImGui::Button(tr("ctl.step_event"))) app.stepEvent();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170);
    ImGui::BeginDisabled(app.maxSpeed);
    ImGui::SliderFloat("##speed", &app.roundsPerSecond, 0.5f, 60.0f, tr("ctl.speed_fmt"), ImGuiSliderFlags_Logarithmic);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox(tr("ctl.max"), &app.maxSpeed);
    ImGui::SameLine();
    if (ImGui::Button(tr("ctl.reset_same"))) app.reset(false);
    ImGui::SameLine();
    if (ImGui::Button(tr("ctl.reset_new"))) app.reset(true);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    const char* langs[] = {tr("lang.en"), tr("lang.ja")};
    int lang = app.tr.japanese() ? 1 : 0;
    if (ImGui::Combo("##lang", &lang, langs, 2)) app.tr.setLanguage(lang == 1 ? Language::Japanese : Language::English);
    ImGui::SameLine();
    // Refreshed twice a second: readable, and the bar's pixels stay cached in between.
    if (app.frameReadout == 0 || ImGui::GetTime() - app.frameReadoutAt >= 0.5) {
        app.frameReadout = app.medianFrameMs();
        app.frameReadoutAt = ImGui::GetTime();
    }
    ImGui::Text("%s %.1f ms", tr("ctl.frame"), double(app.frameReadout));
    if (haveWorld) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s %llu", tr("ctl.seed"), (unsigned long long)app.world->scenario().seed);
    }

    // Second line: what is loaded, and anything that went wrong.
    if (haveWorld) {
        const auto& t = app.world->scenario().title;
        const std::string& name = app.tr.japanese() && !t.ja.empty() ? t.ja : t.en;
        ImGui::Text("%s", name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", app.scenarioPath.c_str());
        if (app.calendarOver) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "%s", tr("ctl.calendar_over"));
        }
    }
    if (!app.loadError.empty()) {
        if (haveWorld) ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.35f, 0.3f, 1), "%s %s", tr("err.load"), shownText(app.loadError, kShownInBar).c_str());
    }
    if (!app.fontNotice.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "%s", app.fontNotice.c_str());
    }
    ImGui::End();
}

void drawVenue(AppState& app, ImVec2 pos, ImVec2 size, double now) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    const std::string title = std::string(app.tr("win.venue")) + "###venue";
    ImGui::Begin(title.c_str(), nullptr,
                 kFixed | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    // Movement takes most of a round's wall time, and none at full speed.
    const float moveSeconds = app.maxSpeed ? 0.0f : std::min(0.6f, 0.8f / std::max(app.roundsPerSecond, 0.1f));
    const int clicked = app.venue.draw(app.world.get(), app.tr, app.selected, now, moveSeconds);
    if (clicked >= 0) {
        app.selected = clicked;
        app.sidePanel = SidePanel::Inspector;
        app.sidePanelForced = true;
    }
    ImGui::End();
}

}  // namespace tsunagari
