// The chart command: options into the charts library, its errors into one line and an exit code.
#include "chart_command.h"

#include "charts/charts.h"

namespace tsunagari::cli {

namespace {

int draw(const std::string& command, const std::string& dir, const charts::ChartOptions& options, std::ostream& out,
         std::ostream& err) {
    try {
        const auto written = charts::drawChartsFor(dir, options);
        for (const auto& path : written) out << "wrote " << path << "\n";
        return kExitOk;
    } catch (const charts::ChartInputError& e) {
        err << "tsunagari-cli " << command << ": " << e.what() << "\n";
        return kExitBadInput;
    } catch (const charts::ChartOutputError& e) {
        err << "tsunagari-cli " << command << ": " << e.what() << "\n";
        return kExitOutputFailed;
    }
}

}  // namespace

int runChart(const ChartCommandOptions& o, std::ostream& out, std::ostream& err) {
    charts::ChartOptions options;
    options.language = o.japanese ? charts::ChartLanguage::Japanese : charts::ChartLanguage::English;
    options.png = o.png;
    options.svg = o.svg;
    options.metrics = o.metrics;
    return draw("chart", o.dir, options, out, err);
}

int drawChartsAfterRun(const std::string& dir, std::ostream& err) {
    std::ostream silent(nullptr);
    return draw("run", dir, charts::ChartOptions{}, silent, err);
}

}  // namespace tsunagari::cli
