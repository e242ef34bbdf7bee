// The window's panels, each a free function drawing one ImGui window on the shared AppState.
#pragma once
#include <imgui.h>

#include <vector>

#include "app_state.h"
#include "plots.h"

namespace tsunagari {

void drawControls(AppState& app, ImVec2 pos, ImVec2 size);   // run controls, language, frame time (panels_controls.cpp)
void drawVenue(AppState& app, ImVec2 pos, ImVec2 size, double now);   // the venue canvas (panels_controls.cpp)
void drawCharts(AppState& app, ImVec2 pos, ImVec2 size);     // plots over events and the group table (panels_charts.cpp)
void drawSidePanel(AppState& app, ImVec2 pos, ImVec2 size);  // tabs: setup, inspector, files (panels_side.cpp)
void drawSetup(AppState& app);                               // traits, population, matchmaking, calendar, params (panels_setup.cpp)
void drawInspector(AppState& app);                           // the clicked attendee (panels_inspector.cpp)
void drawFiles(AppState& app);                               // open / save scenarios (panels_files.cpp)
void drawStory(AppState& app);                               // the story's step, question, run and reveal (panels_story.cpp)
void drawAbout(AppState& app);
void drawPlay(AppState& app);                                // the player's seat: progress, choices, finish, comparison (panels_play.cpp)
// While playing, filling pos/size: the choice waiting for the player, or the season's comparison,
// above others' trust in the player over the season; false (nothing drawn) otherwise. panels_play.cpp
bool drawPlayOverlay(AppState& app, ImVec2 pos, ImVec2 size);                               // the scenario's title and description (panels_story.cpp)
// The story's chart: each answer's line (a group in a room) over weeks, or, with rooms side
// by side and no question, every group in every room (later rooms dashed). panels_story.cpp
void drawStoryChart(AppState& app, ImVec2 size);
[[nodiscard]] std::vector<Series> storySeries(const AppState& app);

}  // namespace tsunagari
