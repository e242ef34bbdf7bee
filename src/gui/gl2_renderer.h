// Our own Dear ImGui renderer on fixed-function OpenGL 2. Debian's libimgui uses 16-bit
// indices, so a draw list of more than 65,536 vertices (900 cohorts' rows, a very long error
// line) is only drawable if the renderer honours ImDrawCmd::VtxOffset: we do, and say so with
// ImGuiBackendFlags_RendererHasVtxOffset, and ImGui then splits large lists itself.
#pragma once
#include <imgui.h>

namespace tsunagari {

void gl2RendererInit();                       // after ImGui::CreateContext
void gl2RendererNewFrame();                   // before ImGui::NewFrame: makes the font texture once
void gl2RendererDraw(const ImDrawData* data);
void gl2RendererShutdown();                   // before ImGui::DestroyContext, with the GL context current

}  // namespace tsunagari
