// Panel cache: split the draw lists, hash the cached ones, redraw them offscreen on change,
// blit the panel rectangles every frame.
#define GL_GLEXT_PROTOTYPES 1   // framebuffer objects (GL 3.0 / ARB_framebuffer_object), exported by libGL
#include "panel_cache.h"

#include <algorithm>
#include <string_view>

#include <SFML/OpenGL.hpp>

#include "gl2_renderer.h"

namespace tsunagari {

namespace {

// FNV-1a over raw bytes: enough to notice any moved vertex, changed colour or clip rect.
uint64_t hashBytes(uint64_t h, const void* data, size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

// True when everything `list` draws lies inside one of `panels`: per command, the box of its
// vertices cut by its clip rect (neither alone tells: a window's frame is drawn with the whole
// viewport as clip rect, and text may run past the window's edge to be cut by the scissor).
bool inside(const ImDrawList& list, const std::vector<ImVec4>& panels) {
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback) return false;
        if (cmd.ElemCount == 0) continue;
        ImVec4 box(1e30f, 1e30f, -1e30f, -1e30f);
        for (unsigned i = 0; i < cmd.ElemCount; ++i) {
            const ImVec2 p = list.VtxBuffer[int(cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + i)])].pos;
            box = ImVec4(std::min(box.x, p.x), std::min(box.y, p.y), std::max(box.z, p.x), std::max(box.w, p.y));
        }
        box = ImVec4(std::max(box.x, cmd.ClipRect.x), std::max(box.y, cmd.ClipRect.y), std::min(box.z, cmd.ClipRect.z),
                     std::min(box.w, cmd.ClipRect.w));
        if (box.x >= box.z || box.y >= box.w) continue;   // clipped away entirely
        const bool in = std::any_of(panels.begin(), panels.end(), [&](const ImVec4& r) {
            // Window borders reach a pixel past the window, over the neighbour's border.
            return box.x >= r.x - 2 && box.y >= r.y - 2 && box.z <= r.z + 2 && box.w <= r.w + 2;
        });
        if (!in) return false;
    }
    return true;
}

void renderLists(ImDrawData* data, std::vector<ImDrawList*>& lists) {
    if (lists.empty()) return;
    ImDrawData part = *data;
    part.CmdLists = lists.data();
    part.CmdListsCount = int(lists.size());
    part.TotalVtxCount = part.TotalIdxCount = 0;
    for (const ImDrawList* l : lists) {
        part.TotalVtxCount += l->VtxBuffer.Size;
        part.TotalIdxCount += l->IdxBuffer.Size;
    }
    gl2RendererDraw(&part);
}

}  // namespace

PanelCache::~PanelCache() {
    if (m_framebuffer) glDeleteFramebuffers(1, &m_framebuffer);
    if (m_colour) glDeleteRenderbuffers(1, &m_colour);
}

bool PanelCache::ensureTarget(int width, int height) {
    if (m_supported < 0) {
        const char* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
        const char* extensions = reinterpret_cast<const char*>(glGetString(GL_EXTENSIONS));
        const bool gl3 = version && version[0] >= '3' && version[0] <= '9';
        m_supported = gl3 || (extensions && std::string_view(extensions).find("GL_ARB_framebuffer_object") != std::string_view::npos);
    }
    if (!m_supported) return false;
    if (m_framebuffer && width == m_width && height == m_height) return true;
    if (!m_framebuffer) {
        glGenFramebuffers(1, &m_framebuffer);
        glGenRenderbuffers(1, &m_colour);
    }
    glBindRenderbuffer(GL_RENDERBUFFER, m_colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        m_supported = 0;   // draw everything live from now on
        return false;
    }
    m_width = width;
    m_height = height;
    m_valid = false;
    return true;
}

void PanelCache::render(ImDrawData* data, const std::vector<ImVec4>& panels, ImVec4 clear) {
    const int width = int(data->DisplaySize.x * data->FramebufferScale.x);
    const int height = int(data->DisplaySize.y * data->FramebufferScale.y);
    if (width <= 0 || height <= 0) return;
    m_cached.clear();
    m_live.clear();
    uint64_t key = hashBytes(1469598103934665603ull, &data->DisplaySize, sizeof data->DisplaySize);
    for (int i = 0; i < data->CmdListsCount; ++i) {
        ImDrawList* list = data->CmdLists[i];
        if (!inside(*list, panels)) {
            m_live.push_back(list);
            continue;
        }
        m_cached.push_back(list);
        key = hashBytes(key, list->VtxBuffer.Data, size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        key = hashBytes(key, list->IdxBuffer.Data, size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            key = hashBytes(key, &cmd.ClipRect, sizeof cmd.ClipRect);
            key = hashBytes(key, &cmd.TextureId, sizeof cmd.TextureId);
            const uint32_t counts[3] = {cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount};
            key = hashBytes(key, counts, sizeof counts);
        }
    }
    if (!ensureTarget(width, height)) {
        renderLists(data, m_cached);
        renderLists(data, m_live);
        return;
    }
    if (!m_valid || key != m_key) {
        glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
        glViewport(0, 0, width, height);
        glClearColor(clear.x, clear.y, clear.z, clear.w);
        glClear(GL_COLOR_BUFFER_BIT);
        renderLists(data, m_cached);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        m_key = key;
        m_valid = true;
        ++m_redraws;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    const float sx = data->FramebufferScale.x, sy = data->FramebufferScale.y;
    for (const ImVec4& r : panels) {
        // GL counts rows from the bottom; both framebuffers have the window's size.
        const GLint x0 = GLint(r.x * sx), x1 = GLint(r.z * sx), y0 = height - GLint(r.w * sy), y1 = height - GLint(r.y * sy);
        glBlitFramebuffer(x0, y0, x1, y1, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    renderLists(data, m_live);
}

}  // namespace tsunagari
