// Entry point of `tsunagari`, the live simulator window.
#include <cstdio>
#include <string>

#include "app.h"

int main(int argc, char** argv) {
    std::string error;
    const auto options = tsunagari::parseOptions(argc, argv, error);
    if (!options) {
        std::fprintf(stderr, "tsunagari: %s\n", error.c_str());
        return 2;
    }
    return tsunagari::runApp(*options);
}
