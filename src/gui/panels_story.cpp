// The story panel: the step's narration, the question and the room's answer, the run, the
// numbers and the reveal, and which of the rooms side by side the venue shows. The About
// panel: the scenario's title and description.
#include <algorithm>
#include <cstdio>
#include <string>

#include "metric_names.h"
#include "panels.h"
#include "presenter.h"
#include "story_player.h"

namespace tsunagari {

namespace {

const std::string& say(const AppState& app, const Bilingual& text) {
    return app.tr.japanese() && !text.ja.empty() ? text.ja : text.en;
}

std::string formatValue(const std::string& metric, double value) {
    const MetricName* m = findMetricName(metric);
    char text[32];
    std::snprintf(text, sizeof text, m && m->scale == MetricScale::Fraction ? "%.2f" : "%.1f", value);
    return text;
}

// One bar per choice, the winner marked; lengths relative to the largest value.
// `cohorts`: the shown room's population, for the Japanese name of a from_group label.
void drawOutcome(AppState& app, const stories::Prediction& p, const stories::Outcome& o, int picked,
                 const std::vector<Cohort>& cohorts) {
    const Strings& tr = app.tr;
    double top = 0;
    for (double v : o.values) top = std::max(top, v);
    const float labelWidth = ImGui::GetContentRegionAvail().x * 0.45f;
    for (size_t i = 0; i < p.choices.size(); ++i) {
        const bool winner = int(i) == o.winner;
        ImGui::PushID(int(i));
        ImGui::TextColored(winner ? ImVec4(1, 0.85f, 0.3f, 1) : ImVec4(0.8f, 0.8f, 0.8f, 1), "%s %s", winner ? "▶" : " ",
                           say(app, p.choices[i].label).c_str());
        ImGui::SameLine(labelWidth);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, winner ? ImVec4(1, 0.75f, 0.2f, 1) : ImVec4(0.45f, 0.55f, 0.7f, 1));
        const std::string value = formatValue(p.metric, o.values[i]);
        ImGui::ProgressBar(top > 0 ? float(o.values[i] / top) : 0.0f, ImVec2(-1, 0), value.c_str());
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::TextDisabled("%s", tr.get("col.", p.metric));
    if (!p.fromGroup.empty()) ImGui::TextDisabled("%s%s", tr("story.from_group"), tr.groupName(cohorts, p.fromGroup));
    if (picked >= 0)
        ImGui::TextColored(picked == o.winner ? ImVec4(0.5f, 1, 0.5f, 1) : ImVec4(1, 0.6f, 0.5f, 1), "%s",
                           tr(picked == o.winner ? "story.right" : "story.wrong"));
    if (!o.asExpected) ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "%s", tr("story.unusual"));
}

int groupIndexIn(const World& world, const std::string& label) {
    const auto& labels = world.groupLabels();
    return int(std::find(labels.begin(), labels.end(), label) - labels.begin());
}

Series seriesOf(const World& world, int group, const MetricName& metric, std::string label, bool dashed) {
    Series s{std::move(label), groupColor(group), dashed, {}};
    for (const EventRecord& r : world.history())
        if (group < int(r.groups.size())) s.points.emplace_back(float(r.day) / 7.0f, float(metric.value(r.groups[size_t(group)])));
    return s;
}

}  // namespace

std::vector<Series> storySeries(const AppState& app) {
    std::vector<Series> out;
    if (!app.story) return out;
    const StoryPlayer& player = *app.story;
    const stories::Step& step = player.step();
    const MetricName* metric = findMetricName(shownMetric(app));
    if (!metric) return out;
    if (step.prediction) {
        // Answers that name the same group in different rooms are told apart by colour.
        const auto& choices = step.prediction->choices;
        bool sameGroup = false;
        for (size_t i = 1; i < choices.size(); ++i) sameGroup = sameGroup || choices[i].group == choices[0].group;
        for (size_t i = 0; i < choices.size(); ++i) {
            const stories::Choice& c = choices[i];
            const World& w = player.rooms().room(size_t(c.room));
            Series line = seriesOf(w, groupIndexIn(w, c.group), *metric, say(app, c.label), c.room > 0 && !sameGroup);
            if (sameGroup) line.colour = groupColor(int(i));
            out.push_back(std::move(line));
        }
    } else if (player.rooms().size() > 1) {
        for (size_t r = 0; r < player.rooms().size(); ++r) {
            const World& w = player.rooms().room(r);
            for (int g = 0; g < int(w.groupLabels().size()); ++g)
                out.push_back(seriesOf(w, g, *metric, std::string(app.tr.groupName(w.cohorts(), w.groupLabels()[size_t(g)])) +
                                                           " (" + say(app, step.rooms[r].label) + ")", r > 0));
        }
    }
    return out;
}

void drawStoryChart(AppState& app, ImVec2 size) {
    const std::vector<Series> series = storySeries(app);
    if (series.empty()) return;
    const std::string metric = shownMetric(app);
    const MetricName* m = findMetricName(metric);
    seriesPlot("story", app.tr.get("col.", metric), series, m ? m->scale : MetricScale::Count, size,
               TimeWords{app.tr("plot.weeks"), app.tr("plot.months")});
}

void drawStory(AppState& app) {
    const Strings& tr = app.tr;
    // In presenter mode the chart view already shows the story's chart above the strip.
    const bool chartHere = !(app.presenter && app.presenterView == int(PresenterView::Chart)) && app.world &&
                           app.world->eventsDone() > 0;
    if (!app.story) {
        ImGui::TextWrapped("%s", tr("story.none"));
        return;
    }
    StoryPlayer& player = *app.story;
    const stories::Story& story = player.story();
    const stories::Step& step = player.step();
    ImGui::TextColored(ImVec4(1, 0.85f, 0.4f, 1), "%s", say(app, story.title).c_str());
    ImGui::SameLine();
    char progress[64];
    std::snprintf(progress, sizeof progress, tr("story.step_fmt"), int(player.stepIndex()) + 1, int(story.steps.size()));
    ImGui::TextDisabled("%s", progress);
    ImGui::Separator();
    ImGui::TextWrapped("%s", say(app, step.narration).c_str());

    if (player.rooms().size() > 1) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr("story.showing"));
        for (size_t r = 0; r < player.rooms().size(); ++r) {
            ImGui::SameLine();
            const std::string label = say(app, step.rooms[r].label) + "###room" + std::to_string(r);
            if (ImGui::RadioButton(label.c_str(), player.shownRoom() == int(r))) player.showRoom(int(r));
        }
    }

    if (step.prediction) {
        const stories::Prediction& p = *step.prediction;
        ImGui::Spacing();
        ImGui::TextColored(ImVec4(0.6f, 0.85f, 1, 1), "%s", tr("story.question"));
        ImGui::TextWrapped("%s", say(app, p.question).c_str());
        const bool answering = player.phase() == StoryPhase::Telling;
        ImGui::BeginDisabled(!answering);
        for (size_t i = 0; i < p.choices.size(); ++i) {
            const std::string label = std::to_string(i + 1) + ") " + say(app, p.choices[i].label) + "###choice" + std::to_string(i);
            if (ImGui::RadioButton(label.c_str(), player.picked() == int(i))) player.pick(int(i));
        }
        ImGui::EndDisabled();
    }

    ImGui::Spacing();
    switch (player.phase()) {
        case StoryPhase::Telling:
            if (step.run) {
                const std::string label = std::string("▶ ") + tr("story.run") + "###run";
                if (ImGui::Button(label.c_str())) {
                    player.run();
                    app.playing = true;
                }
                ImGui::SameLine();
                ImGui::TextDisabled("%s", tr("story.keys_run"));
            }
            break;
        case StoryPhase::Running: {
            if (chartHere && !storySeries(app).empty()) drawStoryChart(app, ImVec2(ImGui::GetContentRegionAvail().x, 180));
            const World& w = player.rooms().room(size_t(player.shownRoom()));
            const int target = std::max(1, player.rooms().target(size_t(player.shownRoom())));
            char text[64];
            std::snprintf(text, sizeof text, tr("fmt.day"), w.day());
            ImGui::ProgressBar(std::min(1.0f, float(w.eventsDone()) / float(target)), ImVec2(-1, 0), text);
            if (ImGui::Button(tr("story.finish"))) player.finishRun();
            break;
        }
        case StoryPhase::Revealed:
            if (chartHere && !storySeries(app).empty()) drawStoryChart(app, ImVec2(ImGui::GetContentRegionAvail().x, 180));
            if (step.prediction && player.outcome()) {
                drawOutcome(app, *step.prediction, *player.outcome(), player.picked(),
                            player.rooms().room(size_t(player.shownRoom())).scenario().population);
                ImGui::Spacing();
                ImGui::TextWrapped("%s", say(app, step.prediction->reveal).c_str());
            }
            break;
    }

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::BeginDisabled(player.atLastStep());
    if (ImGui::Button((std::string(tr("story.next")) + " →###next").c_str())) {
        player.next();
        app.playing = false;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("story.restart_step"))) {
        player.restartStep();
        app.playing = false;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("story.keys"));
}

void drawAbout(AppState& app) {
    if (!app.world) {
        ImGui::TextDisabled("%s", app.tr("venue.no_world"));
        return;
    }
    const Scenario& s = app.world->scenario();
    ImGui::TextColored(ImVec4(1, 0.85f, 0.4f, 1), "%s", say(app, s.title).c_str());
    ImGui::TextDisabled("%s", app.scenarioPath.c_str());
    ImGui::Separator();
    const std::string& description = say(app, s.description);
    ImGui::TextWrapped("%s", description.empty() ? app.tr("about.no_description") : description.c_str());
}

}  // namespace tsunagari
