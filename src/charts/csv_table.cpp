// Reads a whole CSV file: quoted fields may hold commas, quotes ("") and line breaks.
#include "csv_table.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "charts.h"

namespace tsunagari::charts {

namespace {

struct Record {
    std::vector<std::string> fields;
    size_t line = 0;
};

// Splits the text into records; a quote left open is an error at the line it opened.
std::vector<Record> parseRecords(const std::string& path, const std::string& text) {
    std::vector<Record> records;
    Record current;
    std::string field;
    size_t line = 1;
    current.line = line;
    bool quoted = false, fieldWasQuoted = false;
    size_t quoteLine = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty() && !fieldWasQuoted) {
            quoted = fieldWasQuoted = true;
            quoteLine = line;
        } else if (c == '"') {
            throw ChartInputError(path + ":" + std::to_string(line) + ": expected a quote only around a whole field");
        } else if (c == ',') {
            current.fields.push_back(std::move(field));
            field.clear();
            fieldWasQuoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            current.fields.push_back(std::move(field));
            field.clear();
            fieldWasQuoted = false;
            records.push_back(std::move(current));
            current = Record{};
            current.line = ++line;
        } else {
            field += c;
        }
    }
    if (quoted) throw ChartInputError(path + ":" + std::to_string(quoteLine) + ": expected a closing quote");
    if (!field.empty() || fieldWasQuoted || !current.fields.empty()) {
        current.fields.push_back(std::move(field));
        records.push_back(std::move(current));
    }
    return records;
}

}  // namespace

CsvTable CsvTable::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ChartInputError(path + ": cannot open (expected a CSV file here)");
    std::ostringstream content;
    content << in.rdbuf();
    std::vector<Record> records = parseRecords(path, content.str());
    if (records.empty()) throw ChartInputError(path + ":1: expected a header row, found an empty file");

    CsvTable table;
    table.m_path = path;
    table.m_header = std::move(records.front().fields);
    for (size_t r = 1; r < records.size(); ++r) {
        Record& record = records[r];
        if (record.fields.size() == 1 && record.fields.front().empty()) continue;  // a blank line
        if (record.fields.size() != table.m_header.size())
            throw ChartInputError(path + ":" + std::to_string(record.line) + ": expected " +
                                  std::to_string(table.m_header.size()) + " fields as in the header, got " +
                                  std::to_string(record.fields.size()));
        table.m_rows.push_back(std::move(record.fields));
        table.m_lines.push_back(record.line);
    }
    if (table.m_rows.empty()) throw ChartInputError(path + ":2: expected at least one row after the header");
    return table;
}

bool CsvTable::hasColumn(const std::string& name) const {
    for (const auto& h : m_header)
        if (h == name) return true;
    return false;
}

size_t CsvTable::column(const std::string& name) const {
    for (size_t i = 0; i < m_header.size(); ++i)
        if (m_header[i] == name) return i;
    throw ChartInputError(m_path + ":1: expected a column named '" + name + "' in the header");
}

std::string CsvTable::where(size_t row) const { return m_path + ":" + std::to_string(m_lines[row]) + ": "; }

std::optional<double> CsvTable::optionalNumber(size_t row, size_t column) const {
    const std::string& field = m_rows[row][column];
    if (field.empty()) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (ec != std::errc() || end != field.data() + field.size() || std::isinf(value))
        throw ChartInputError(where(row) + "expected a number in column '" + m_header[column] + "', got '" + field + "'");
    if (std::isnan(value)) return std::nullopt;
    return value;
}

double CsvTable::number(size_t row, size_t column) const {
    const auto value = optionalNumber(row, column);
    if (!value)
        throw ChartInputError(where(row) + "expected a number in column '" + m_header[column] + "', got '" +
                              m_rows[row][column] + "'");
    return *value;
}

void CsvTable::checkNumbers(const std::vector<std::string>& required, const std::vector<std::string>& optional) const {
    for (const auto& name : required) {
        const size_t c = column(name);
        for (size_t row = 0; row < rows(); ++row) (void)number(row, c);
    }
    for (const auto& name : optional) {
        const size_t c = column(name);
        for (size_t row = 0; row < rows(); ++row) (void)optionalNumber(row, c);
    }
}

}  // namespace tsunagari::charts
