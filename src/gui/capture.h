// Headless output of the window: the framebuffer as a PNG (its summary is report.h's summaryJson).
#pragma once
#include <string>

namespace tsunagari {

// Reads the back buffer (call after rendering, before display) and saves it as PNG.
// Returns false with a one-line `error`; `distinctColours` counts the colours found.
bool saveFramebuffer(int width, int height, const std::string& path, int& distinctColours, std::string& error);

}  // namespace tsunagari
