// Whole-file reads in blocks, stopping at the cap instead of at the end of an endless device.
#include "capped_read.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
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
    const std::string tooLarge = "cannot read: more than " + formatBytes(maxBytes) + ", the most this input may be";
    // A regular file says its size: refused at once if too large, else read without regrowing.
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
        if (uint64_t(info.st_size) > maxBytes) {
            ::close(fd);
            return tooLarge;
        }
        content.reserve(size_t(info.st_size) + 1);
    }
    constexpr size_t kBlock = size_t(1) << 20;
    std::string problem;
    for (;;) {
        const size_t before = content.size(), spare = content.capacity() - before;
        const size_t block = spare > 0 ? std::min(spare, kBlock) : kBlock;   // within the reserved size while it lasts
        content.resize(before + block);
        const ssize_t got = ::read(fd, content.data() + before, block);
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
            problem = tooLarge;
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
