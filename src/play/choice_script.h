// Scripted play, so a season can be played headless: a fixed policy ("--always listen,both")
// or a choices file, a list of choices answered in order with an optional policy after it:
//   {"choices": ["listen", "pitch", "both", "book"], "then": {"talk": "listen", "reply": "thank"}}
// and optionally the season's "seed" and "seat": {"id": N} (a season saved by play --out or the window).
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "play/choices.h"

namespace tsunagari::play {

// A bad choices file or policy, or a script that cannot answer; what() is one line naming the source.
struct PlayError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ChoiceScript {
public:
    static ChoiceScript always(TalkChoice talk, ReplyChoice reply);
    // "listen,both": one talk and one reply key, in either order. `flag` names the source in errors.
    static ChoiceScript parsePolicy(const std::string& text, const std::string& flag);
    static ChoiceScript fromJson(const nlohmann::json& doc, const std::string& sourceName);
    static ChoiceScript fromFile(const std::string& path);    // also I/O and syntax errors
    // The record of a played season as a choices file that plays it again.
    static nlohmann::json recordJson(const std::vector<Decision>& decisions);

    // Answers `d.situation` (the script's next choice); false, with `error` set, when it cannot.
    bool answer(Decision& d, std::string& error);
    [[nodiscard]] std::string describe(bool japanese = false) const;   // "always listen, both" or "FILE (N choices, then ...)"
    // A saved season's seed and seat ({"seed": 3, "seat": {"id": 33}}), when the file gives them.
    [[nodiscard]] std::optional<uint64_t> seed() const { return m_seed; }
    [[nodiscard]] std::optional<uint32_t> seat() const { return m_seat; }

private:
    std::string m_source;
    std::vector<std::string> m_list;
    size_t m_next = 0;
    std::optional<TalkChoice> m_thenTalk;
    std::optional<ReplyChoice> m_thenReply;
    std::optional<uint64_t> m_seed;
    std::optional<uint32_t> m_seat;
};

}  // namespace tsunagari::play
