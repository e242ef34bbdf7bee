// posix_spawnp with an argument vector: no shell, so no file name is ever interpreted.
#include "gnuplot_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "charts.h"

extern char** environ;

namespace tsunagari::charts {

namespace {

namespace fs = std::filesystem;

// gnuplot echoes the failing command and a caret before saying what went wrong, in a line
// such as `"plot.gp" line 12: undefined variable: x`; that line is the useful one.
std::string firstErrorLine(const fs::path& errors) {
    std::ifstream in(errors);
    std::string line, firstText;
    while (std::getline(in, line)) {
        if (line.find("line ") != std::string::npos && line.find(": ") != std::string::npos) return line;
        if (firstText.empty() && line.find_first_not_of(" \t^") != std::string::npos) firstText = line;
    }
    return firstText.empty() ? "no message" : firstText;
}

class FileActions {
public:
    FileActions() { posix_spawn_file_actions_init(&m_actions); }
    ~FileActions() { posix_spawn_file_actions_destroy(&m_actions); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    posix_spawn_file_actions_t* get() { return &m_actions; }

private:
    posix_spawn_file_actions_t m_actions;
};

}  // namespace

void runGnuplot(const fs::path& workDir, const fs::path& script) {
    const fs::path errors = workDir / "gnuplot-errors.txt";
    FileActions actions;
    posix_spawn_file_actions_addchdir_np(actions.get(), workDir.c_str());  // the script names its files relative to it
    posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(actions.get(), 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(actions.get(), 2, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

    // --default-settings: no ~/.gnuplot or system-wide init file changes how a chart looks.
    std::string program = "gnuplot", defaults = "--default-settings", scriptArg = script.string();
    char* argv[] = {program.data(), defaults.data(), scriptArg.data(), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "gnuplot", actions.get(), nullptr, argv, environ);
    if (spawned == ENOENT) throw ChartOutputError("gnuplot not found: install gnuplot-nox to draw charts");
    if (spawned != 0) throw ChartOutputError(std::string("cannot start gnuplot: ") + std::strerror(spawned));

    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw ChartOutputError(std::string("lost the gnuplot process: ") + std::strerror(errno));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)  // the child could not exec it
        throw ChartOutputError("gnuplot not found: install gnuplot-nox to draw charts");
    throw ChartOutputError("gnuplot failed: " + firstErrorLine(errors));
}

}  // namespace tsunagari::charts
