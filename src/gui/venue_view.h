// The venue: attendees as discs gathered in their conversation groups, trust edges by
// stage and referral arrows, inside an ImGui window. Tables, edges and discs are drawn on a
// software canvas uploaded as one texture; the fading arrows are one blended GL batch.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "raster.h"
#include "world.h"

namespace tsunagari {

class Strings;

class VenueView {
public:
    // By default only friends and collaborators, few and thick, so a room sees the network.
    std::array<bool, int(Stage::Count)> showStage{false, false, false, true, true};  // edges drawn per stage
    int maxEdges = 400;                // only the strongest edges are drawn
    bool showReferrals = true;

    void reset();                      // forget positions, arrows and the camera (new world)
    // Shows one group's members and the ties among them, everyone else dimmed; -1 = none.
    // The selected attendee (draw's `selected`) takes precedence.
    void highlightGroup(int group) { m_highlightGroup = group; }
    // Fills the remaining content region of the current ImGui window with the venue and handles
    // hover, click, wheel zoom and drag pan. Returns the attendee clicked this frame, or -1.
    int draw(const World* world, const Strings& tr, int selected, double now, float moveSeconds);
    // Draws what the last draw() built; call after glClear and before ImGui's own rendering.
    void renderGL(int displayWidth, int displayHeight);
    [[nodiscard]] size_t shownEdges() const { return m_edges.size(); }
    [[nodiscard]] static ImU32 floorColor() { return IM_COL32(24, 27, 34, 255); }

private:
    struct Vertex { float x, y; ImU32 color; };
    struct ShownEdge { uint32_t from, to; float trust; Stage stage; };
    struct Arrow { uint32_t referral; double start; ImU32 color; };

    void relayout(const World& world, double now, float moveSeconds);
    void refreshEdges(const World& world, double now);
    void trackReferrals(const World& world, double now);
    void controls(const Strings& tr);
    void overlay(const World& world, const Strings& tr, ImDrawList* dl, ImVec2 origin, int hovered);
    // Who stays bright: the selected attendee and their friends and collaborators, or the
    // highlighted group.
    void markFocus(const World& world, int selected);
    [[nodiscard]] ImVec2 toScreen(ImVec2 p) const;
    // On the canvas, in screen coordinates.
    void disc(ImVec2 centre, float radius, ImU32 color) { m_raster.disc(centre.x - m_clip[0], centre.y - m_clip[1], radius, color); }
    void segment(ImVec2 a, ImVec2 b, ImU32 color, int width) {
        m_raster.line(a.x - m_clip[0], a.y - m_clip[1], b.x - m_clip[0], b.y - m_clip[1], color, width);
    }
    // Into the blended arrow batch.
    void line(ImVec2 a, ImVec2 b, float width, ImU32 color);   // a quad of two triangles
    void triangle(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 color);

    // positions in venue units (an attendee is a disc of radius 0.5)
    std::vector<ImVec2> m_from, m_to, m_now;
    std::vector<uint8_t> m_present;        // 1 if at the current event
    std::vector<ImVec2> m_tables;          // table centres and radii (z = radius) of the current round
    std::vector<float> m_tableRadius;
    double m_moveStart = 0;
    float m_moveSeconds = 0.3f;
    uint64_t m_layoutKey = ~uint64_t(0);
    ImVec2 m_bounds[2]{};                  // extent of the layout, for "fit"

    // camera
    ImVec2 m_center{0, 0};
    float m_zoom = 10.0f;                  // pixels per venue unit
    bool m_fitPending = true;
    bool m_userCamera = false;             // the user zoomed or panned: stop fitting automatically
    bool m_dragged = false;
    ImVec2 m_canvasPos{}, m_canvasSize{};

    // edges
    std::vector<ShownEdge> m_edges;
    uint64_t m_edgesKey = ~uint64_t(0);
    double m_edgesTime = -1;

    // seating: close collaborators (linked by collaborator ties) sit side by side
    std::vector<uint32_t> m_clique;        // per attendee: smallest id of their collaborator cluster
    std::vector<uint32_t> m_cliqueSize;    // per attendee: size of that cluster

    // highlight
    int m_highlightGroup = -1;
    std::vector<uint8_t> m_focus;          // per attendee: 1 if drawn bright; empty = everyone

    // referrals
    std::vector<Arrow> m_arrows;
    std::vector<uint8_t> m_referralState;  // last seen status code per referral
    std::vector<uint32_t> m_watch;         // referrals whose status may still change

    Raster m_raster;                       // the canvas: floor, tables, edges, discs
    unsigned m_texture = 0;                // GL texture the canvas is uploaded to
    int m_textureWidth = 0, m_textureHeight = 0;
    std::vector<Vertex> m_batch;           // referral arrows: blended triangles
    std::vector<ImVec2> m_screen;          // attendees' screen positions this frame
    std::vector<uint8_t> m_late;           // lateness code per attendee this frame
    std::array<float, 4> m_clip{};         // x, y, w, h of the canvas in whole pixels
};

}  // namespace tsunagari
