#include "run_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <system_error>

#include "scenario_io.h"

namespace tsunagari {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& dir, const std::string& reason) {
    throw std::runtime_error("cannot write to '" + dir.string() + "': " + reason);
}

// Holds an exclusive flock on the lock file for its lifetime; flock locks held through separate
// opens exclude each other across processes and across threads alike.
class FolderLock {
public:
    FolderLock(const fs::path& lock, const fs::path& dir) {
        m_fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (m_fd < 0) fail(dir, "cannot open the lock file '" + lock.string() + "': " + std::generic_category().message(errno));
        while (::flock(m_fd, LOCK_EX) != 0)
            if (errno != EINTR) {
                const int err = errno;
                ::close(m_fd);
                fail(dir, "cannot lock '" + lock.string() + "': " + std::generic_category().message(err));
            }
    }
    ~FolderLock() { ::close(m_fd); }   // closing releases the lock
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int m_fd = -1;
};

// The first entry of `dir` that no run wrote, or "" when there is none (or no folder).
std::string foreignEntry(const fs::path& dir, const std::vector<std::string>& ownNames) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return "";
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const bool ownFile = std::find(ownNames.begin(), ownNames.end(), name) != ownNames.end() && entry.is_regular_file(ec);
        const bool ownFolder = std::find(ownNames.begin(), ownNames.end(), name + "/") != ownNames.end() && entry.is_directory(ec);
        if (!ownFile && !ownFolder) return name;
    }
    if (ec) fail(dir, ec.message());
    return "";
}

void checkFolderState(const fs::path& dir, const std::vector<std::string>& ownNames) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) fail(dir, "it exists and is not a directory");
    const std::string foreign = foreignEntry(dir, ownNames);
    if (!foreign.empty())
        fail(dir, "it holds '" + foreign + "', which is not a report of a run; the folder is replaced as a whole, "
                  "so choose another --out or move that file");
}

// A killed replacement leaves `fresh` (partly written) and maybe `previous` with the folder
// renamed away: put the previous folder back, then clear both.
void recoverFromKilledSwap(const FolderSiblings& s) {
    std::error_code ec;
    if (!fs::exists(s.folder, ec) && fs::is_directory(s.previous, ec)) fs::rename(s.previous, s.folder, ec);
    fs::remove_all(s.fresh, ec);
    fs::remove_all(s.previous, ec);
}

}  // namespace

FolderSiblings folderSiblings(const fs::path& dir) {
    fs::path folder = fs::absolute(dir).lexically_normal();
    if (folder.filename().empty()) folder = folder.parent_path();   // "out/run/" names "out/run"
    const std::string name = folder.filename().string();
    if (name.empty() || name == "." || name == ".." || folder == folder.root_path())
        fail(dir, "it is not a folder that can be replaced; give a folder of its own");
    const fs::path parent = folder.parent_path();
    return {folder, parent / ("." + name + ".lock"), parent / ("." + name + ".new"), parent / ("." + name + ".old")};
}

bool replacingFolderTouches(const fs::path& dir, const fs::path& path) {
    const FolderSiblings s = folderSiblings(dir);
    std::error_code ec;
    const auto resolved = [&](const fs::path& p) {
        const fs::path r = fs::weakly_canonical(fs::absolute(p), ec);
        return ec ? fs::absolute(p).lexically_normal() : r;
    };
    const fs::path target = resolved(path);
    for (const fs::path& sibling : {s.lock, s.fresh, s.previous})
        if (target == resolved(sibling)) return true;
    const fs::path inside = target.lexically_relative(resolved(s.folder));
    return !inside.empty() && *inside.begin() != "..";
}

void checkReplaceableFolder(const fs::path& dir, const std::vector<std::string>& ownNames) {
    const FolderSiblings s = folderSiblings(dir);
    checkFolderState(s.folder, ownNames);
    std::error_code ec;
    fs::create_directories(s.folder.parent_path(), ec);
    if (ec) fail(dir, "cannot create its parent folder: " + ec.message());
}

void replaceFolder(const fs::path& dir, const std::vector<FolderFile>& files, const std::vector<std::string>& ownNames) {
    const FolderSiblings s = folderSiblings(dir);
    std::error_code ec;
    fs::create_directories(s.folder.parent_path(), ec);
    if (ec) fail(dir, "cannot create its parent folder: " + ec.message());
    const FolderLock lock(s.lock, dir);
    recoverFromKilledSwap(s);
    checkFolderState(s.folder, ownNames);   // again: something may have appeared meanwhile

    fs::create_directory(s.fresh, ec);
    if (ec) fail(dir, "cannot create '" + s.fresh.string() + "': " + ec.message());
    try {
        for (const FolderFile& file : files) writeFileAtomic((s.fresh / file.name).string(), file.content);
    } catch (const std::exception& e) {
        fs::remove_all(s.fresh, ec);
        fail(dir, e.what());
    }

    const bool hadFolder = fs::exists(s.folder, ec);
    if (hadFolder) {
        fs::rename(s.folder, s.previous, ec);
        if (ec) {
            const std::string reason = ec.message();
            fs::remove_all(s.fresh, ec);
            fail(dir, "cannot move the previous folder aside: " + reason);
        }
    }
    fs::rename(s.fresh, s.folder, ec);
    if (ec) {
        const std::string reason = ec.message();
        if (hadFolder) fs::rename(s.previous, s.folder, ec);
        fs::remove_all(s.fresh, ec);
        fail(dir, "cannot move the new folder in: " + reason);
    }
    fs::remove_all(s.previous, ec);   // a leftover is removed by the next replacement
}

}  // namespace tsunagari
