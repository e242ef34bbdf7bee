// Command-line flags of the window program.
#include <charconv>
#include <cstring>

#include "app.h"
#include "screenshot_format.h"

namespace tsunagari {

namespace {

bool parseInt(const char* text, int lo, int hi, int& out) {
    const char* end = text + std::strlen(text);
    auto [p, ec] = std::from_chars(text, end, out);
    return ec == std::errc() && p == end && out >= lo && out <= hi;
}

}  // namespace

std::optional<AppOptions> parseOptions(int argc, char** argv, std::string& error) {
    AppOptions o;
    bool haveEvents = false;
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
        } else if (arg == "--events") {
            if (!value(v)) return std::nullopt;
            if (!parseInt(v, 0, 1000000, o.events)) { error = "--events expects a whole number in [0, 1000000], got \"" + std::string(v) + "\""; return std::nullopt; }
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
            if (o.panel != "setup" && o.panel != "inspector" && o.panel != "files") {
                error = "--panel expects setup, inspector or files, got \"" + o.panel + "\"";
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
        } else if (arg == "--help" || arg == "-h") {
            error = "usage: tsunagari [FILE.json] [--lang en|ja] [--screenshot OUT.png --events N [--summary-out F.json] "
                    "[--panel setup|inspector|files]] [--bench-frames N] [--attendees M] [--size WxH]";
            return std::nullopt;
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
        error = "--events is only used with --screenshot or --bench-frames";
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

}  // namespace tsunagari
