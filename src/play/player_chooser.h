// The seat's chooser during play: answers given by the player for the step being tried,
// then "the same for the rest of this event", then a script if there is one. A situation
// nobody has answered yet is kept (the first of them) and met with a placeholder; the
// session then rolls the step back and asks the player (play_session.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "play/choice_script.h"
#include "play/choices.h"
#include "world.h"

namespace tsunagari::play {

class PlayerChooser final : public SeatChooser {
public:
    // Before each try of a step: the answers the player has given for it, in order.
    void beginTry(const std::vector<Decision>* given) {
        m_given = given;
        m_used = 0;
        m_tried.clear();
        m_unanswered.reset();
    }
    void setScript(ChoiceScript* script) { m_script = script; }
    void setAutoTalk(std::optional<TalkChoice> talk, int event) { m_autoTalk = talk; m_autoEvent = event; }

    TalkChoice talk(const World& world, uint32_t other) override;
    ReplyChoice reply(const World& world, const Referral& referral) override;
    std::vector<uint32_t> oneToOneWishes(const World& world) override;

    [[nodiscard]] const std::vector<Decision>& tried() const { return m_tried; }   // this try's decisions
    [[nodiscard]] const std::optional<Situation>& unanswered() const { return m_unanswered; }
    [[nodiscard]] const std::string& scriptError() const { return m_scriptError; }

    // People the seat has asked for a 1-to-1 and not met yet, oldest first.
    std::vector<uint32_t> bookings;

private:
    bool answer(Decision& d);
    const std::vector<Decision>* m_given = nullptr;
    size_t m_used = 0;
    std::vector<Decision> m_tried;
    std::optional<Situation> m_unanswered;
    ChoiceScript* m_script = nullptr;
    std::string m_scriptError;
    std::optional<TalkChoice> m_autoTalk;
    int m_autoEvent = 0;
};

}  // namespace tsunagari::play
