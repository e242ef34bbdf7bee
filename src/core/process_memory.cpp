// Limits read from /proc/meminfo, getrlimit(RLIMIT_AS) with /proc/self/status, and the
// cgroup files of this process (v2 memory.max / v1 memory.limit_in_bytes).
#include "process_memory.h"

#include <fstream>
#include <sstream>
#include <sys/resource.h>

namespace tsunagari {

namespace {

// A "Key: <n> kB" line of a /proc file, in bytes.
std::optional<uint64_t> procKilobytes(const char* file, const std::string& wanted) {
    std::ifstream in(file);
    std::string key;
    uint64_t kb = 0;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        if (fields >> key >> kb && key == wanted) return kb * 1024;
    }
    return std::nullopt;
}

// A cgroup file holding one number; "max" or anything unreadable is no limit.
std::optional<uint64_t> cgroupNumber(const std::string& path) {
    std::ifstream in(path);
    uint64_t value = 0;
    if (in >> value) return value;
    return std::nullopt;
}

// What the limit in `dir` leaves beyond current use; v1 reports "no limit" as a number near 2^63.
std::optional<uint64_t> cgroupHeadroomIn(const std::string& dir, const char* limitFile, const char* usageFile) {
    const auto limit = cgroupNumber(dir + "/" + limitFile);
    if (!limit || *limit >= (uint64_t(1) << 60)) return std::nullopt;
    const uint64_t used = cgroupNumber(dir + "/" + usageFile).value_or(0);
    return *limit > used ? *limit - used : 0;
}

// The tightest cgroup limit of this process: its own group's directory, or the mount's root where
// a container shows its own group there (v2 memory.max, v1 memory.limit_in_bytes).
std::optional<uint64_t> cgroupHeadroom() {
    std::optional<uint64_t> tightest;
    const auto consider = [&tightest](std::optional<uint64_t> headroom) {
        if (headroom && (!tightest || *headroom < *tightest)) tightest = headroom;
    };
    std::ifstream self("/proc/self/cgroup");
    std::string line;
    while (std::getline(self, line)) {
        // "0::/path" (v2) or "4:memory:/path" (v1)
        const size_t first = line.find(':'), second = line.find(':', first + 1);
        if (first == std::string::npos || second == std::string::npos) continue;
        const std::string controllers = line.substr(first + 1, second - first - 1), group = line.substr(second + 1);
        if (controllers.empty()) {
            for (const std::string root : {"/sys/fs/cgroup", "/sys/fs/cgroup/unified"}) {
                consider(cgroupHeadroomIn(root + group, "memory.max", "memory.current"));
                consider(cgroupHeadroomIn(root, "memory.max", "memory.current"));
            }
        } else if (("," + controllers + ",").find(",memory,") != std::string::npos) {
            consider(cgroupHeadroomIn("/sys/fs/cgroup/memory" + group, "memory.limit_in_bytes", "memory.usage_in_bytes"));
            consider(cgroupHeadroomIn("/sys/fs/cgroup/memory", "memory.limit_in_bytes", "memory.usage_in_bytes"));
        }
    }
    return tightest;
}

std::optional<uint64_t> addressSpaceHeadroom() {
    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
    const uint64_t used = procKilobytes("/proc/self/status", "VmSize:").value_or(0);
    return limit.rlim_cur > used ? limit.rlim_cur - used : 0;
}

}  // namespace

std::optional<MemoryBudget> memoryBudget() {
    std::optional<MemoryBudget> budget;
    const auto consider = [&budget](std::optional<uint64_t> bytes, const char* limitedBy) {
        if (bytes && (!budget || *bytes < budget->bytes)) budget = MemoryBudget{*bytes, limitedBy};
    };
    consider(procKilobytes("/proc/meminfo", "MemAvailable:"), "this machine");
    consider(addressSpaceHeadroom(), "the address-space limit (ulimit -v)");
    consider(cgroupHeadroom(), "the cgroup's memory limit");
    return budget;
}

}  // namespace tsunagari
