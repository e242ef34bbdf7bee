// Keeps the panels' pixels between frames: ImGui draw lists lying wholly inside the panel
// area are drawn into an offscreen framebuffer only when their geometry changes, and copied
// to the window otherwise. A software rasteriser (llvmpipe) pays per pixel and per triangle
// for text, tables and plots that change a few times a second at most.
#pragma once
#include <cstdint>
#include <vector>

#include <imgui.h>

namespace tsunagari {

class PanelCache {
public:
    PanelCache() = default;
    PanelCache(const PanelCache&) = delete;
    PanelCache& operator=(const PanelCache&) = delete;
    ~PanelCache();

    // Renders `data` into the bound window framebuffer. Lists inside `panels` (x0, y0, x1, y1 in
    // pixels, together covering what `clear` paints) come from the cache; the rest (the venue's
    // overlay, tooltips and popups reaching over it) are drawn live, after them.
    void render(ImDrawData* data, const std::vector<ImVec4>& panels, ImVec4 clear);
    [[nodiscard]] int redraws() const { return m_redraws; }   // times the cache was drawn afresh

private:
    bool ensureTarget(int width, int height);   // false where framebuffer objects are unavailable

    unsigned m_framebuffer = 0, m_colour = 0;
    int m_width = 0, m_height = 0;
    int m_supported = -1;                        // -1 not checked yet, 0 no, 1 yes
    uint64_t m_key = 0;                          // hash of the cached lists' geometry
    bool m_valid = false;
    int m_redraws = 0;
    std::vector<ImDrawList*> m_cached, m_live;
};

}  // namespace tsunagari
