// The window's frame loop: events -> fixed-budget simulation steps -> panels -> GL, plus the
// headless screenshot and benchmark modes that run the very same loop.
//
// [SECTION] setup  [SECTION] frame  [SECTION] modes
#include "app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <memory>
#include <numeric>

#include <SFML/OpenGL.hpp>
#include <SFML/Window.hpp>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app_state.h"
#include "capture.h"
#include "gl2_renderer.h"
#include "imgui_sfml_input.h"
#include "panel_cache.h"
#include "panels.h"
#include "play_mode.h"
#include "presenter.h"
#include "report.h"
#include "story_player.h"
#include "scenario_io.h"
#include "ui_scale.h"

namespace tsunagari {

namespace {

constexpr const char* kDefaultFont = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

// The Japanese font: $TSUNAGARI_FONT if set (another TTF/OTF with Japanese glyphs), else IPAexGothic.
std::string fontPath() {
    const char* env = std::getenv("TSUNAGARI_FONT");
    return env && *env ? env : kDefaultFont;
}
// The panels' background, painted by glClear rather than by ImGui: a cleared pixel costs
// nothing, a blended one costs a software rasteriser a read and a write.
const ImVec4 kPanelBg(0.061f, 0.062f, 0.063f, 1.0f);

// ---------------------------------------------------------------------------------------
// [SECTION] setup
// ---------------------------------------------------------------------------------------

void setupImGui(AppState& app, UiScale& uiScale, float scale) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is fixed; nothing to remember between runs
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.WindowBorderSize = 1;
    style.Colors[ImGuiCol_WindowBg].w = 0;   // kPanelBg shows through (popups keep PopupBg)
    uiScale.init(fontPath(), resolvePath("assets/strings"), resolvePath("scenarios"));
    app.japaneseFont = uiScale.apply(scale);
    imguiSfmlInit();
    gl2RendererInit();
}

struct Layout { ImVec2 controlsPos, controlsSize, venuePos, venueSize, chartsPos, chartsSize, sidePos, sideSize; };

Layout layoutFor(ImVec2 display) {
    Layout l;
    const float top = std::ceil(62 * ImGui::GetFontSize() / 16);
    const float left = std::floor(display.x * 0.56f);
    const float chartsH = std::floor((display.y - top) * 0.68f);
    l.controlsPos = ImVec2(0, 0);
    l.controlsSize = ImVec2(display.x, top);
    l.venuePos = ImVec2(0, top);
    l.venueSize = ImVec2(left, display.y - top);
    l.chartsPos = ImVec2(left, top);
    l.chartsSize = ImVec2(display.x - left, chartsH);
    l.sidePos = ImVec2(left, top + chartsH);
    l.sideSize = ImVec2(display.x - left, display.y - top - chartsH);
    return l;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] frame
// ---------------------------------------------------------------------------------------

class Window {
public:
    explicit Window(const AppOptions& o) : m_options(o) {}
    int run();

private:
    bool init();
    void frame(double now, double frameSeconds, bool capture);
    int screenshotMode();
    int benchMode();
    void createWindow(bool fullscreen);

    AppOptions m_options;
    AppState m_app;
    sf::Window m_window;
    std::string m_captureError;
    int m_distinctColours = 0;
    std::unique_ptr<PanelCache> m_panels;   // after m_window: releases its framebuffer while the context lives
    bool m_fullscreen = false;
    bool m_toggleFullscreen = false;
    UiScale m_uiScale;
    double m_lastSimMs = 0, m_lastUiMs = 0;   // parts of the last frame: simulation steps, building the UI
};

// Full screen and back: the cached panel pixels live in a framebuffer of the old context,
// so they are released before it goes and made afresh in the new one (textures are shared).
void Window::createWindow(bool fullscreen) {
    m_panels.reset();
    const sf::VideoMode mode = fullscreen ? sf::VideoMode::getDesktopMode()
                                          : sf::VideoMode(unsigned(m_options.width), unsigned(m_options.height));
    m_window.create(mode, "Tsunagari", fullscreen ? sf::Style::Fullscreen : sf::Style::Default,
                    sf::ContextSettings(0, 0, 0, 2, 1));
    const bool headless = !m_options.screenshot.empty() || m_options.benchFrames > 0;
    if (!headless) {   // headless runs as fast as it can (and Xvfb has no vsync to ask for)
        m_window.setVerticalSyncEnabled(true);
        m_window.setFramerateLimit(120);
    }
    m_window.setActive(true);
    m_panels = std::make_unique<PanelCache>();
    m_fullscreen = fullscreen;
}

bool Window::init() {
    createWindow(m_options.fullscreen);
    setupImGui(m_app, m_uiScale, m_options.scale);

    std::string error;
    if (!m_app.tr.load(resolvePath("assets/strings"), error)) {
        std::fprintf(stderr, "tsunagari: %s\n", error.c_str());   // the window still works, showing keys
        m_app.loadError = error;
    }
    m_app.tr.setLanguage(m_options.language == "ja" ? Language::Japanese : Language::English);
    if (!m_app.japaneseFont) {
        m_app.tr.setLanguage(Language::English);   // Japanese would show as "?" without its font
        m_app.fontNotice = std::string(m_app.tr.english("notice.no_font")) + " " + fontPath();
    }

    const char* defaultScenario = m_options.play ? "scenarios/newcomer.json" : "scenarios/default.json";
    const std::string path = resolvePath(m_options.scenario.empty() ? defaultScenario : m_options.scenario);
    if (m_options.play) {
        if (!m_app.loadPlay(path, m_options.settings, m_options.seed, m_options.seat)) {
            std::fprintf(stderr, "tsunagari: %s\n", m_app.loadError.c_str());
            return false;
        }
    } else if (!m_options.story.empty()) {
        if (!m_app.loadStory(resolvePath(m_options.story), m_options.seed)) {
            std::fprintf(stderr, "tsunagari: %s\n", m_app.loadError.c_str());
            return false;
        }
    } else if (!m_options.compare.empty()) {
        if (!m_app.loadComparison(path, m_options.settings, m_options.compare, m_options.seed)) {
            std::fprintf(stderr, "tsunagari: %s\n", m_app.loadError.c_str());
            return false;
        }
    } else if (!m_app.load(path, m_options.settings, m_options.seed, m_options.attendees)) {
        std::fprintf(stderr, "tsunagari: %s\n", m_app.loadError.c_str());
        m_app.scenarioPath = path;   // shown with the error; the world stays empty
    }
    m_app.presenter = m_options.presenter;
    m_app.presenterView = m_options.view;
    m_app.openPath = path;
    m_app.savePath = "my_scenario.json";
    if (m_options.panel == "inspector") m_app.sidePanel = SidePanel::Inspector;
    if (m_options.panel == "files" || !m_app.world) m_app.sidePanel = SidePanel::Files;   // no world: offer the file list
    if (m_options.panel == "about") m_app.sidePanel = SidePanel::About;
    if (m_app.story && m_options.panel == "setup") m_app.sidePanel = SidePanel::Story;   // a story opens on its panel
    if (m_app.play && m_options.panel == "setup") m_app.sidePanel = SidePanel::Play;
    m_app.sidePanelForced = true;
    return true;
}

void Window::frame(double now, double frameSeconds, bool capture) {
    const auto t0 = std::chrono::steady_clock::now();
    sf::Event event;
    while (m_window.pollEvent(event)) {
        imguiSfmlProcessEvent(event);
        m_uiScale.handleEvent(event);
        if (event.type == sf::Event::Closed) m_window.close();
        // Keys drive the run and the story unless a text field is being typed in.
        if (event.type == sf::Event::KeyPressed && !ImGui::GetIO().WantTextInput && !event.key.control &&
            handleKey(m_app, int(event.key.code)) == KeyAction::ToggleFullscreen)
            m_toggleFullscreen = true;
    }
    if (m_toggleFullscreen) {
        m_toggleFullscreen = false;
        createWindow(!m_fullscreen);
    }
    if (!m_window.isOpen()) return;
    const auto tSim = std::chrono::steady_clock::now();
    m_app.advance(frameSeconds);
    const auto tUi = std::chrono::steady_clock::now();

    imguiSfmlNewFrame(m_window, float(frameSeconds));
    gl2RendererNewFrame();
    ImGui::NewFrame();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const Layout l = layoutFor(display);
    bool venueDrawn = true;
    if (m_app.presenter) {
        venueDrawn = drawPresenter(m_app, display, now);
        const float side = std::floor(display.x * 0.42f), top = ImGui::GetFrameHeightWithSpacing() * 2;
        drawPlayOverlay(m_app, ImVec2(display.x - side, top), ImVec2(side, display.y - top));
    } else {
        drawVenue(m_app, l.venuePos, l.venueSize, now);
        drawControls(m_app, l.controlsPos, l.controlsSize);
        // A choice waiting for the player (or the season's end) takes the charts' place.
        if (!drawPlayOverlay(m_app, l.chartsPos, l.chartsSize)) drawCharts(m_app, l.chartsPos, l.chartsSize);
        drawSidePanel(m_app, l.sidePos, l.sideSize);
    }
    ImGui::Render();
    const auto tGl = std::chrono::steady_clock::now();
    m_lastSimMs = std::chrono::duration<double, std::milli>(tUi - tSim).count();
    m_lastUiMs = std::chrono::duration<double, std::milli>(tGl - tUi).count();

    const int w = int(display.x), h = int(display.y);
    glViewport(0, 0, w, h);
    glClearColor(kPanelBg.x, kPanelBg.y, kPanelBg.z, kPanelBg.w);
    glClear(GL_COLOR_BUFFER_BIT);
    if (venueDrawn) m_app.venue.renderGL(w, h);
    // Presenter mode changes its layout by key: everything is drawn live there.
    std::vector<ImVec4> panels;
    if (!m_app.presenter)
        panels = {ImVec4(l.controlsPos.x, l.controlsPos.y, l.controlsPos.x + l.controlsSize.x, l.controlsPos.y + l.controlsSize.y),
                  ImVec4(l.chartsPos.x, l.chartsPos.y, display.x, display.y)};
    m_panels->render(ImGui::GetDrawData(), panels, kPanelBg);
    if (capture && !saveFramebuffer(w, h, m_options.screenshot, m_distinctColours, m_captureError) && m_captureError.empty())
        m_captureError = "cannot save the screenshot";
    m_window.display();
    m_app.frameMs.push_back(float(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count()));
    if (m_app.frameMs.size() > 120) m_app.frameMs.erase(m_app.frameMs.begin());
}

int Window::run() {
    if (!init()) return 1;
    int code = 0;
    if (!m_options.screenshot.empty()) code = screenshotMode();
    else if (m_options.benchFrames > 0) code = benchMode();
    else {
        using Clock = std::chrono::steady_clock;
        const auto start = Clock::now();
        auto last = start;
        while (m_window.isOpen()) {
            const auto t0 = Clock::now();
            const double dt = std::chrono::duration<double>(t0 - last).count();
            last = t0;
            frame(std::chrono::duration<double>(t0 - start).count(), dt, false);
        }
    }
    gl2RendererShutdown();
    ImGui::DestroyContext();
    return code;
}

// ---------------------------------------------------------------------------------------
// [SECTION] modes
// ---------------------------------------------------------------------------------------

int Window::screenshotMode() {
    if (!m_app.world) {
        std::fprintf(stderr, "tsunagari: no world to run: %s\n", m_app.loadError.c_str());
    } else if (m_app.play) {
        // --events of the season played as "listen, report back and thank", then on to the
        // player's next choice (or the season's end and its comparison).
        PlayMode& play = *m_app.play;
        const int events = eventsAsked(m_options, m_app.world->scenario());
        play.playAhead(events, TalkChoice::Listen, ReplyChoice::ReportAndThank);
        while (play.stepRound()) {}
    } else if (m_app.story) {
        // The story's steps before the one asked for are told and run to their ends.
        StoryPlayer& story = *m_app.story;
        while (int(story.stepIndex()) + 1 < m_options.storyStep && !story.atLastStep()) story.next();
        if (m_options.events > 0) {   // --events: also run this step (the reveal is shown)
            story.run();
            story.finishRun();
        }
        m_app.syncStory();
    } else {
        m_app.world->runEvents(eventsAsked(m_options, m_app.world->scenario()));
        if (m_app.sidePanel == SidePanel::Inspector) {
            // Inspect whoever received the most referrals: the richest panel to look at.
            const auto& people = m_app.world->attendees();
            auto best = std::max_element(people.begin(), people.end(), [](const Attendee& a, const Attendee& b) {
                return a.counters.referralsReceived < b.counters.referralsReceived;
            });
            if (best != people.end()) m_app.selected = int(best->id);
        }
    }
    // A few frames so layout, movement and the font atlas settle; the clock is virtual.
    constexpr int kFrames = 6;
    for (int i = 0; i < kFrames && m_window.isOpen(); ++i) frame(0.1 * i, 1.0 / 60.0, i == kFrames - 1);
    if (!m_captureError.empty()) {
        std::fprintf(stderr, "tsunagari: %s\n", m_captureError.c_str());
        return 1;
    }
    if (m_app.world) {
        // While playing, what the picture shows: a conversation or a referral waiting, or the season's end.
        const char* playing = !m_app.play ? "" : m_app.play->over() ? " play=over"
                              : !m_app.play->waiting()                ? " play=running"
                              : m_app.play->session().pending()->kind == play::DecisionKind::Talk ? " play=talk"
                                                                                                     : " play=reply";
        std::printf("events=%d day=%d state_hash=%016llx distinct_colours=%d%s\n", m_app.world->eventsDone(),
                    m_app.world->day(), (unsigned long long)m_app.world->stateHash(), m_distinctColours, playing);
        if (!m_options.summaryOut.empty()) {
            // The overrides as the CLI records them: every --set, then --seed.
            std::vector<std::string> overrides = m_options.settings;
            if (m_options.seed) overrides.push_back("seed=" + std::to_string(*m_options.seed));
            try {
                writeFileAtomic(m_options.summaryOut, summaryJson(*m_app.world, overrides));
            } catch (const std::exception& e) {
                std::fprintf(stderr, "tsunagari: %s\n", e.what());
                return 1;
            }
        }
    } else {
        std::printf("events=0 day=0 state_hash=none distinct_colours=%d\n", m_distinctColours);
    }
    return m_app.world ? 0 : 1;
}

int Window::benchMode() {
    if (!m_app.world) {
        std::fprintf(stderr, "tsunagari: no world to run: %s\n", m_app.loadError.c_str());
        return 1;
    }
    // Warm up: a network worth drawing, then play at a steady pace while measuring.
    const int warmUp = eventsAsked(m_options, m_app.world->scenario());
    m_app.world->runEvents(warmUp > 0 ? warmUp : 10);
    // The hardest view: every remembered stage drawn, up to the strongest 2,000 ties.
    m_app.venue.showStage = {false, true, true, true, true};
    m_app.venue.maxEdges = 2000;
    m_app.advance(0);   // the world goes to its thread (one copy for the frame) before the measured frames
    m_app.playing = true;
    m_app.roundsPerSecond = 10;
    using Clock = std::chrono::steady_clock;
    std::vector<double> ms, sim, ui;
    const auto start = Clock::now();
    auto last = start;
    const int rounds0 = m_app.world->eventsDone();
    for (int i = 0; i < m_options.benchFrames && m_window.isOpen(); ++i) {
        const auto t0 = Clock::now();
        frame(std::chrono::duration<double>(t0 - start).count(), std::chrono::duration<double>(t0 - last).count(), false);
        last = t0;
        glFinish();   // count the GPU (llvmpipe) work in the frame
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        sim.push_back(m_lastSimMs);
        ui.push_back(m_lastUiMs);
    }
    auto median = [](std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const double simMean = std::accumulate(sim.begin(), sim.end(), 0.0) / double(sim.size());
    const double simMax = *std::max_element(sim.begin(), sim.end()), uiMedian = median(ui);
    const double frameMedian = median(ms);
    const double p95 = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))];
    int active = 0;
    for (const auto& a : m_app.world->attendees()) active += a.active ? 1 : 0;
    std::printf("bench attendees=%d frames=%zu median_ms=%.2f p95_ms=%.2f sim_mean_ms=%.2f sim_max_ms=%.2f ui_median_ms=%.2f "
                "edges=%zu shown_edges=%zu events_run=%d panel_redraws=%d", active, ms.size(), frameMedian, p95, simMean, simMax, uiMedian, m_app.world->relationships().liveEdges(), m_app.venue.shownEdges(),
                m_app.world->eventsDone() - rounds0, m_panels->redraws());
    if (m_app.sim) {   // the simulation thread's side: its rounds and the views it copied out
        const SimThread::Stats s = m_app.sim->stats();
        std::printf(" sim_thread_rounds=%llu round_max_ms=%.2f views=%llu view_copy_mean_ms=%.2f view_copy_max_ms=%.2f",
                    (unsigned long long)s.rounds, s.roundMaxMs, (unsigned long long)s.copies,
                    s.copies ? s.copyTotalMs / double(s.copies) : 0.0, s.copyMaxMs);
    }
    std::printf("\n");
    return 0;
}

int runApp(const AppOptions& options) {
    Window window(options);
    return window.run();
}

}  // namespace tsunagari
