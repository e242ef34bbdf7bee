#include "presenter.h"

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "metric_names.h"
#include "panels.h"
#include "play_mode.h"
#include "plots.h"
#include "story_player.h"

namespace tsunagari {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings;

}  // namespace

// The metric a story step asks to show, else its question's, else referrals received.
std::string shownMetric(const AppState& app) {
    if (app.story) {
        const auto& step = app.story->step();
        if (step.show.view == stories::View::Chart) return step.show.metric;
        if (step.prediction) return step.prediction->metric;
    }
    return "referrals_received";
}

namespace {

void beginPanel(const char* id, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(id, nullptr, kFixed | ImGuiWindowFlags_NoTitleBar | extra);
}

void drawTopBar(AppState& app, ImVec2 pos, ImVec2 size) {
    beginPanel("###presenter_top", pos, size);
    const auto& tr = app.tr;
    if (app.story) {
        const auto& title = app.story->story().title;
        ImGui::TextColored(ImVec4(1, 0.85f, 0.4f, 1), "%s", (tr.japanese() ? title.ja : title.en).c_str());
    } else if (app.world) {
        const auto& title = app.world->scenario().title;
        ImGui::TextColored(ImVec4(1, 0.85f, 0.4f, 1), "%s", (tr.japanese() && !title.ja.empty() ? title.ja : title.en).c_str());
    }
    if (app.world) {
        ImGui::SameLine();
        char day[64];
        std::snprintf(day, sizeof day, tr("fmt.day"), app.world->day());
        ImGui::TextDisabled("  %s  %s", day, app.playing ? "▶" : "■");
    }
    ImGui::End();
}

}  // namespace

KeyAction handleKey(AppState& app, int key) {
    using K = sf::Keyboard;
    StoryPlayer* story = app.story.get();
    switch (key) {
        case K::Space:
            if (story && story->phase() == StoryPhase::Telling) {
                story->run();
                app.playing = story->phase() == StoryPhase::Running;
            } else {
                app.playing = !app.playing;
                app.roundCarry = 0;
            }
            break;
        case K::Right:
            if (story) {
                story->next();
                app.playing = false;
            }
            break;
        case K::Up:
        case K::Down:
            if (story && story->step().prediction) {
                const int count = int(story->step().prediction->choices.size());
                const int at = story->picked();
                story->pick(key == K::Down ? (at + 1) % count : (at <= 0 ? count - 1 : at - 1));
            }
            break;
        case K::Num1: case K::Num2: case K::Num3: case K::Num4:
            // While the player must choose, the numbers answer; otherwise they pick the presenter view.
            if (app.play && app.play->waiting()) app.playing = app.play->answer(key - K::Num1 + 1) || app.playing;
            else app.presenterView = key - K::Num1 + 1;
            break;
        case K::A:
            if (app.play) app.play->restOfMeeting = !app.play->restOfMeeting;
            break;
        case K::Tab: app.presenterStrip = !app.presenterStrip; break;
        case K::P: app.presenter = !app.presenter; break;
        case K::F: return KeyAction::ToggleFullscreen;
        default: break;
    }
    return KeyAction::None;
}

void drawBigChart(AppState& app, ImVec2 pos, ImVec2 size) {
    beginPanel("###presenter_chart", pos, size);
    if (app.story && !storySeries(app).empty()) {
        drawStoryChart(app, ImGui::GetContentRegionAvail());
    } else if (app.world) {
        const World& w = *app.world;
        const std::string metric = shownMetric(app);
        const MetricName* m = findMetricName(metric);
        std::vector<const char*> names;
        for (int g = 0; g < int(w.groupLabels().size()); ++g) names.push_back(app.groupName(g));
        const EventNamer eventName = [&app](const EventRecord& r) { return app.eventName(r); };
        groupPlot("big", app.tr.get("col.", metric), w.history(), int(names.size()),
                  [m](const GroupFigures& f) { return m ? m->value(f) : 0.0; }, m ? m->scale : MetricScale::Count,
                  ImGui::GetContentRegionAvail(), names, TimeWords{app.tr("plot.weeks"), app.tr("plot.months")},
                  app.tr("fmt.day"), eventName);
    }
    ImGui::End();
}

bool drawPresenter(AppState& app, ImVec2 display, double now) {
    const float top = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
    drawTopBar(app, ImVec2(0, 0), ImVec2(display.x, top));
    const bool strip = app.story && app.presenterStrip && app.presenterView != int(PresenterView::Story);
    const float stripH = strip ? std::floor((display.y - top) * 0.34f) : 0;
    const ImVec2 mainPos(0, top), mainSize(display.x, display.y - top - stripH);
    bool venue = false;
    switch (PresenterView(app.presenterView)) {
        case PresenterView::Venue: drawVenue(app, mainPos, mainSize, now); venue = true; break;
        case PresenterView::Chart: drawBigChart(app, mainPos, mainSize); break;
        case PresenterView::Charts: drawCharts(app, mainPos, mainSize); break;
        case PresenterView::Story:
            beginPanel("###presenter_story", mainPos, mainSize);
            drawStory(app);
            ImGui::End();
            break;
    }
    if (strip) {
        beginPanel("###presenter_strip", ImVec2(0, top + mainSize.y), ImVec2(display.x, stripH));
        drawStory(app);
        ImGui::End();
    }
    return venue;
}

}  // namespace tsunagari
