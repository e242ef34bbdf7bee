// The UI scale: fonts rebuilt at 16 x scale pixels (Japanese and every character of the
// shipped texts included) and the style's sizes scaled from a saved base, between frames.
#pragma once
#include <string>
#include <vector>

#include <SFML/Window/Event.hpp>
#include <imgui.h>

namespace tsunagari {

class UiScale {
public:
    static constexpr float kMin = 0.75f, kMax = 3.0f;
    // Remembers the current style as the base to scale and which glyphs to load (from the
    // string tables and scenarios in these directories). Call once, after setting the style.
    void init(const std::string& fontPath, const std::string& stringsDir, const std::string& scenariosDir);
    // Rebuilds fonts and style at `scale` (clamped to kMin..kMax); not inside a frame.
    // Returns false when the Japanese font could not be loaded (ImGui's default font is used).
    bool apply(float scale);
    // Ctrl+= / Ctrl+- (also on the keypad) step the scale, Ctrl+0 resets it. True if handled.
    bool handleEvent(const sf::Event& event);
    [[nodiscard]] float scale() const { return m_scale; }
    [[nodiscard]] bool japaneseFont() const { return m_japaneseFont; }

private:
    ImGuiStyle m_base;
    std::vector<ImWchar> m_ranges;   // alive as long as the font atlas uses them
    std::string m_fontPath;
    float m_scale = 1.0f;
    bool m_japaneseFont = false;
};

}  // namespace tsunagari
