// What tests that touch files and run the real tsunagari-cli share: fresh scratch folders,
// whole-file reads and writes, and the CLI run as a user runs it from a shell.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test_files {

namespace fs = std::filesystem;

// A fresh, empty folder per test process and call (ctest runs cases as parallel processes).
inline fs::path freshDir(const std::string& kind = "test") {
    static int counter = 0;
    const fs::path dir = fs::temp_directory_path() /
                         ("tsunagari-" + kind + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

inline std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeText(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// One shell word, whatever the argument holds.
inline std::string shellQuote(const std::string& arg) {
    std::string quoted = "'";
    for (char c : arg) quoted.append(c == '\'' ? "'\\''" : std::string(1, c));
    return quoted.append("'");
}

// tsunagari-cli with `args`, each passed through the shell as one word.
inline std::string commandLine(const std::vector<std::string>& args) {
    std::string command = shellQuote(TSUNAGARI_CLI);
    for (const auto& a : args) command.append(" ").append(shellQuote(a));
    return command;
}

struct CliResult {
    int code = -1;
    std::string out, err;
};

inline CliResult cli(const std::vector<std::string>& args) {
    const fs::path dir = freshDir("cli");
    const std::string command = commandLine(args) + " >" + shellQuote((dir / "stdout").string()) + " 2>" +
                                shellQuote((dir / "stderr").string());
    const int status = std::system(command.c_str());
    CliResult result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "stdout"), slurp(dir / "stderr")};
    fs::remove_all(dir);
    return result;
}

}  // namespace test_files
