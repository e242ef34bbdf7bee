// The tabbed side panel: setup, inspector, scenario files.
#include <string>

#include "panels.h"

namespace tsunagari {

void drawSidePanel(AppState& app, ImVec2 pos, ImVec2 size) {
    const Strings& tr = app.tr;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("###side", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar);
    if (ImGui::BeginTabBar("sidetabs")) {
        auto tab = [&](SidePanel which, const char* key, const char* id, void (*draw)(AppState&)) {
            const std::string label = std::string(tr(key)) + "###" + id;
            ImGuiTabItemFlags flags = 0;
            if (app.sidePanelForced && app.sidePanel == which) flags |= ImGuiTabItemFlags_SetSelected;
            if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
                if (!app.sidePanelForced) app.sidePanel = which;
                ImGui::BeginChild("content");
                draw(app);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        };
        if (app.story) tab(SidePanel::Story, "tab.story", "story", drawStory);
        if (app.play) tab(SidePanel::Play, "tab.play", "play", drawPlay);
        tab(SidePanel::About, "tab.about", "about", drawAbout);
        tab(SidePanel::Setup, "tab.setup", "setup", drawSetup);
        tab(SidePanel::Inspector, "tab.inspector", "inspector", drawInspector);
        tab(SidePanel::Files, "tab.files", "files", drawFiles);
        app.sidePanelForced = false;
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace tsunagari
