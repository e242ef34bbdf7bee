// Fixed-function rendering of ImGui draw data: client-side vertex arrays, one glDrawElements
// per command with its scissor rectangle, vertex pointers moved to each command's VtxOffset.
#include "gl2_renderer.h"

#include <cstddef>
#include <cstdint>

#include <SFML/OpenGL.hpp>

namespace tsunagari {

namespace {

GLuint g_fontTexture = 0;

void createFontTexture() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glGenTextures(1, &g_fontTexture);
    glBindTexture(GL_TEXTURE_2D, g_fontTexture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(ImTextureID(intptr_t(g_fontTexture)));
    glBindTexture(GL_TEXTURE_2D, GLuint(previous));
}

void pointVertexArraysAt(const ImDrawVert* vertices) {
    const auto* base = reinterpret_cast<const char*>(vertices);
    glVertexPointer(2, GL_FLOAT, sizeof(ImDrawVert), base + offsetof(ImDrawVert, pos));
    glTexCoordPointer(2, GL_FLOAT, sizeof(ImDrawVert), base + offsetof(ImDrawVert, uv));
    glColorPointer(4, GL_UNSIGNED_BYTE, sizeof(ImDrawVert), base + offsetof(ImDrawVert, col));
}

// Within pushed matrices: alpha blending, no culling or depth, scissor on, textures modulated by vertex colours, and a
// projection of ImGui's display rectangle onto the framebuffer.
void setUpState(const ImDrawData* data, int width, int height) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_LIGHTING);
    glDisable(GL_COLOR_MATERIAL);
    glEnable(GL_SCISSOR_TEST);
    glEnable(GL_TEXTURE_2D);
    glEnableClientState(GL_VERTEX_ARRAY);
    glEnableClientState(GL_TEXTURE_COORD_ARRAY);
    glEnableClientState(GL_COLOR_ARRAY);
    glDisableClientState(GL_NORMAL_ARRAY);
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
    glShadeModel(GL_SMOOTH);
    glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
    glViewport(0, 0, width, height);
    glMatrixMode(GL_PROJECTION);
    glLoadIdentity();
    const ImVec2 min = data->DisplayPos;
    const ImVec2 max(min.x + data->DisplaySize.x, min.y + data->DisplaySize.y);
    glOrtho(min.x, max.x, max.y, min.y, -1.0, 1.0);
    glMatrixMode(GL_MODELVIEW);
    glLoadIdentity();
}

}  // namespace

void gl2RendererInit() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "tsunagari_opengl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

void gl2RendererNewFrame() {
    if (!g_fontTexture) createFontTexture();
}

void gl2RendererShutdown() {
    if (!g_fontTexture) return;
    glDeleteTextures(1, &g_fontTexture);
    ImGui::GetIO().Fonts->SetTexID(ImTextureID(nullptr));
    g_fontTexture = 0;
}

void gl2RendererDraw(const ImDrawData* data) {
    const int width = int(data->DisplaySize.x * data->FramebufferScale.x);
    const int height = int(data->DisplaySize.y * data->FramebufferScale.y);
    if (width <= 0 || height <= 0) return;

    // Leave the GL state as we found it: the venue view and the panel cache draw with GL too.
    GLint lastTexture = 0, lastPolygonMode[2] = {}, lastViewport[4] = {}, lastScissor[4] = {}, lastShadeModel = 0, lastTexEnv = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &lastTexture);
    glGetIntegerv(GL_POLYGON_MODE, lastPolygonMode);
    glGetIntegerv(GL_VIEWPORT, lastViewport);
    glGetIntegerv(GL_SCISSOR_BOX, lastScissor);
    glGetIntegerv(GL_SHADE_MODEL, &lastShadeModel);
    glGetTexEnviv(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, &lastTexEnv);
    glPushAttrib(GL_ENABLE_BIT | GL_COLOR_BUFFER_BIT | GL_TRANSFORM_BIT);
    glPushClientAttrib(GL_CLIENT_VERTEX_ARRAY_BIT);
    glMatrixMode(GL_PROJECTION);
    glPushMatrix();
    glMatrixMode(GL_MODELVIEW);
    glPushMatrix();
    setUpState(data, width, height);

    const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        unsigned vertexOffset = ~0u;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) setUpState(data, width, height);
                else cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            // 16-bit indices count from the command's own first vertex.
            if (cmd.VtxOffset != vertexOffset) {
                vertexOffset = cmd.VtxOffset;
                pointVertexArraysAt(list->VtxBuffer.Data + vertexOffset);
            }
            glScissor(int(x0), int(float(height) - y1), int(x1 - x0), int(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, GLuint(intptr_t(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           list->IdxBuffer.Data + cmd.IdxOffset);
        }
    }

    glMatrixMode(GL_MODELVIEW);
    glPopMatrix();
    glMatrixMode(GL_PROJECTION);
    glPopMatrix();
    glPopClientAttrib();
    glPopAttrib();
    glBindTexture(GL_TEXTURE_2D, GLuint(lastTexture));
    glPolygonMode(GL_FRONT, GLenum(lastPolygonMode[0]));
    glPolygonMode(GL_BACK, GLenum(lastPolygonMode[1]));
    glViewport(lastViewport[0], lastViewport[1], lastViewport[2], lastViewport[3]);
    glScissor(lastScissor[0], lastScissor[1], lastScissor[2], lastScissor[3]);
    glShadeModel(GLenum(lastShadeModel));
    glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, lastTexEnv);
}

}  // namespace tsunagari
