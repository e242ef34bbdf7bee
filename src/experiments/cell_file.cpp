// Writing and reading cell files (JSON Lines).
#include "experiments/cell_file.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "metric_names.h"
#include "scenario_io.h"

namespace tsunagari::experiments {

using nlohmann::json;

namespace {

// JSON has no NaN: a figure with nothing to average (NaN) is written as null.
json valuesJson(const std::vector<MetricValues>& groups) {
    json out = json::array();
    for (const auto& values : groups) {
        json row = json::array();
        for (double v : values) row.push_back(std::isfinite(v) ? json(v) : json(nullptr));
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<MetricValues> valuesFrom(const json& v) {
    std::vector<MetricValues> out;
    for (const auto& group : v) {
        const size_t metrics = metricNames().size();
        if (!group.is_array() || group.size() != metrics)
            throw std::runtime_error("expected " + std::to_string(metrics) + " figures per group");
        MetricValues values(metrics);
        for (size_t m = 0; m < values.size(); ++m) values[m] = group[m].is_null() ? NAN : group[m].get<double>();
        out.push_back(values);
    }
    return out;
}

json cellJson(size_t index, const CellFigures& cell) {
    json out = {{"cell", index}, {"groups", cell.groups}, {"final", valuesJson(cell.final)}};
    if (!cell.events.empty()) {
        out["events"] = json::array();
        for (const auto& e : cell.events) out["events"].push_back({{"event", e.event}, {"day", e.day}, {"groups", valuesJson(e.groups)}});
    }
    return out;
}

CellFigures cellFrom(const json& v) {
    CellFigures cell;
    cell.groups = v.at("groups").get<std::vector<std::string>>();
    cell.final = valuesFrom(v.at("final"));
    if (cell.final.size() != cell.groups.size()) throw std::runtime_error("\"final\" has a row per group");
    if (v.contains("events"))
        for (const auto& e : v["events"]) cell.events.push_back({e.at("event").get<int>(), e.at("day").get<int>(), valuesFrom(e.at("groups"))});
    return cell;
}

}  // namespace

std::string cellFileText(const CellFile& file) {
    json manifest = {{"spec_hash", file.specHash}, {"cells_total", file.cellsTotal}, {"cells_here", file.cells.size()}};
    if (file.shard) manifest["shard"] = {{"index", file.shard->index}, {"count", file.shard->count}};
    std::string out = manifest.dump() + "\n";
    for (const auto& [index, cell] : file.cells) out += cellJson(index, cell).dump() + "\n";
    return out;
}

CellFile parseCellFile(const std::string& text, const std::string& name) {
    CellFile file;
    std::istringstream lines(text);
    std::string line;
    size_t number = 0;
    size_t expectedCells = 0;
    try {
        while (std::getline(lines, line)) {
            ++number;
            const json v = json::parse(line);
            if (number == 1) {
                file.specHash = v.at("spec_hash").get<std::string>();
                file.cellsTotal = v.at("cells_total").get<size_t>();
                expectedCells = v.at("cells_here").get<size_t>();
                if (v.contains("shard")) file.shard = ShardSlice{v["shard"].at("index").get<int>(), v["shard"].at("count").get<int>()};
                continue;
            }
            const size_t index = v.at("cell").get<size_t>();
            if (index >= file.cellsTotal) throw std::runtime_error("cell " + std::to_string(index) + " is beyond the sweep's cells");
            if (!file.cells.emplace(index, cellFrom(v)).second) throw std::runtime_error("cell " + std::to_string(index) + " appears twice");
        }
    } catch (const std::exception& e) {
        throw ScenarioError(name, "line " + std::to_string(number), std::string("expected a sweep cell file: ") + e.what());
    }
    if (number == 0) throw ScenarioError(name, "", "expected a sweep cell file, found an empty file");
    if (file.cells.size() != expectedCells)
        throw ScenarioError(name, "", "expected " + std::to_string(expectedCells) + " cells as its manifest says, found " +
                                          std::to_string(file.cells.size()) + " (a truncated file?)");
    return file;
}

CellFile readCellFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ScenarioError(path, "", "cannot open: the file is missing or unreadable");
    std::ostringstream content;
    content << in.rdbuf();
    return parseCellFile(content.str(), path);
}

}  // namespace tsunagari::experiments
