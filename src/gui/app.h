// The window program: options from the command line, and the frame loop that runs the
// simulation within a step budget, draws the panels and optionally saves a screenshot.
#pragma once
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "calendar_length.h"

namespace tsunagari {

struct AppOptions {
    std::string scenario;              // file to open; "" = scenarios/default.json
    std::string screenshot;            // PNG to write after `events` events, then exit
    int events = 0;                    // events to run before the screenshot
    std::optional<RunLength> length;   // --days/--weeks/--months/--years instead of --events
    std::string language = "en";       // "en" or "ja"
    std::string summaryOut;            // per-group figures of the last event as JSON (screenshot mode)
    std::string panel = "setup";       // side tab shown in the screenshot: setup, inspector, files
    int benchFrames = 0;               // > 0: measure this many frames, print median and p95, exit
    int attendees = 0;                 // bench/screenshot: scale the scenario's cohorts to about this many people
    int width = 1600, height = 900;
    // Workshop mode
    std::string story;                 // a story file to tell (scenarios/stories/*.json)
    int storyStep = 0;                 // screenshot: run the story's steps up to this one (1-based; 0 = first)
    std::vector<std::string> settings; // --set path=value, applied to the scenario before it is checked
    std::optional<uint64_t> seed;      // --seed: the scenario's (or every story room's) seed
    std::vector<std::string> compare;  // --compare path=value: the scenario side by side with these changes
    bool play = false;                 // --play: play the scenario (default scenarios/newcomer.json) from one seat
    std::optional<uint32_t> seat;      // --seat: whose seat (default: the newest member)
    bool presenter = false;            // start in presenter mode
    int view = 1;                      // presenter view 1-4
    bool fullscreen = false;
    float scale = 1.0f;                // UI scale: fonts at 16 x scale px (0.75 .. 3)
};

// Parses argv; on a bad flag returns nullopt and sets `error` to one line.
[[nodiscard]] std::optional<AppOptions> parseOptions(int argc, char** argv, std::string& error);
// The events the options ask of `scenario`: a calendar length's count, otherwise `events`.
[[nodiscard]] int eventsAsked(const AppOptions& options, const Scenario& scenario);
// Runs the window until closed (or until the screenshot/bench is done). Returns the exit code.
int runApp(const AppOptions& options);

}  // namespace tsunagari
