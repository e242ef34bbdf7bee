// Screenshot paths are checked before the window opens, so a bad name costs no run.
#include "screenshot_format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

namespace tsunagari::gui {

std::optional<std::string> screenshotPathProblem(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    constexpr std::array<const char*, 5> kWritten{".png", ".bmp", ".tga", ".jpg", ".jpeg"};
    if (std::find(kWritten.begin(), kWritten.end(), extension) != kWritten.end()) return std::nullopt;
    return "--screenshot expects a file ending in .png, .bmp, .tga or .jpg, got \"" + path + "\"";
}

}  // namespace tsunagari::gui
