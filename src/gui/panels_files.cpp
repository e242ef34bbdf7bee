// Files panel: open a scenario from scenarios/*.json or a typed path; save the current setup;
// save the running simulation as a snapshot and resume one.
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

// Scenarios, then stories, each by file name, with the titles they give (schemas left out).
void refreshList(AppState& app) {
    namespace fs = std::filesystem;
    app.scenarioList.clear();
    for (const bool stories : {false, true}) {
        std::vector<AppState::ListedFile> found;
        std::error_code ec;
        const std::string dir = resolvePath(stories ? "scenarios/stories" : "scenarios");
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const fs::path& path = it->path();
            if (path.extension() != ".json" || path.stem().extension() == ".schema") continue;
            AppState::ListedFile file{path.string(), {}, stories};
            try {
                const nlohmann::json doc = readJsonFile(file.path);
                file.title = {doc.at("title").at("en").get<std::string>(), doc.at("title").at("ja").get<std::string>()};
            } catch (const std::exception&) {}   // listed by its name; opening it shows the error
            found.push_back(std::move(file));
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
        app.scenarioList.insert(app.scenarioList.end(), found.begin(), found.end());
    }
}

// Text wrapped to the panel, in `colour` when given (paths and errors can be long).
void wrapped(const char* text, const ImVec4* colour = nullptr) {
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    ImGui::TextWrapped("%s", text);
    if (colour) ImGui::PopStyleColor();
}

}  // namespace

void drawFiles(AppState& app) {
    const Strings& tr = app.tr;
    if (app.scenarioList.empty()) refreshList(app);
    ImGui::TextUnformatted(tr("files.list"));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("files.refresh"))) refreshList(app);
    if (ImGui::BeginListBox("##scenarios", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 6))) {
        for (const auto& file : app.scenarioList) {
            const std::string name = std::filesystem::path(file.path).filename().string();
            const std::string& title = tr.japanese() && !file.title.ja.empty() ? file.title.ja : file.title.en;
            const std::string label = (file.story ? std::string(tr("files.story_mark")) + " " : std::string()) +
                                      (title.empty() ? name : title) + "###" + file.path;
            if (ImGui::Selectable(label.c_str(), file.path == app.scenarioPath)) {
                if (file.story) app.loadStory(file.path, std::nullopt);
                else app.load(file.path);
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", file.path.c_str());
        }
        ImGui::EndListBox();
    }

    // One row per action (label, path, button) so the whole tab fits the panel without scrolling.
    float buttonW = 0;   // as wide as the widest button's text, in either language
    for (const char* key : {"files.open", "files.save", "files.snapshot_save", "files.snapshot_resume"})
        buttonW = std::max(buttonW, ImGui::CalcTextSize(tr(key)).x + 2 * ImGui::GetStyle().FramePadding.x + 8);
    if (ImGui::BeginTable("actions", 3, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("path", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("button", ImGuiTableColumnFlags_WidthFixed, buttonW);
        // A row; true when its button was pressed (or Enter typed in its path) with a path given.
        auto row = [&](const char* label, const char* id, std::string& path, const char* button, const char* tip, bool enabled) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label);
            ImGui::BeginDisabled(!enabled);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            const bool enter = ImGui::InputText(id, &path, ImGuiInputTextFlags_EnterReturnsTrue);
            ImGui::TableNextColumn();
            const bool pressed = ImGui::Button(button, ImVec2(buttonW, 0));
            if (tip && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
            ImGui::EndDisabled();
            return (pressed || enter) && enabled && !path.empty();
        };
        const bool haveWorld = app.world != nullptr;
        if (row(tr("files.open_path"), "##open", app.openPath, tr("files.open"), nullptr, true)) app.load(resolvePath(app.openPath));
        if (row(tr("files.save_path"), "##save", app.savePath, tr("files.save"), tr("files.save_hint"), haveWorld)) {
            try {
                writeFileAtomic(app.savePath, scenarioToJson(app.world->scenario()).dump(2) + "\n");
                app.fileMessage = std::string(tr("files.saved")) + " " + std::filesystem::absolute(app.savePath).string();
            } catch (const std::exception& e) {
                app.fileMessage = std::string(tr("files.save_failed")) + " " + e.what();
            }
        }
        if (row(tr("files.snapshot_path"), "##snapshot", app.snapshotPath, tr("files.snapshot_save"), tr("files.snapshot_hint"), haveWorld))
            app.saveSnapshot(app.snapshotPath);
        if (row(tr("files.resume_path"), "##resume", app.resumePath, tr("files.snapshot_resume"), tr("files.snapshot_hint"), true))
            app.resumeSnapshot(app.resumePath);
        ImGui::EndTable();
    }
    const ImVec4 red(1, 0.35f, 0.3f, 1), grey = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    if (!app.loadError.empty()) wrapped(app.loadError.c_str(), &red);
    if (!app.fileMessage.empty()) wrapped(app.fileMessage.c_str());
    if (!app.snapshotMessage.empty()) wrapped(app.snapshotMessage.c_str(), app.snapshotFailed ? &red : nullptr);
    wrapped(tr("files.save_hint"), &grey);
    wrapped(tr("files.snapshot_hint"), &grey);
}

}  // namespace tsunagari
