// Presenter mode for a room: one view filling the screen (venue, one chart, the charts
// panel or the story), the story's narration in a strip below, the frame time hidden, and
// keyboard control: space run/pause, → next step, ↑/↓ the room's answer, 1–4 the view,
// Tab the narration strip, P presenter mode on/off, F full screen.
#pragma once
#include <imgui.h>

#include "app_state.h"

namespace tsunagari {

enum class PresenterView { Venue = 1, Chart = 2, Charts = 3, Story = 4 };

enum class KeyAction { None, ToggleFullscreen };

// Applies a key pressed while no text field has focus; `key` is an sf::Keyboard::Key value.
KeyAction handleKey(AppState& app, int key);

// Draws the presenter layout over the whole display; true when the venue was drawn (so
// the window renders its canvas this frame).
bool drawPresenter(AppState& app, ImVec2 display, double now);

// One metric of every group (or the story's choices) over weeks, filling pos/size.
void drawBigChart(AppState& app, ImVec2 pos, ImVec2 size);

}  // namespace tsunagari
