// Entry point of tsunagari-cli: hands the arguments to runCli.
#include <unistd.h>

#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return tsunagari::cli::runCli(args, std::cout, std::cerr, isatty(STDERR_FILENO) == 1);
}
