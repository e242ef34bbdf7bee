// What the charts say when they cannot draw: malformed or missing CSVs (one line naming file,
// line and what was expected), gnuplot missing or failing, an unwritable charts folder; and
// the chart command's usage errors and run --charts through the real binary.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <functional>

#include "chart_fixtures.h"
#include "charts/charts.h"
#include "charts/gnuplot_process.h"

using namespace tsunagari::charts;
using namespace chart_fixtures;
using test_files::cli;
using test_files::CliResult;

namespace {

template <class Error>
std::string messageOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

std::string inputError(const fs::path& dir, const ChartOptions& options = {}) {
    return messageOf<ChartInputError>([&] { (void)drawChartsFor(dir.string(), options); });
}

// Replaces line `line` (1-based) of a file.
void replaceLine(const fs::path& path, size_t line, const std::string& text) {
    std::istringstream in(slurp(path));
    std::string out, current;
    for (size_t n = 1; std::getline(in, current); ++n) out += (n == line ? text : current) + "\n";
    writeText(path, out);
}

// PATH changed for one scope: posix_spawnp searches the process's own PATH.
class ScopedPath {
public:
    explicit ScopedPath(const std::string& value) : m_old(std::getenv("PATH") ? std::getenv("PATH") : "") {
        setenv("PATH", value.c_str(), 1);
    }
    ~ScopedPath() { setenv("PATH", m_old.c_str(), 1); }

private:
    std::string m_old;
};


}  // namespace

TEST_CASE("chart errors: a malformed CSV gives one line naming the file, the line and what was expected") {
    const fs::path dir = sweepFolder();
    const std::string summary = (dir / "summary.csv").string();
    replaceLine(dir / "summary.csv", 3, "0,x,hard_seller,collaborators,2,many,0.5,1,2");
    CHECK(inputError(dir) == summary + ":3: expected a number in column 'mean', got 'many'");
    CHECK_FALSE(fs::exists(dir / "charts"));  // checked before anything is drawn
    replaceLine(dir / "summary.csv", 3, "0,x,hard_seller,collaborators,2");
    CHECK(inputError(dir) == summary + ":3: expected 9 fields as in the header, got 5");
    replaceLine(dir / "summary.csv", 3, "0,\"x,hard_seller,collaborators,2,1,0.5,1,2");
    CHECK(inputError(dir) == summary + ":3: expected a closing quote");
    replaceLine(dir / "summary.csv", 3, "0,x,hard_seller,collaborators,2,1,0.5,1,2");
    replaceLine(dir / "summary.csv", 1, "setting,label,group,metric,n,average,sd,ci_low,ci_high");
    CHECK(inputError(dir) == summary + ":1: expected a column named 'mean' in the header");
    writeText(dir / "summary.csv", "");
    CHECK(inputError(dir) == summary + ":1: expected a header row, found an empty file");
    writeText(dir / "summary.csv", "setting,label,group,metric,n,mean,sd,ci_low,ci_high\n");
    CHECK(inputError(dir) == summary + ":2: expected at least one row after the header");
    fs::remove_all(dir);
}

TEST_CASE("chart errors: missing files, metrics without rows and unknown metrics are named") {
    const fs::path empty = freshDir("empty");
    CHECK(inputError(empty) == empty.string() +
                                   ": expected events.csv (a run), summary.csv (a sweep), ranking.csv (a tournament) or "
                                   "seasons_summary.csv (an evolution)");
    CHECK(inputError(empty / "nowhere") == (empty / "nowhere").string() +
                                               ": expected a folder written by run, sweep or tournament");
    const std::string missing = messageOf<ChartInputError>([&] { (void)drawTournamentCharts(empty.string(), {}); });
    CHECK(missing == (empty / "ranking.csv").string() + ": cannot open (expected a CSV file here)");

    const fs::path tournament = tournamentFolder();
    ChartOptions options;
    options.metrics = {"referrals_received", "complaints"};
    CHECK(inputError(tournament, options) == (tournament / "ranking.csv").string() + ": expected rows for metric 'complaints'");
    CHECK_FALSE(fs::exists(tournament / "charts"));  // every picture is described before any is drawn
    options.metrics = {"happiness"};
    CHECK(inputError(tournament, options).rfind("unknown metric 'happiness' (expected one of members, contacts,", 0) == 0);
    fs::remove_all(empty);
    fs::remove_all(tournament);
}

TEST_CASE("chart errors: gnuplot missing says to install gnuplot-nox") {
    const fs::path dir = runFolder();
    const fs::path noPrograms = freshDir("nopath");
    std::string message;
    {
        const ScopedPath path(noPrograms.string());
        message = messageOf<ChartOutputError>([&] { (void)drawRunCharts(dir.string(), {}); });
    }
    CHECK(message == "gnuplot not found: install gnuplot-nox to draw charts");
    fs::remove_all(dir);
    fs::remove_all(noPrograms);
}

TEST_CASE("chart errors: a failing gnuplot script reports gnuplot's error line") {
    const fs::path dir = freshDir("failing");
    writeText(dir / "bad.gp", "set terminal svg\nplot no_such_function(x)\n");
    const std::string message = messageOf<ChartOutputError>([&] { runGnuplot(dir, dir / "bad.gp"); });
    CHECK(message.rfind("gnuplot failed: ", 0) == 0);
    CHECK(message.find("line 2") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("chart errors: a charts folder that cannot be made is one line and no picture") {
    const fs::path dir = runFolder();
    writeText(dir / "charts", "a file where the folder should be");
    const std::string message = messageOf<ChartOutputError>([&] { (void)drawRunCharts(dir.string(), {}); });
    CHECK(message.rfind("cannot write " + (dir / "charts").string() + ": ", 0) == 0);
    CHECK(message.find('\n') == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("chart command: usage errors, a bad CSV's exit code, and the pictures it lists") {
    const fs::path dir = runFolder();
    CliResult r = cli({"chart"});
    CHECK(r.code == 2);
    CHECK(r.err == "tsunagari-cli chart: missing DIR (a folder written by run, sweep or tournament)\n");
    r = cli({"chart", dir.string(), "--lang", "fr"});
    CHECK(r.err == "tsunagari-cli chart: --lang expects en or ja, got 'fr'\n");
    r = cli({"chart", dir.string(), "--format", "gif"});
    CHECK(r.err == "tsunagari-cli chart: --format expects png, svg or both, got 'gif'\n");
    r = cli({"chart", dir.string(), "--metric", "happiness"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind("tsunagari-cli chart: --metric expects one of members, contacts, collaborators,", 0) == 0);

    r = cli({"chart", dir.string(), "--format", "svg", "--metric", "complaints", "--lang", "ja"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "wrote " + (dir / "charts" / "complaints.svg").string() + "\n");
    CHECK(slurp(dir / "charts" / "complaints.svg").find("クレーム") != std::string::npos);

    replaceLine(dir / "events.csv", 4, "2,seven,chapter,x,20,1,40,2,thankers,10,1,1,1,1,1,1,1,1,1,0.5,0.5,1");
    r = cli({"chart", dir.string()});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "tsunagari-cli chart: " + (dir / "events.csv").string() + ":4: expected a number in column 'day', got 'seven'\n");
    fs::remove_all(dir);
}

TEST_CASE("run --charts: the run's folder gets its charts and says where") {
    const fs::path dir = freshDir("runcharts");
    const CliResult r = cli({"run", std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/default.json", "--events", "8", "--out",
                          dir.string(), "--charts"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("charts in " + (dir / "charts" / "").string()) != std::string::npos);
    for (const auto& metric : defaultMetrics()) {
        CHECK(fs::file_size(dir / "charts" / (metric + ".png")) > 1000);
        CHECK(fs::file_size(dir / "charts" / (metric + ".svg")) > 1000);
    }
    fs::remove_all(dir);
}
