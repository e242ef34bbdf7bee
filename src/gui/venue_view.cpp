// Venue layout (tables for the current conversation groups, a lobby for everyone else),
// smooth movement between rounds, trust edges, referral arrows and the camera.
//
// [SECTION] layout  [SECTION] edges  [SECTION] referrals  [SECTION] drawing  [SECTION] GL
#include "venue_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <SFML/OpenGL.hpp>

#include "app_state.h"
#include "palette.h"
#include "professions.h"
#include "strings.h"

namespace tsunagari {

namespace {

constexpr float kPi = 3.14159265f;
constexpr float kLobbyPitch = 1.4f;
constexpr double kArrowSeconds = 4.0;      // how long a referral arrow stays visible
constexpr size_t kMaxArrows = 200;
constexpr float kDimmed = 0.22f;           // how much of a colour shows when not in focus

ImU32 stageColor(Stage s) {
    const Rgb c = tieColor(s);
    return IM_COL32(c.r, c.g, c.b, 255);
}

uint8_t referralCode(const Referral& r) { return uint8_t(int(r.status) * 2 + (r.complaintReceived ? 1 : 0)); }

ImU32 referralColor(const Referral& r) {
    if (r.complaintReceived || r.status == ReferralStatus::Late) return IM_COL32(255, 70, 60, 255);
    if (r.status == ReferralStatus::Delivered) return IM_COL32(60, 230, 90, 255);
    if (r.status == ReferralStatus::Declined) return IM_COL32(170, 120, 200, 255);
    return IM_COL32(240, 240, 255, 255);  // made, in progress
}

// `c` as it looks over the floor, made opaque: blending costs a software rasteriser
// (llvmpipe) a read of every pixel it covers.
ImU32 overFloor(ImU32 c) {
    const ImU32 f = VenueView::floorColor();
    const unsigned a = (c >> IM_COL32_A_SHIFT) & 0xFF;
    auto mix = [&](int shift) { return (((c >> shift) & 0xFF) * a + ((f >> shift) & 0xFF) * (255 - a) + 127) / 255; };
    return IM_COL32(mix(IM_COL32_R_SHIFT), mix(IM_COL32_G_SHIFT), mix(IM_COL32_B_SHIFT), 255);
}

ImU32 withAlpha(ImU32 c, float alpha) {
    const auto a = unsigned(float((c >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(alpha, 0.0f, 1.0f));
    return (c & ~IM_COL32_A_MASK) | (ImU32(a) << IM_COL32_A_SHIFT);
}

float smooth(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}

}  // namespace

void VenueView::reset() {
    m_from.clear();
    m_to.clear();
    m_now.clear();
    m_present.clear();
    m_tables.clear();
    m_tableRadius.clear();
    m_layoutKey = ~uint64_t(0);
    m_edges.clear();
    m_edgesKey = ~uint64_t(0);
    m_arrows.clear();
    m_referralState.clear();
    m_watch.clear();
    m_fitPending = true;
    m_userCamera = false;
}

// ---------------------------------------------------------------------------------------
// [SECTION] layout
// ---------------------------------------------------------------------------------------

void VenueView::relayout(const World& world, double now, float moveSeconds) {
    const auto& ev = world.event();
    const uint64_t key = (uint64_t(ev.index) << 24) ^ (uint64_t(ev.round) << 8) ^ uint64_t(ev.inProgress) ^
                         (uint64_t(world.attendees().size()) << 40);
    const size_t n = world.attendees().size();
    if (key == m_layoutKey && m_now.size() == n) return;
    m_layoutKey = key;

    // Start from where everyone is drawn now; newcomers start at their target.
    m_from = m_now;
    const bool first = m_from.empty();
    m_from.resize(n);
    m_to.assign(n, ImVec2(0, 0));
    m_present.assign(n, 0);

    // Tables: one per conversation group, on a square grid centred at the origin.
    const size_t groups = ev.groupCount();
    size_t largest = 2;
    for (size_t g = 0; g < groups; ++g) largest = std::max<size_t>(largest, ev.groupStarts[g + 1] - ev.groupStarts[g]);
    const float ring = 0.65f / std::sin(kPi / float(largest));
    const float pitch = 2 * ring + 1.8f;
    const int cols = std::max(1, int(std::ceil(std::sqrt(double(groups)))));
    const int rows = std::max(1, int((groups + size_t(cols) - 1) / size_t(cols)));
    const float floorHalfW = float(cols) * pitch / 2, floorHalfH = float(rows) * pitch / 2;
    m_tables.clear();
    m_tableRadius.clear();
    const auto& people = world.attendees();
    if (m_clique.size() != n) {   // before the first tie count: everyone on their own
        m_clique.resize(n);
        for (size_t id = 0; id < n; ++id) m_clique[id] = uint32_t(id);
        m_cliqueSize.assign(n, 1);
    }
    auto seatOrder = [&](uint32_t x, uint32_t y) {
        if (x >= n || y >= n) return x < y;
        if (people[x].group != people[y].group) return people[x].group < people[y].group;
        if (m_cliqueSize[x] != m_cliqueSize[y]) return m_cliqueSize[x] > m_cliqueSize[y];
        if (m_clique[x] != m_clique[y]) return m_clique[x] < m_clique[y];
        return x < y;
    };
    std::vector<uint32_t> seats;
    for (size_t g = 0; g < groups; ++g) {
        const ImVec2 c(-floorHalfW + pitch * (float(g % size_t(cols)) + 0.5f),
                       -floorHalfH + pitch * (float(g / size_t(cols)) + 0.5f));
        const uint32_t b = ev.groupStarts[g], e = ev.groupStarts[g + 1];
        const size_t k = e - b;
        const float r = k <= 1 ? 0.0f : 0.65f / std::sin(kPi / float(std::max<size_t>(k, 2)));
        m_tables.push_back(c);
        m_tableRadius.push_back(r + 0.9f);
        // Around the table, group by group, collaborators side by side.
        seats.assign(ev.groupMembers.begin() + b, ev.groupMembers.begin() + e);
        std::sort(seats.begin(), seats.end(), seatOrder);
        for (uint32_t i = b; i < e; ++i) {
            const uint32_t id = seats[i - b];
            if (id >= n) continue;
            const float angle = 2 * kPi * float(i - b) / float(std::max<size_t>(k, 1)) - kPi / 2;
            m_to[id] = ImVec2(c.x + r * std::cos(angle), c.y + r * std::sin(angle));
            m_present[id] = 1;
        }
    }
    // Participants not in a group this round (odd one out) stand beside the floor's top edge.
    for (uint32_t id : ev.participants)
        if (id < n && !m_present[id]) m_present[id] = 2;
    // The lobby, right of the floor: everyone else, a block of rows per group, collaborators
    // side by side.
    const int lobbyCols = std::max(1, int(std::ceil(std::sqrt(double(n)))));
    const float lobbyX = floorHalfW + 3.0f;
    std::vector<uint32_t> lobby;
    int waiting = 0;
    for (size_t id = 0; id < n; ++id) {
        if (m_present[id] == 1) continue;
        if (m_present[id] == 2) m_to[id] = ImVec2(-floorHalfW + 1.2f * float(waiting++), -floorHalfH - 1.5f);
        else lobby.push_back(uint32_t(id));
    }
    std::sort(lobby.begin(), lobby.end(), seatOrder);
    std::vector<ImVec2> slots(lobby.size());
    int row = 0, col = 0;
    for (size_t k = 0; k < lobby.size(); ++k) {
        const bool newGroup = k > 0 && people[lobby[k]].group != people[lobby[k - 1]].group;
        if (newGroup || col == lobbyCols) {
            row += newGroup ? 2 : 1;   // a blank row between groups
            col = 0;
        }
        slots[k] = ImVec2(kLobbyPitch * float(col++), kLobbyPitch * float(row));
    }
    const float lobbyY = -float(row) * kLobbyPitch / 2;
    for (size_t k = 0; k < lobby.size(); ++k) m_to[lobby[k]] = ImVec2(lobbyX + slots[k].x, lobbyY + slots[k].y);
    for (size_t id = 0; id < n; ++id)
        if (first || id >= m_now.size()) m_from[id] = m_to[id];
    m_now = m_from;
    m_bounds[0] = ImVec2(-floorHalfW - 1, std::min(-floorHalfH - 2.5f, lobbyY - 1));
    const float lobbyW = lobby.empty() ? -3.0f : kLobbyPitch * float(std::min<size_t>(lobby.size(), size_t(lobbyCols)));
    m_bounds[1] = ImVec2(lobbyX + lobbyW + 1, std::max(floorHalfH + 1, -lobbyY + 1));
    m_moveStart = now;
    m_moveSeconds = moveSeconds;
    if (!m_userCamera) m_fitPending = true;
}

// ---------------------------------------------------------------------------------------
// [SECTION] edges: the strongest `maxEdges` remembered ties of the shown stages
// ---------------------------------------------------------------------------------------

void VenueView::refreshEdges(const World& world, double now) {
    uint64_t key = uint64_t(world.day()) * 1000003u + uint64_t(world.event().index) * 131u + uint64_t(world.event().round);
    key = key * 31u + uint64_t(maxEdges);
    for (bool s : showStage) key = key * 2u + (s ? 1u : 0u);
    if (key == m_edgesKey) return;
    // While the simulation runs fast, refresh a few times a second only: ranking every edge is O(E).
    const bool settingsOnly = m_edgesTime >= 0 && now - m_edgesTime < 0.25 && !m_edges.empty();
    if (settingsOnly) return;
    m_edgesKey = key;
    m_edgesTime = now;
    m_edges.clear();
    const auto& rules = world.trustRules();
    const int day = std::max(world.day(), 0);
    const auto& people = world.attendees();
    // Collaborator clusters for the seating, found on the way (union-find by smaller id).
    std::vector<uint32_t> parent(people.size());
    for (size_t i = 0; i < parent.size(); ++i) parent[i] = uint32_t(i);
    auto root = [&](uint32_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    world.relationships().forEachEdge([&](uint32_t, const Edge& e) {
        if (!rules.remembered(e, day) || !people[e.from].active || !people[e.to].active) return;
        const double t = rules.trust(e, day);
        const Stage s = rules.stageOf(t, true);
        if (s == Stage::Collaborator) {
            const uint32_t a = root(e.from), b = root(e.to);
            parent[std::max(a, b)] = std::min(a, b);
        }
        if (!showStage[size_t(s)]) return;
        m_edges.push_back({e.from, e.to, float(t), s});
    });
    if (int(m_edges.size()) > maxEdges) {
        std::nth_element(m_edges.begin(), m_edges.begin() + maxEdges, m_edges.end(),
                         [](const ShownEdge& a, const ShownEdge& b) { return a.trust > b.trust; });
        m_edges.resize(size_t(maxEdges));
    }
    m_clique.resize(people.size());
    m_cliqueSize.assign(people.size(), 0);
    for (size_t i = 0; i < people.size(); ++i) ++m_cliqueSize[m_clique[i] = root(uint32_t(i))];
    for (size_t i = 0; i < people.size(); ++i) m_cliqueSize[i] = m_cliqueSize[m_clique[i]];
    // Weak ones first, so strong ties are drawn on top.
    std::sort(m_edges.begin(), m_edges.end(), [](const ShownEdge& a, const ShownEdge& b) { return a.trust < b.trust; });
}

// ---------------------------------------------------------------------------------------
// [SECTION] referrals: an arrow whenever a referral is made or changes status
// ---------------------------------------------------------------------------------------

void VenueView::trackReferrals(const World& world, double now) {
    const auto& refs = world.referrals();
    if (refs.size() < m_referralState.size()) {   // a new world slipped in
        m_referralState.clear();
        m_watch.clear();
        m_arrows.clear();
    }
    auto flash = [&](uint32_t index) { m_arrows.push_back({index, now, referralColor(refs[index])}); };
    // Status changes of referrals still in progress (or late and awaiting the complaint).
    size_t kept = 0;
    for (uint32_t index : m_watch) {
        const Referral& r = refs[index];
        const uint8_t code = referralCode(r);
        if (code != m_referralState[index]) {
            m_referralState[index] = code;
            flash(index);
        }
        const bool open = r.status == ReferralStatus::InProgress || (r.status == ReferralStatus::Late && !r.complaintReceived);
        if (open) m_watch[kept++] = index;
    }
    m_watch.resize(kept);
    // New referrals.
    const size_t start = m_referralState.size();
    m_referralState.resize(refs.size());
    // Only what happened lately: after a jump of many events, the last week's referrals.
    const size_t firstShown = refs.size() > start + kMaxArrows ? refs.size() - kMaxArrows : start;
    for (size_t i = start; i < refs.size(); ++i) {
        const Referral& r = refs[i];
        m_referralState[i] = referralCode(r);
        if (i >= firstShown && r.day >= world.day() - 7) flash(uint32_t(i));
        if (r.status == ReferralStatus::InProgress || (r.status == ReferralStatus::Late && !r.complaintReceived))
            m_watch.push_back(uint32_t(i));
    }
    std::erase_if(m_arrows, [&](const Arrow& a) { return now - a.start > kArrowSeconds; });
    if (m_arrows.size() > kMaxArrows) m_arrows.erase(m_arrows.begin(), m_arrows.end() - kMaxArrows);
}

// ---------------------------------------------------------------------------------------
// [SECTION] drawing
// ---------------------------------------------------------------------------------------

ImVec2 VenueView::toScreen(ImVec2 p) const {
    return ImVec2(m_canvasPos.x + m_canvasSize.x / 2 + (p.x - m_center.x) * m_zoom,
                  m_canvasPos.y + m_canvasSize.y / 2 + (p.y - m_center.y) * m_zoom);
}

void VenueView::triangle(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 color) {
    m_batch.push_back({a.x, a.y, color});
    m_batch.push_back({b.x, b.y, color});
    m_batch.push_back({c.x, c.y, color});
}

void VenueView::line(ImVec2 a, ImVec2 b, float width, ImU32 color) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 0.01f) return;
    const float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    const ImVec2 p0(a.x + nx, a.y + ny), p1(a.x - nx, a.y - ny), p2(b.x - nx, b.y - ny), p3(b.x + nx, b.y + ny);
    triangle(p0, p1, p2, color);
    triangle(p0, p2, p3, color);
}

void VenueView::controls(const Strings& tr) {
    static constexpr Stage kStages[] = {Stage::Acquaintance, Stage::Known, Stage::Friend, Stage::Collaborator};
    ImGui::TextUnformatted(tr("venue.edges"));
    for (Stage s : kStages) {
        ImGui::SameLine();
        const ImU32 c = stageColor(s);
        ImGui::PushStyleColor(ImGuiCol_CheckMark, (c | IM_COL32_A_MASK));
        ImGui::Checkbox(tr.get("stage.", stageKey(s)), &showStage[size_t(s)]);
        ImGui::PopStyleColor();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(130 * ImGui::GetFontSize() / 16);
    ImGui::SliderInt("##maxedges", &maxEdges, 0, 20000, tr("venue.max_edges"), ImGuiSliderFlags_Logarithmic);
    ImGui::SameLine();
    ImGui::Checkbox(tr("venue.referrals"), &showReferrals);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("venue.fit"))) {
        m_fitPending = true;
        m_userCamera = false;
    }
}

int VenueView::draw(const World* world, const Strings& tr, int selected, double now, float moveSeconds) {
    controls(tr);
    // Whole pixels, so the canvas maps one to one onto the screen.
    m_canvasPos = ImGui::GetCursorScreenPos();
    m_canvasPos = ImVec2(std::round(m_canvasPos.x), std::round(m_canvasPos.y));
    m_canvasSize = ImGui::GetContentRegionAvail();
    m_canvasSize.x = std::floor(std::max(m_canvasSize.x, 50.0f));
    m_canvasSize.y = std::floor(std::max(m_canvasSize.y, 50.0f));
    m_clip = {m_canvasPos.x, m_canvasPos.y, m_canvasSize.x, m_canvasSize.y};
    m_batch.clear();
    m_raster.reset(int(m_canvasSize.x), int(m_canvasSize.y), floorColor());
    const ImVec2 c0 = m_canvasPos, c1(m_canvasPos.x + m_canvasSize.x, m_canvasPos.y + m_canvasSize.y);

    ImGui::InvisibleButton("venue_canvas", m_canvasSize, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hoveredCanvas = ImGui::IsItemHovered();
    const bool released = ImGui::IsItemDeactivated();
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActivated()) m_dragged = false;
    if (ImGui::IsItemActive() && (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3) || ImGui::IsMouseDragging(ImGuiMouseButton_Right, 3))) {
        m_dragged = true;
        m_userCamera = true;
        m_center.x -= io.MouseDelta.x / m_zoom;
        m_center.y -= io.MouseDelta.y / m_zoom;
    }
    if (hoveredCanvas && io.MouseWheel != 0) {
        // Zoom about the point under the mouse.
        m_userCamera = true;
        const ImVec2 before((io.MousePos.x - m_canvasPos.x - m_canvasSize.x / 2) / m_zoom + m_center.x,
                            (io.MousePos.y - m_canvasPos.y - m_canvasSize.y / 2) / m_zoom + m_center.y);
        m_zoom = std::clamp(m_zoom * std::pow(1.15f, io.MouseWheel), 0.3f, 200.0f);
        m_center.x = before.x - (io.MousePos.x - m_canvasPos.x - m_canvasSize.x / 2) / m_zoom;
        m_center.y = before.y - (io.MousePos.y - m_canvasPos.y - m_canvasSize.y / 2) / m_zoom;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!world) {
        dl->AddText(ImVec2(m_canvasPos.x + 12, m_canvasPos.y + 12), IM_COL32(220, 220, 220, 255), tr("venue.no_world"));
        return -1;
    }

    relayout(*world, now, moveSeconds);
    refreshEdges(*world, now);
    trackReferrals(*world, now);
    if (m_fitPending && !m_now.empty()) {
        // Clear of the overlay's two lines at the top and the key and legend at the bottom.
        const float lineH = ImGui::GetTextLineHeightWithSpacing();
        const float top = lineH * 2 + 12, bottom = lineH * 5 + 8;
        const float w = m_bounds[1].x - m_bounds[0].x, h = m_bounds[1].y - m_bounds[0].y;
        m_zoom = std::clamp(std::min(m_canvasSize.x / std::max(w, 1.0f), std::max(m_canvasSize.y - top - bottom, 40.0f) / std::max(h, 1.0f)),
                            0.3f, 60.0f);
        m_center = ImVec2((m_bounds[0].x + m_bounds[1].x) / 2, (m_bounds[0].y + m_bounds[1].y) / 2 - (top - bottom) / 2 / m_zoom);
        m_fitPending = false;
    }

    // Interpolated positions, then screen positions.
    const float t = m_moveSeconds <= 0 ? 1.0f : smooth(float((now - m_moveStart) / m_moveSeconds));
    const auto& people = world->attendees();
    const size_t n = people.size();
    m_screen.resize(n);
    for (size_t i = 0; i < n; ++i) {
        m_now[i] = ImVec2(m_from[i].x + (m_to[i].x - m_from[i].x) * t, m_from[i].y + (m_to[i].y - m_from[i].y) * t);
        m_screen[i] = toScreen(m_now[i]);
    }
    const auto& screen = m_screen;
    auto outside = [&](ImVec2 a, ImVec2 b) {   // both ends beyond the same side of the canvas
        return (a.x < c0.x && b.x < c0.x) || (a.x > c1.x && b.x > c1.x) || (a.y < c0.y && b.y < c0.y) || (a.y > c1.y && b.y > c1.y);
    };

    // Tables.
    for (size_t g = 0; g < m_tables.size(); ++g)
        disc(toScreen(m_tables[g]), m_tableRadius[g] * m_zoom, IM_COL32(40, 46, 58, 255));

    // Edges, weakest first, opaque; with a focus, the others' ties fade into the floor.
    markFocus(*world, selected);
    const bool focusing = !m_focus.empty();
    auto inFocus = [&](uint32_t id) { return !focusing || m_focus[id]; };
    // Thick while few are shown (the default); a dense view of thousands stays thin and cheap.
    const float thinnest = m_edges.size() > 600 ? 1.0f : 2.0f;
    const int edgeWidth = int(std::round(std::clamp(m_zoom * 0.12f, thinnest, 4.0f)));
    auto brightEdge = [&](const ShownEdge& e) {
        return inFocus(e.from) && inFocus(e.to) && (selected < 0 || e.from == uint32_t(selected) || e.to == uint32_t(selected));
    };
    for (int pass = 0; pass < 2; ++pass)   // the faded ones first, under the bright ones
        for (const auto& e : m_edges) {
            const ImVec2 a = screen[e.from], b = screen[e.to];
            if (std::abs(a.x - b.x) + std::abs(a.y - b.y) < 1 || outside(a, b)) continue;   // nothing to see
            if (brightEdge(e) != (pass == 1)) continue;
            const int width = edgeWidth + (e.stage == Stage::Collaborator ? 1 : 0);
            if (pass == 1) segment(a, b, stageColor(e.stage), width);
            else segment(a, b, overFloor(withAlpha(stageColor(e.stage), kDimmed)), std::max(1, width - 1));
        }
    // The selected attendee's own ties, whatever the filters: those they know thin, their
    // friends and collaborators thick.
    if (selected >= 0 && size_t(selected) < n) {
        const auto& rules = world->trustRules();
        const int day = std::max(world->day(), 0);
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& tie : world->relationships().outEdges(uint32_t(selected))) {
                const Edge& e = world->relationships().edge(tie.edge);
                if (!rules.remembered(e, day) || !people[e.to].active) continue;
                const Stage stage = rules.stage(e, day);
                const bool close = stage >= Stage::Friend;
                if (stage < Stage::Known || close != (pass == 1)) continue;
                segment(screen[e.from], screen[e.to], stageColor(stage), close ? edgeWidth + 1 : 1);
            }
    }

    // Attendees, opaque (the dimmed ones pre-mixed with the floor); late arrivals get a ring
    // (orange: sent a message, red: silent).
    const float radius = std::max(0.5f * m_zoom, 1.5f);
    const auto& ev = world->event();
    m_late.assign(n, 0);
    for (size_t i = 0; i < ev.participants.size() && i < ev.late.size(); ++i)
        if (ev.participants[i] < n) m_late[ev.participants[i]] = ev.late[i];
    int hovered = -1;
    float best = (radius + 3) * (radius + 3);
    for (size_t i = 0; i < n; ++i) {
        if (!people[i].active) continue;
        const ImVec2 p = screen[i];
        if (p.x < c0.x - radius || p.y < c0.y - radius || p.x > c1.x + radius || p.y > c1.y + radius) continue;
        const bool bright = inFocus(uint32_t(i));
        if (m_late[i] && bright) disc(p, radius * 1.4f, m_late[i] == 1 ? IM_COL32(255, 170, 40, 255) : IM_COL32(230, 40, 40, 255));
        if (int(i) == selected) disc(p, radius * 1.7f, IM_COL32(255, 255, 255, 255));
        const float alpha = !bright ? kDimmed * (m_present[i] ? 1.0f : 0.6f) : m_present[i] ? 1.0f : 0.3f;
        disc(p, radius, overFloor(groupColor(people[i].group, alpha)));
        if (hoveredCanvas) {
            const float dx = io.MousePos.x - p.x, dy = io.MousePos.y - p.y;
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                hovered = int(i);
            }
        }
    }

    // Referral arrows, fading: the only blended layer.
    if (showReferrals) {
        const auto& refs = world->referrals();
        for (const Arrow& a : m_arrows) {
            const Referral& r = refs[a.referral];
            if (r.from >= n || r.to >= n) continue;
            const bool bright = selected >= 0 ? r.from == uint32_t(selected) || r.to == uint32_t(selected)
                                              : inFocus(r.from) || inFocus(r.to);
            const float alpha = (1.0f - float((now - a.start) / kArrowSeconds)) * (bright ? 1.0f : kDimmed);
            const ImU32 c = withAlpha(a.color, alpha);
            const ImVec2 p = screen[r.from], q = screen[r.to];
            const float dx = q.x - p.x, dy = q.y - p.y, len = std::sqrt(dx * dx + dy * dy);
            if (len < 1 || outside(p, q)) continue;
            const float ux = dx / len, uy = dy / len;
            const ImVec2 tip(q.x - ux * radius, q.y - uy * radius);
            const float head = std::clamp(radius * 1.4f, 6.0f, 16.0f);
            const ImVec2 base(tip.x - ux * head, tip.y - uy * head);
            line(p, base, std::clamp(m_zoom * 0.12f, 1.2f, 2.5f), c);
            triangle(tip, ImVec2(base.x - uy * head * 0.5f, base.y + ux * head * 0.5f),
                     ImVec2(base.x + uy * head * 0.5f, base.y - ux * head * 0.5f), c);
        }
    }

    overlay(*world, tr, dl, c0, hovered);
    int clicked = -1;
    if (released && !m_dragged && hoveredCanvas) clicked = hovered;
    return clicked;
}

void VenueView::markFocus(const World& world, int selected) {
    const auto& people = world.attendees();
    m_focus.clear();
    if (selected >= 0 && size_t(selected) < people.size()) {
        m_focus.assign(people.size(), 0);
        m_focus[size_t(selected)] = 1;
        const auto& rules = world.trustRules();
        const int day = std::max(world.day(), 0);
        for (const auto& tie : world.relationships().outEdges(uint32_t(selected))) {
            const Edge& e = world.relationships().edge(tie.edge);
            if (rules.remembered(e, day) && rules.stage(e, day) >= Stage::Friend) m_focus[e.to] = 1;
        }
    } else if (m_highlightGroup >= 0) {
        m_focus.assign(people.size(), 0);
        for (size_t i = 0; i < people.size(); ++i) m_focus[i] = people[i].group == m_highlightGroup ? 1 : 0;
    }
}

void VenueView::overlay(const World& world, const Strings& tr, ImDrawList* dl, ImVec2 origin, int hovered) {
    const auto& ev = world.event();
    const auto& sc = world.scenario();
    char line1[256];
    const char* entryName = ev.entry >= 0 && size_t(ev.entry) < sc.calendar.size() ? tr.seriesName(sc.calendar[size_t(ev.entry)]) : "";
    char day[64];
    std::snprintf(day, sizeof day, tr("fmt.day"), std::max(world.day(), 0));
    if (ev.index == 0)
        std::snprintf(line1, sizeof line1, "%s   %s", day, tr("venue.not_started"));
    else
        std::snprintf(line1, sizeof line1, "%s   %s %d   %s: %s  %s   %s %d/%d", day, tr("venue.event"), ev.index, tr.get("kind.", eventKindKey(ev.kind)), entryName,
                      ev.inProgress ? "" : tr("venue.finished"), tr("venue.round"), ev.round, ev.rounds);
    char line2[256];
    int active = 0;
    for (const auto& a : world.attendees()) active += a.active ? 1 : 0;
    std::snprintf(line2, sizeof line2, "%s: %s   %s %d / %d   %s %zu   %s %zu", tr("venue.policy"), tr.get("policy.", policyKey(ev.index == 0 ? sc.matchmaking : ev.policy)),
                  tr("venue.present"), int(ev.participants.size()), active, tr("venue.edges_shown"), m_edges.size(),
                  tr("venue.referrals_total"), world.referrals().size());
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    // Both lines inside the box, the second wrapped when the venue is narrow (large UI scale).
    const float wrapStatus = m_canvasSize.x - 18;
    const ImVec2 size2 = ImGui::CalcTextSize(line2, nullptr, false, wrapStatus);
    const float boxW = std::min(std::max(ImGui::CalcTextSize(line1).x, size2.x) + 10, m_canvasSize.x - 8);
    dl->AddRectFilled(ImVec2(origin.x + 4, origin.y + 4), ImVec2(origin.x + 4 + boxW, origin.y + 8 + lineH + size2.y),
                      IM_COL32(0, 0, 0, 150), 4.0f);
    dl->AddText(ImVec2(origin.x + 9, origin.y + 6), IM_COL32(255, 255, 255, 255), line1);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(origin.x + 9, origin.y + 6 + lineH), IM_COL32(200, 210, 225, 255), line2,
                nullptr, wrapStatus);

    // Legend of groups along the bottom, wrapping upwards; then what the marks mean.
    const int groups = int(world.groupLabels().size());
    std::vector<float> widths(size_t(groups) + 1);
    const float dot = ImGui::GetFontSize() * 0.38f;   // the legend's swatches grow with the text
    for (int g = 0; g < groups; ++g) widths[size_t(g)] = ImGui::CalcTextSize(tr.groupName(world.cohorts(), world.groupLabels()[size_t(g)])).x + 4.7f * dot;
    int rowsNeeded = 1;
    float rowWidth = 0;
    for (int g = 0; g < groups; ++g) {
        if (rowWidth > 0 && rowWidth + widths[size_t(g)] > m_canvasSize.x - 16) { ++rowsNeeded; rowWidth = 0; }
        rowWidth += widths[size_t(g)];
    }
    float x = origin.x + 8;
    const char* keyLine = tr("venue.key");
    const float wrap = m_canvasSize.x - 16;
    // In a small window the key goes first, then the legend (the charts have one too), so
    // neither climbs over the overlay or the controls.
    const float legendH = lineH * float(rowsNeeded);
    const bool showLegend = legendH + 6 <= m_canvasSize.y * 0.5f;
    const float keyH = showLegend ? ImGui::CalcTextSize(keyLine, nullptr, false, wrap).y : 0.0f;
    const bool showKey = showLegend && keyH + legendH + 8 <= m_canvasSize.y * 0.4f;
    float y = origin.y + m_canvasSize.y - legendH - (showKey ? keyH + 2 : 0.0f) - 4;
    if (showKey) {
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, y), IM_COL32(170, 175, 190, 255), keyLine, nullptr, wrap);
        y += keyH + 2;
    }
    for (int g = 0; g < groups && showLegend; ++g) {
        if (x > origin.x + 8 && x + widths[size_t(g)] > origin.x + m_canvasSize.x - 8) { x = origin.x + 8; y += lineH; }
        dl->AddCircleFilled(ImVec2(x + dot, y + lineH / 2), dot, groupColor(g));
        dl->AddText(ImVec2(x + 2.5f * dot, y), IM_COL32(230, 230, 230, 255), tr.groupName(world.cohorts(), world.groupLabels()[size_t(g)]));
        x += widths[size_t(g)];
    }

    if (hovered >= 0) {
        const Attendee& a = world.attendees()[size_t(hovered)];
        const auto& cohort = world.cohorts()[size_t(a.cohort)];
        ImGui::BeginTooltip();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(groupColor(a.group)), "%s", a.name.c_str());
        ImGui::Text("%s: %s", tr("attendee.profession"), tr.professionName(a.profession));
        ImGui::Text("%s: %s", tr("attendee.archetype"), tr.archetypeName(cohort.archetype));
        if (cohort.label != cohort.archetype) ImGui::Text("%s: %s", tr("attendee.cohort"), tr.cohortName(cohort));
        ImGui::Text("%s %u   %s %u   %s %.2f", tr("col.contacts"), a.snapshot.contacts, tr("col.collaborators"),
                    a.snapshot.collaborators, tr("col.reputation"), a.snapshot.reputation);
        ImGui::TextDisabled("%s", tr("venue.click_to_inspect"));
        ImGui::EndTooltip();
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] GL: one draw call for the whole venue
// ---------------------------------------------------------------------------------------

void VenueView::renderGL(int displayWidth, int displayHeight) {
    const int w = m_raster.width(), h = m_raster.height();
    if (w <= 0 || h <= 0) return;
    glViewport(0, 0, displayWidth, displayHeight);
    glMatrixMode(GL_PROJECTION);
    glLoadIdentity();
    glOrtho(0, displayWidth, displayHeight, 0, -1, 1);
    glMatrixMode(GL_MODELVIEW);
    glLoadIdentity();
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);

    // The canvas: one texture, one quad, one texel per pixel.
    if (!m_texture) glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    if (w != m_textureWidth || h != m_textureHeight) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, m_raster.pixels());
        m_textureWidth = w;
        m_textureHeight = h;
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, m_raster.pixels());
    }
    glEnable(GL_TEXTURE_2D);
    glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_REPLACE);
    const float x0 = m_clip[0], y0 = m_clip[1], x1 = x0 + float(w), y1 = y0 + float(h);
    glBegin(GL_QUADS);
    glTexCoord2f(0, 0); glVertex2f(x0, y0);
    glTexCoord2f(1, 0); glVertex2f(x1, y0);
    glTexCoord2f(1, 1); glVertex2f(x1, y1);
    glTexCoord2f(0, 1); glVertex2f(x0, y1);
    glEnd();
    glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_TEXTURE_2D);

    // Referral arrows over it, blended, cut to the canvas.
    if (!m_batch.empty()) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(GLint(x0), GLint(float(displayHeight) - y1), GLsizei(w), GLsizei(h));
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glEnableClientState(GL_VERTEX_ARRAY);
        glEnableClientState(GL_COLOR_ARRAY);
        glDisableClientState(GL_TEXTURE_COORD_ARRAY);
        glVertexPointer(2, GL_FLOAT, sizeof(Vertex), &m_batch[0].x);
        glColorPointer(4, GL_UNSIGNED_BYTE, sizeof(Vertex), &m_batch[0].color);
        glDrawArrays(GL_TRIANGLES, 0, GLsizei(m_batch.size()));
        glDisableClientState(GL_COLOR_ARRAY);
        glDisableClientState(GL_VERTEX_ARRAY);
        glDisable(GL_BLEND);
        glDisable(GL_SCISSOR_TEST);
    }
}

}  // namespace tsunagari
