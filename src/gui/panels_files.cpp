// Files panel: open a scenario from scenarios/*.json or a typed path; save the current setup.
#include <algorithm>
#include <filesystem>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include "panels.h"
#include "scenario_io.h"

namespace tsunagari {

namespace {

void refreshList(AppState& app) {
    namespace fs = std::filesystem;
    app.scenarioList.clear();
    std::error_code ec;
    const std::string dir = resolvePath("scenarios");
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json") app.scenarioList.push_back(it->path().string());
    std::sort(app.scenarioList.begin(), app.scenarioList.end());
}

}  // namespace

void drawFiles(AppState& app) {
    const Strings& tr = app.tr;
    if (app.scenarioList.empty()) refreshList(app);
    ImGui::TextUnformatted(tr("files.list"));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("files.refresh"))) refreshList(app);
    if (ImGui::BeginListBox("##scenarios", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 8))) {
        for (const auto& path : app.scenarioList) {
            const std::string name = std::filesystem::path(path).filename().string();
            if (ImGui::Selectable(name.c_str(), path == app.scenarioPath)) app.load(path);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.c_str());
        }
        ImGui::EndListBox();
    }

    ImGui::Separator();
    ImGui::TextUnformatted(tr("files.open_path"));
    ImGui::SetNextItemWidth(-90);
    const bool enter = ImGui::InputText("##open", &app.openPath, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(tr("files.open"), ImVec2(80, 0)) || enter) && !app.openPath.empty()) app.load(resolvePath(app.openPath));
    if (!app.loadError.empty()) ImGui::TextColored(ImVec4(1, 0.35f, 0.3f, 1), "%s", app.loadError.c_str());

    ImGui::Separator();
    ImGui::TextUnformatted(tr("files.save_path"));
    ImGui::BeginDisabled(!app.world);
    ImGui::SetNextItemWidth(-90);
    ImGui::InputText("##save", &app.savePath);
    ImGui::SameLine();
    if (ImGui::Button(tr("files.save"), ImVec2(80, 0)) && app.world && !app.savePath.empty()) {
        try {
            writeFileAtomic(app.savePath, scenarioToJson(app.world->scenario()).dump(2) + "\n");
            app.fileMessage = std::string(tr("files.saved")) + " " + std::filesystem::absolute(app.savePath).string();
        } catch (const std::exception& e) {
            app.fileMessage = std::string(tr("files.save_failed")) + " " + e.what();
        }
    }
    ImGui::EndDisabled();
    if (!app.fileMessage.empty()) ImGui::TextWrapped("%s", app.fileMessage.c_str());
    ImGui::TextDisabled("%s", tr("files.save_hint"));
}

}  // namespace tsunagari
