// The window program: options from the command line, and the frame loop that runs the
// simulation within a step budget, draws the panels and optionally saves a screenshot.
#pragma once
#include <optional>
#include <string>

namespace tsunagari {

struct AppOptions {
    std::string scenario;              // file to open; "" = scenarios/default.json
    std::string screenshot;            // PNG to write after `events` events, then exit
    int events = 0;                    // events to run before the screenshot
    std::string language = "en";       // "en" or "ja"
    std::string summaryOut;            // per-group figures of the last event as JSON (screenshot mode)
    std::string panel = "setup";       // side tab shown in the screenshot: setup, inspector, files
    int benchFrames = 0;               // > 0: measure this many frames, print median and p95, exit
    int attendees = 0;                 // bench/screenshot: scale the scenario's cohorts to about this many people
    int width = 1600, height = 900;
    float scale = 1.0f;                // UI scale: fonts at 16 x scale px (0.75 .. 3)
};

// Parses argv; on a bad flag returns nullopt and sets `error` to one line.
[[nodiscard]] std::optional<AppOptions> parseOptions(int argc, char** argv, std::string& error);
// Runs the window until closed (or until the screenshot/bench is done). Returns the exit code.
int runApp(const AppOptions& options);

}  // namespace tsunagari
