// Which image files --screenshot can write (SFML picks the format from the extension).
#pragma once
#include <optional>
#include <string>

namespace tsunagari::gui {

// An empty optional when `path` ends in an extension SFML writes; otherwise the one-line
// complaint, e.g. `--screenshot expects a file ending in .png, .bmp, .tga or .jpg, got "shot.noext"`.
[[nodiscard]] std::optional<std::string> screenshotPathProblem(const std::string& path);

}  // namespace tsunagari::gui
