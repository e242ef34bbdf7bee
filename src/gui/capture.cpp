// Framebuffer to PNG (glReadPixels + sf::Image).
#include "capture.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include <SFML/Graphics/Image.hpp>
#include <SFML/OpenGL.hpp>

namespace tsunagari {

bool saveFramebuffer(int width, int height, const std::string& path, int& distinctColours, std::string& error) {
    std::vector<sf::Uint8> pixels(size_t(width) * size_t(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL rows run bottom-up; images top-down.
    const size_t row = size_t(width) * 4;
    std::vector<sf::Uint8> flipped(pixels.size());
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.begin() + long(size_t(height - 1 - y) * row), row, flipped.begin() + long(size_t(y) * row));
    std::unordered_set<uint32_t> colours;
    for (size_t i = 0; i < flipped.size(); i += 4) {
        flipped[i + 3] = 255;  // the window is opaque
        colours.insert(uint32_t(flipped[i]) << 16 | uint32_t(flipped[i + 1]) << 8 | flipped[i + 2]);
    }
    distinctColours = int(colours.size());
    sf::Image image;
    image.create(unsigned(width), unsigned(height), flipped.data());
    if (!image.saveToFile(path)) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace tsunagari
