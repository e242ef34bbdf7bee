// A picture for gnuplot to draw, and the drawing: data and script in a private temporary
// folder, gnuplot as a child process, the picture renamed into place, the temporaries removed.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "charts.h"

namespace tsunagari::charts {

// Every picture is this wide (pixels), and this tall unless it says otherwise.
inline constexpr int kPictureWidth = 1280, kPictureHeight = 800;

struct Picture {
    std::string name;       // file stem in the charts folder, e.g. "referrals_received"
    std::string commands;   // gnuplot commands after the terminal and output are set
    std::vector<std::pair<std::string, std::string>> dataFiles;  // name in the work folder -> content
    int height = kPictureHeight;  // pixels; taller for panels in several rows
};

// Writes outDir/NAME.png and/or NAME.svg as the options ask; returns their paths.
// Throws ChartOutputError when gnuplot fails or the folder cannot be written.
std::vector<std::string> drawPicture(const Picture& picture, const std::filesystem::path& outDir,
                                     const ChartOptions& options);
// All of them, in order: a folder's pictures are all described (and its files checked) before any is drawn.
std::vector<std::string> drawPictures(const std::vector<Picture>& pictures, const std::filesystem::path& outDir,
                                      const ChartOptions& options);

}  // namespace tsunagari::charts
