// Command-line flags of the window program.
#include <charconv>
#include <cstdint>
#include <cstring>

#include "app.h"
#include "screenshot_format.h"
#include "length_flags.h"

namespace tsunagari {

namespace {

bool parseInt(const char* text, int lo, int hi, int& out) {
    const char* end = text + std::strlen(text);
    auto [p, ec] = std::from_chars(text, end, out);
    return ec == std::errc() && p == end && out >= lo && out <= hi;
}

bool parseScale(const char* text, float& out) {
    const char* end = text + std::strlen(text);
    auto [p, ec] = std::from_chars(text, end, out);
    return ec == std::errc() && p == end && out >= 0.75f && out <= 3.0f;
}

}  // namespace

std::optional<AppOptions> parseOptions(int argc, char** argv, std::string& error) {
    AppOptions o;
    bool haveEvents = false;
    std::string lengthGiven;               // the first length flag, for the clash message
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char*& out) {
            if (i + 1 >= argc) {
                error = arg + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        const char* v = nullptr;
        if (arg == "--screenshot") {
            if (!value(v)) return std::nullopt;
            o.screenshot = v;
            if (auto problem = gui::screenshotPathProblem(o.screenshot)) { error = *problem; return std::nullopt; }
        } else if (const auto unit = lengthFlagUnit(arg)) {
            if (!lengthGiven.empty()) {
                error = lengthGiven + " and " + arg + " both give the run's length; give one of --events, --days, --weeks, --months or --years";
                return std::nullopt;
            }
            lengthGiven = arg;
            if (!value(v)) return std::nullopt;
            if (*unit == LengthUnit::Events) {
                if (!parseInt(v, 0, 1000000, o.events)) { error = "--events expects a whole number in [0, 1000000], got \"" + std::string(v) + "\""; return std::nullopt; }
            } else {
                o.length = parseLength(*unit, v);
                if (!o.length) { error = arg + " expects " + lengthExpectation(*unit) + ", got \"" + std::string(v) + "\""; return std::nullopt; }
            }
            haveEvents = true;
        } else if (arg == "--lang") {
            if (!value(v)) return std::nullopt;
            o.language = v;
            if (o.language != "en" && o.language != "ja") { error = "--lang expects en or ja, got \"" + o.language + "\""; return std::nullopt; }
        } else if (arg == "--summary-out") {
            if (!value(v)) return std::nullopt;
            o.summaryOut = v;
        } else if (arg == "--panel") {
            if (!value(v)) return std::nullopt;
            o.panel = v;
            if (o.panel != "setup" && o.panel != "inspector" && o.panel != "files" && o.panel != "about" && o.panel != "story") {
                error = "--panel expects setup, inspector, files, about or story, got \"" + o.panel + "\"";
                return std::nullopt;
            }
        } else if (arg == "--bench-frames") {
            if (!value(v)) return std::nullopt;
            if (!parseInt(v, 1, 1000000, o.benchFrames)) { error = "--bench-frames expects a whole number >= 1, got \"" + std::string(v) + "\""; return std::nullopt; }
        } else if (arg == "--attendees") {
            if (!value(v)) return std::nullopt;
            if (!parseInt(v, 1, 1000000, o.attendees)) { error = "--attendees expects a whole number >= 1, got \"" + std::string(v) + "\""; return std::nullopt; }
        } else if (arg == "--size") {
            if (!value(v)) return std::nullopt;
            const std::string s = v;
            const auto x = s.find('x');
            if (x == std::string::npos || !parseInt(s.substr(0, x).c_str(), 320, 8192, o.width) ||
                !parseInt(s.substr(x + 1).c_str(), 240, 8192, o.height)) {
                error = "--size expects WIDTHxHEIGHT, e.g. 1600x900, got \"" + s + "\"";
                return std::nullopt;
            }
        } else if (arg == "--story") {
            if (!value(v)) return std::nullopt;
            o.story = v;
        } else if (arg == "--step") {
            if (!value(v)) return std::nullopt;
            if (!parseInt(v, 1, 200, o.storyStep)) { error = "--step expects a story step number in [1, 200], got \"" + std::string(v) + "\""; return std::nullopt; }
        } else if (arg == "--set") {
            if (!value(v)) return std::nullopt;
            if (!std::strchr(v, '=')) { error = "--set expects path=value, e.g. params.busy_chance=0.5, got \"" + std::string(v) + "\""; return std::nullopt; }
            o.settings.emplace_back(v);
        } else if (arg == "--seed") {
            if (!value(v)) return std::nullopt;
            uint64_t seed = 0;
            const char* end = v + std::strlen(v);
            auto [p, ec] = std::from_chars(v, end, seed);
            if (ec != std::errc() || p != end || p == v) { error = "--seed expects a whole number >= 0, got \"" + std::string(v) + "\""; return std::nullopt; }
            o.seed = seed;
        } else if (arg == "--compare") {
            if (!value(v)) return std::nullopt;
            if (!std::strchr(v, '=')) { error = "--compare expects path=value, e.g. mechanisms.gratitude=false, got \"" + std::string(v) + "\""; return std::nullopt; }
            o.compare.emplace_back(v);
        } else if (arg == "--play") {
            o.play = true;
        } else if (arg == "--seat") {
            if (!value(v)) return std::nullopt;
            int seat = 0;
            if (!parseInt(v, 0, 999999, seat)) { error = "--seat expects an attendee id (a whole number >= 0), got \"" + std::string(v) + "\""; return std::nullopt; }
            o.seat = uint32_t(seat);
        } else if (arg == "--presenter") {
            o.presenter = true;
        } else if (arg == "--view") {
            if (!value(v)) return std::nullopt;
            if (!parseInt(v, 1, 4, o.view)) { error = "--view expects 1 (venue), 2 (one chart), 3 (charts) or 4 (story), got \"" + std::string(v) + "\""; return std::nullopt; }
        } else if (arg == "--fullscreen") {
            o.fullscreen = true;
        } else if (arg == "--help" || arg == "-h") {
            error = "usage: tsunagari [FILE.json] [--set path=value ...] [--compare path=value ...] [--seed S] [--lang en|ja]\n"
                    "                 [--story STORY.json] [--play [--seat ID]] [--presenter [--view 1-4]] [--fullscreen]\n"
                    "                 [--screenshot OUT.png [--events N|--days N|--weeks N|--months N|--years N] [--step K] [--summary-out F.json]\n"
                    "                  [--panel setup|inspector|files|about|story]] [--bench-frames N] [--attendees M] [--size WxH]\n"
                    "                 [--scale 0.75..3]\n"
                    "keys: space run/pause, right arrow next story step, up/down the room's answer,\n"
                    "      playing: 1-3 pitch / listen / book a 1-to-1, 1-4 report / thank / both / silent, A the same for the meeting,\n"
                    "      P presenter mode, 1-4 presenter view (venue, chart, charts, story), Tab narration, F full screen,\n"
                    "      Ctrl+= / Ctrl+- / Ctrl+0 the text size";
            return std::nullopt;
        } else if (arg == "--scale") {
            if (!value(v)) return std::nullopt;
            if (!parseScale(v, o.scale)) { error = "--scale expects a number in [0.75, 3], got \"" + std::string(v) + "\""; return std::nullopt; }
        } else if (arg.size() > 1 && arg[0] == '-') {
            error = "unknown option \"" + arg + "\" (try --help)";
            return std::nullopt;
        } else if (o.scenario.empty()) {
            o.scenario = arg;
        } else {
            error = "only one scenario file may be given, got \"" + o.scenario + "\" and \"" + arg + "\"";
            return std::nullopt;
        }
    }
    if (haveEvents && o.screenshot.empty() && o.benchFrames == 0) {
        error = lengthGiven + " is only used with --screenshot or --bench-frames";
        return std::nullopt;
    }
    if (!o.story.empty() && (!o.scenario.empty() || !o.settings.empty() || !o.compare.empty())) {
        error = "--story tells its own scenarios: give no scenario file, --set or --compare with it";
        return std::nullopt;
    }
    if (o.play && (!o.story.empty() || !o.compare.empty())) {
        error = "--play plays a scenario from one seat: give no --story or --compare with it";
        return std::nullopt;
    }
    if (o.seat && !o.play) {
        error = "--seat is only used with --play";
        return std::nullopt;
    }
    if (o.storyStep > 0 && ((o.story.empty() && o.compare.empty()) || o.screenshot.empty())) {
        error = "--step is only used with --story or --compare, and --screenshot";
        return std::nullopt;
    }
    if (!o.summaryOut.empty() && o.screenshot.empty()) {
        error = "--summary-out is only used with --screenshot";
        return std::nullopt;
    }
    if (o.attendees > 0 && o.benchFrames == 0 && o.screenshot.empty()) {
        error = "--attendees is only used with --bench-frames or --screenshot";
        return std::nullopt;
    }
    return o;
}

int eventsAsked(const AppOptions& options, const Scenario& scenario) {
    return options.length ? eventsIn(scenario, *options.length) : options.events;
}

}  // namespace tsunagari
