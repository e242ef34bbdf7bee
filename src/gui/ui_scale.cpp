// Font atlas and style at a UI scale. The atlas is rebuilt rather than scaled
// (FontGlobalScale), so text stays sharp on a projector.
#include "ui_scale.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <backends/imgui_impl_opengl2.h>

#include "glyph_set.h"

namespace tsunagari {

namespace {

constexpr float kBaseFontPx = 16.0f;
constexpr float kStep = 0.25f;
// Punctuation and symbols scenario titles use (dashes, quotes, arrows, bullets, circled numbers).
constexpr ImWchar kSymbols[] = {0x2000, 0x206F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2460, 0x24FF, 0x25A0, 0x26FF, 0};

}  // namespace

void UiScale::init(const std::string& fontPath, const std::string& stringsDir, const std::string& scenariosDir) {
    m_base = ImGui::GetStyle();
    m_fontPath = fontPath;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesJapanese());
    builder.AddRanges(kSymbols);
    ImVector<ImWchar> base;
    builder.BuildRanges(&base);
    static_assert(sizeof(ImWchar) == sizeof(uint16_t), "glyph_set builds 16-bit ranges");
    const auto merged = mergeGlyphRanges(reinterpret_cast<const uint16_t*>(base.Data),
                                         charactersOfFiles(japaneseTextFiles(stringsDir, scenariosDir)));
    m_ranges.assign(merged.begin(), merged.end());
}

bool UiScale::apply(float scale) {
    m_scale = std::clamp(scale, kMin, kMax);
    ImGuiIO& io = ImGui::GetIO();
    const bool rendererReady = io.BackendRendererUserData != nullptr;
    if (rendererReady) ImGui_ImplOpenGL2_DestroyFontsTexture();
    io.Fonts->Clear();
    std::error_code ec;
    m_japaneseFont = std::filesystem::exists(m_fontPath, ec) &&
                     io.Fonts->AddFontFromFileTTF(m_fontPath.c_str(), std::round(kBaseFontPx * m_scale), nullptr, m_ranges.data());
    if (!m_japaneseFont) {
        ImFontConfig config;
        config.SizePixels = std::round(13.0f * m_scale);   // ImGui's own font is drawn for 13 px
        io.Fonts->AddFontDefault(&config);
    }
    io.Fonts->Build();
    if (rendererReady) ImGui_ImplOpenGL2_CreateFontsTexture();
    ImGui::GetStyle() = m_base;
    ImGui::GetStyle().ScaleAllSizes(m_scale);
    return m_japaneseFont;
}

bool UiScale::handleEvent(const sf::Event& event) {
    if (event.type != sf::Event::KeyPressed || !event.key.control) return false;
    switch (event.key.code) {
        case sf::Keyboard::Equal:
        case sf::Keyboard::Add: apply(m_scale + kStep); return true;
        case sf::Keyboard::Hyphen:
        case sf::Keyboard::Subtract: apply(m_scale - kStep); return true;
        case sf::Keyboard::Num0:
        case sf::Keyboard::Numpad0: apply(1.0f); return true;
        default: return false;
    }
}

}  // namespace tsunagari
