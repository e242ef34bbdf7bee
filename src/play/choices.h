// The player's choices by name ("pitch", "thank", ...), as the CLI, choice files and the
// window's record spell them, and the situation each one answers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "seat.h"

namespace tsunagari::play {

enum class DecisionKind : uint8_t { Talk, Reply };

[[nodiscard]] const char* talkKey(TalkChoice c);      // "pitch", "listen", "book"
[[nodiscard]] const char* replyKey(ReplyChoice c);    // "report", "thank", "both", "silent"
[[nodiscard]] std::optional<TalkChoice> talkFromKey(std::string_view key);
[[nodiscard]] std::optional<ReplyChoice> replyFromKey(std::string_view key);
inline constexpr const char* kTalkKeys = "pitch, listen or book";
inline constexpr const char* kReplyKeys = "report, thank, both or silent";

// What the seat is asked about, as it stands when asked.
struct Situation {
    DecisionKind kind = DecisionKind::Talk;
    int day = 0;
    int event = 0;              // talk: the event (1-based); reply: the last event held (between events)
    uint32_t other = 0;         // talk: whom the seat talks with; reply: who referred the client
    double trustInSeat = 0;     // the other's trust in the seat at that moment
    bool lateWork = false;      // reply: the work was delivered late
    uint32_t referral = 0;      // reply: index in World::referrals()
};

struct Decision {
    Situation situation;
    TalkChoice talk = TalkChoice::Listen;        // when situation.kind is Talk
    ReplyChoice reply = ReplyChoice::Silent;     // when situation.kind is Reply
    bool automatic = false;                      // answered by "the same for the rest of this event"
};

[[nodiscard]] std::string decisionKey(const Decision& d);   // the choice's key

}  // namespace tsunagari::play
