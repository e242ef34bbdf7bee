// A CSV file (RFC 4180, header row) read for charting, with errors that name the file and line.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace tsunagari::charts {

class CsvTable {
public:
    // Throws ChartInputError when the file is missing, empty or has a row of the wrong width.
    static CsvTable read(const std::string& path);

    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] size_t rows() const { return m_rows.size(); }
    // Index of a header column; throws ChartInputError naming the file and the missing column.
    [[nodiscard]] size_t column(const std::string& name) const;
    [[nodiscard]] bool hasColumn(const std::string& name) const;
    [[nodiscard]] const std::string& text(size_t row, size_t column) const { return m_rows[row][column]; }
    // A number; throws ChartInputError naming the file, line and column otherwise.
    [[nodiscard]] double number(size_t row, size_t column) const;
    // Like number(), but an empty field or "nan" is no value (an interval of one replicate).
    [[nodiscard]] std::optional<double> optionalNumber(size_t row, size_t column) const;
    // Every row's fields in these columns are numbers (or, in `optional` ones, empty or nan);
    // checked before drawing so a bad file leaves no picture behind.
    void checkNumbers(const std::vector<std::string>& required, const std::vector<std::string>& optional = {}) const;
    // "FILE:LINE: " for messages about a row.
    [[nodiscard]] std::string where(size_t row) const;

private:
    std::string m_path;
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
    std::vector<size_t> m_lines;  // 1-based file line where each row starts
};

}  // namespace tsunagari::charts
