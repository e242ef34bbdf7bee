// Feeds SFML window events (mouse, wheel, keyboard, text, focus) into Dear ImGui's IO, 1.86 style.
#pragma once
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Window.hpp>

namespace tsunagari {

// Sets ImGui's key map and clipboard for SFML. Call once after ImGui::CreateContext().
void imguiSfmlInit();
// Passes one event to ImGui; safe to call for every event the window delivers.
void imguiSfmlProcessEvent(const sf::Event& event);
// Sets display size, mouse state and delta time; call before ImGui::NewFrame().
void imguiSfmlNewFrame(const sf::Window& window, float deltaSeconds);

}  // namespace tsunagari
