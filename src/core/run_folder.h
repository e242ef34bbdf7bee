// A run's output folder written whole or not at all: the files go into a fresh sibling folder
// that is then swapped in, under a lock, so two runs into one folder never leave a mix and a
// failure (or a killed run) leaves the previous folder as it was.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace tsunagari {

struct FolderFile {
    std::string name;       // a plain file name inside the folder
    std::string content;
};

// The sibling paths a swap of `dir` uses: "<parent>/.<name>.lock", ".<name>.new", ".<name>.old".
struct FolderSiblings {
    std::filesystem::path folder, lock, fresh, previous;
};
// Throws std::runtime_error (one line) for a path that has no folder name, such as "/".
[[nodiscard]] FolderSiblings folderSiblings(const std::filesystem::path& dir);

// Whether `path` lies inside `dir` or is one of its siblings above, so replacing `dir` would
// remove or overwrite it (symbolic links resolved).
[[nodiscard]] bool replacingFolderTouches(const std::filesystem::path& dir, const std::filesystem::path& path);

// Fails early, before any work: `dir` must be missing or a folder holding only files named in
// `ownNames` (a previous run's; a name ending in "/" is a folder of its own, e.g. "charts/"), and
// its parent must exist or be creatable (it is created).
// Throws std::runtime_error with one line naming the folder.
void checkReplaceableFolder(const std::filesystem::path& dir, const std::vector<std::string>& ownNames);

// Replaces `dir` with a folder holding exactly `files`. Waits while another process or thread
// replaces the same folder; first restores or removes what a killed replacement left behind.
// On failure the previous folder stays as it was. Throws std::runtime_error with one line.
void replaceFolder(const std::filesystem::path& dir, const std::vector<FolderFile>& files,
                   const std::vector<std::string>& ownNames);

}  // namespace tsunagari
