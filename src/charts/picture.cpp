// The temporary folder lives inside the charts folder so the final rename stays on one file
// system (atomic: a reader sees the old picture or the new one, never half of one).
#include "picture.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

#include "chart_style.h"
#include "gnuplot_process.h"

namespace tsunagari::charts {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void cannotWrite(const fs::path& path, const std::string& why) {
    throw ChartOutputError("cannot write " + path.string() + ": " + why);
}

class TemporaryFolder {
public:
    explicit TemporaryFolder(const fs::path& parent) {
        std::string pattern = (parent / ".chart-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) cannotWrite(parent, std::strerror(errno));
        m_path = fs::absolute(pattern);
    }
    ~TemporaryFolder() {
        std::error_code ignored;  // nothing useful to do if cleaning up fails
        fs::remove_all(m_path, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

void writeWhole(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    out.close();
    if (!out) cannotWrite(path, "the file could not be written");
}

}  // namespace

std::vector<std::string> drawPicture(const Picture& picture, const fs::path& outDir, const ChartOptions& options) {
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec) cannotWrite(outDir, ec.message());
    TemporaryFolder work(outDir);
    for (const auto& [name, content] : picture.dataFiles) writeWhole(work.path() / name, content);

    std::vector<std::pair<PictureFormat, const char*>> formats;
    if (options.png) formats.push_back({PictureFormat::Png, ".png"});
    if (options.svg) formats.push_back({PictureFormat::Svg, ".svg"});
    // Both formats from one gnuplot process: starting it is most of a chart's cost.
    std::string script;
    for (const auto& [format, extension] : formats)
        script += terminalCommand(format, options.language, picture.height) + "set output " +
                  gnuplotString(std::string("picture") + extension) + "\nreset\n" + commonSettings() + picture.commands +
                  "unset output\n";
    writeWhole(work.path() / "picture.gp", script);
    runGnuplot(work.path(), "picture.gp");  // relative: the message then names picture.gp, not a temporary path

    std::vector<std::string> written;
    for (const auto& [format, extension] : formats) {
        const fs::path drawn = work.path() / (std::string("picture") + extension);
        const fs::path target = outDir / (picture.name + extension);
        if (fs::file_size(drawn, ec) == 0 || ec) cannotWrite(target, "gnuplot drew nothing");
        if (std::rename(drawn.c_str(), target.c_str()) != 0) cannotWrite(target, std::strerror(errno));
        written.push_back(target.string());
    }
    return written;
}

std::vector<std::string> drawPictures(const std::vector<Picture>& pictures, const fs::path& outDir,
                                      const ChartOptions& options) {
    std::vector<std::string> written;
    for (const Picture& picture : pictures) {
        const auto files = drawPicture(picture, outDir, options);
        written.insert(written.end(), files.begin(), files.end());
    }
    return written;
}

}  // namespace tsunagari::charts
