// Play as an attendee in the window: the session (play/play_session.h) whose world the
// window shows, what the player has chosen to do automatically, and the season's comparison
// with the built-in habits once it is over. Only the seat's own conversations are asked
// (one table a round, a handful a meeting); "the same for the rest of this meeting" answers
// the others of that meeting, and "finish the season" hands the rest to a fixed policy.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "play/choice_script.h"
#include "play/habit_comparison.h"
#include "play/play_session.h"

namespace tsunagari {

class PlayMode {
public:
    PlayMode(const Scenario& scenario, std::optional<uint32_t> seat);

    // One round (false when a decision waits or the season is over).
    bool stepRound();
    [[nodiscard]] bool waiting() const { return m_session.pending().has_value(); }
    [[nodiscard]] bool over() const { return m_session.seasonOver(); }
    // Answers by number as the keys do: a conversation 1 pitch, 2 listen, 3 book a 1-to-1;
    // a referral 1 report back, 2 thank, 3 both, 4 stay silent. False if nothing takes it.
    bool answer(int number);
    bool restOfMeeting = false;   // the next conversation answer also answers the rest of the meeting
    int finishTalk = int(TalkChoice::Listen);            // the policy offered by "finish the season"
    int finishReply = int(ReplyChoice::ReportAndThank);
    std::string savePath = "out/my_season.json";   // where "save" writes the season (a choices file for the CLI)
    std::string saveMessage;                        // the last save's result
    bool saveFailed = false;
    void save(const std::string& scenarioPath);
    // Hands the rest of the season to a fixed policy (nothing more is asked).
    void finishWith(TalkChoice talk, ReplyChoice reply);
    [[nodiscard]] bool finishing() const { return m_finish.has_value(); }
    // Plays up to `events` events with a fixed policy and then hands the seat back (pictures, demos).
    void playAhead(int events, TalkChoice talk, ReplyChoice reply);

    [[nodiscard]] play::PlaySession& session() { return m_session; }
    [[nodiscard]] const play::PlaySession& session() const { return m_session; }
    // The habits' seasons in the same seat, computed once when the season ends (empty before).
    [[nodiscard]] const std::vector<play::ComparisonRow>& comparison();
    [[nodiscard]] const Scenario& scenario() const { return m_scenario; }

private:
    Scenario m_scenario;
    play::PlaySession m_session;
    std::optional<play::ChoiceScript> m_finish;
    std::vector<play::ComparisonRow> m_rows;
};

}  // namespace tsunagari
