// "[####------] 12/40 cells  ETA 1:05" on one stderr line, redrawn at most ten times a
// second, for commands that run many replicates or cells (only on a terminal).
#pragma once
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace tsunagari::cli {

class CountProgress {
public:
    CountProgress(std::ostream& err, bool enabled, std::string unit) : m_err(err), m_enabled(enabled), m_unit(std::move(unit)) {}

    void operator()(size_t done, size_t total) {
        if (!m_enabled || total == 0) return;
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - m_last < std::chrono::milliseconds(100)) return;
        m_last = now;
        const double elapsed = std::chrono::duration<double>(now - m_start).count();
        const long eta = done > 0 ? long(elapsed / double(done) * double(total - done) + 0.5) : 0;
        constexpr size_t kWidth = 30;
        const size_t filled = kWidth * done / total;
        m_err << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '-') << "] " << done << "/" << total
              << " " << m_unit << "  ETA " << eta / 60 << ":" << (eta % 60 < 10 ? "0" : "") << eta % 60 << "  "
              << std::flush;
    }

    void clear() {
        if (m_enabled) m_err << "\r" << std::string(72, ' ') << "\r" << std::flush;
    }

private:
    std::ostream& m_err;
    bool m_enabled;
    std::string m_unit;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now(), m_last{};
};

}  // namespace tsunagari::cli
