// Whole-file reads in blocks, stopping at the cap instead of at the end of an endless device.
#include "capped_read.h"

#include <cerrno>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

#include "memory_limits.h"

namespace tsunagari {

namespace {
std::string errnoText(int err) { return std::generic_category().message(err); }
}  // namespace

std::string readFileCapped(const std::string& path, uint64_t maxBytes, std::string& content) {
    content.clear();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "cannot open: " + errnoText(errno);
    constexpr size_t kBlock = size_t(1) << 20;
    std::string problem;
    for (;;) {
        const size_t before = content.size();
        content.resize(before + kBlock);
        const ssize_t got = ::read(fd, content.data() + before, kBlock);
        if (got < 0 && errno == EINTR) {
            content.resize(before);
            continue;
        }
        if (got < 0) {
            problem = "cannot read: " + errnoText(errno);
            break;
        }
        content.resize(before + size_t(got));
        if (got == 0) break;
        if (content.size() > maxBytes) {
            problem = "cannot read: more than " + formatBytes(maxBytes) + ", the most this input may be (an endless device?)";
            break;
        }
    }
    ::close(fd);
    if (!problem.empty()) {
        content.clear();
        content.shrink_to_fit();
    }
    return problem;
}

}  // namespace tsunagari
