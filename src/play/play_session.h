// A season played from one seat. Each step is one conversation round of the world (with the
// days before it). When the player must decide, the situation waits in pending() and the
// world shows the round as tried with placeholder answers (so a window shows the seat's
// table); once answered, the step is rolled back to where it began (a snapshot) and runs
// again with the answers given so far. A choice is always made on the state the player saw,
// and the same choices give the same season.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "play/choice_script.h"
#include "play/player_chooser.h"
#include "play/seat_figures.h"
#include "world.h"

namespace tsunagari::play {

enum class StepOutcome { Stepped, Decide, SeasonOver };

class PlaySession {
public:
    // The seat defaults to the newest member; throws PlayError for a seat that is not an active attendee.
    explicit PlaySession(const Scenario& scenario, std::optional<uint32_t> seat = std::nullopt);

    // With a script nothing waits for the player (nullptr: the player answers). Not owned.
    void setScript(ChoiceScript* script);
    StepOutcome step();                       // throws PlayError when the script cannot answer
    void playToEnd();                         // with a script: the rest of the season
    [[nodiscard]] const std::optional<Situation>& pending() const { return m_pending; }
    // Answers pending(); the wrong kind of answer is ignored (returns false).
    bool answerTalk(TalkChoice choice, bool restOfEvent = false);
    bool answerReply(ReplyChoice choice);

    [[nodiscard]] bool seasonOver() const;
    [[nodiscard]] int seasonEvents() const { return m_seasonEvents; }
    [[nodiscard]] const World& world() const { return *m_world; }
    // The same world for a window to draw (and edit between steps); one object for the whole season.
    [[nodiscard]] std::shared_ptr<World> sharedWorld() { return m_world; }
    [[nodiscard]] uint32_t seat() const { return m_seat; }
    [[nodiscard]] const std::vector<Decision>& decisions() const { return m_decisions; }
    [[nodiscard]] const std::vector<TrustPoint>& trustHistory() const { return m_trust; }
    [[nodiscard]] const std::vector<uint32_t>& bookings() const { return m_chooser.bookings; }
    [[nodiscard]] SeatFigures figures() const { return seatFigures(*m_world, m_seat); }

private:
    void commitStep();
    void rollBack();                          // to the start of the step tried, before it runs again
    std::shared_ptr<World> m_world;
    uint32_t m_seat = 0;
    int m_seasonEvents = 0;
    bool m_calendarOver = false;
    PlayerChooser m_chooser;
    ChoiceScript* m_script = nullptr;
    std::vector<Decision> m_given;            // the player's answers for the step being tried
    std::optional<Situation> m_pending;
    std::string m_before;                     // the world at the start of the step waiting for an answer
    std::vector<uint32_t> m_bookingsBefore;
    std::vector<Decision> m_decisions;
    std::vector<TrustPoint> m_trust;
};

}  // namespace tsunagari::play
