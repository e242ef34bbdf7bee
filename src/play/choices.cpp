#include "play/choices.h"

#include <array>

namespace tsunagari::play {

namespace {
constexpr std::array<const char*, 3> kTalk = {"pitch", "listen", "book"};
constexpr std::array<const char*, 4> kReply = {"report", "thank", "both", "silent"};
}  // namespace

const char* talkKey(TalkChoice c) { return kTalk[size_t(c)]; }
const char* replyKey(ReplyChoice c) { return kReply[size_t(c)]; }

std::optional<TalkChoice> talkFromKey(std::string_view key) {
    for (size_t i = 0; i < kTalk.size(); ++i)
        if (key == kTalk[i]) return TalkChoice(i);
    return std::nullopt;
}

std::optional<ReplyChoice> replyFromKey(std::string_view key) {
    for (size_t i = 0; i < kReply.size(); ++i)
        if (key == kReply[i]) return ReplyChoice(i);
    return std::nullopt;
}

std::string decisionKey(const Decision& d) {
    return d.situation.kind == DecisionKind::Talk ? talkKey(d.talk) : replyKey(d.reply);
}

}  // namespace tsunagari::play
