#include "play_mode.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "play/season_record.h"
#include "scenario_io.h"

namespace tsunagari {

PlayMode::PlayMode(const Scenario& scenario, std::optional<uint32_t> seat)
    : m_scenario(scenario), m_session(scenario, seat) {}

bool PlayMode::stepRound() { return m_session.step() == play::StepOutcome::Stepped; }

bool PlayMode::answer(int number) {
    const auto& pending = m_session.pending();
    if (!pending) return false;
    if (pending->kind == play::DecisionKind::Talk) {
        if (number < 1 || number > 3) return false;
        const bool rest = restOfMeeting;
        restOfMeeting = false;
        return m_session.answerTalk(TalkChoice(number - 1), rest);
    }
    if (number < 1 || number > 4) return false;
    return m_session.answerReply(ReplyChoice(number - 1));
}

void PlayMode::finishWith(TalkChoice talk, ReplyChoice reply) {
    m_finish = play::ChoiceScript::always(talk, reply);
    m_session.setScript(&*m_finish);
}

void PlayMode::playAhead(int events, TalkChoice talk, ReplyChoice reply) {
    play::ChoiceScript script = play::ChoiceScript::always(talk, reply);
    m_session.setScript(&script);
    while (m_session.world().eventsDone() < events && m_session.step() == play::StepOutcome::Stepped) {}
    m_session.setScript(m_finish ? &*m_finish : nullptr);
}

void PlayMode::save(const std::string& scenarioPath) {
    try {
        const auto folder = std::filesystem::path(savePath).parent_path();
        std::error_code ec;
        if (!folder.empty()) std::filesystem::create_directories(folder, ec);
        writeFileAtomic(savePath, play::seasonJson(m_session, comparison(), scenarioPath).dump(2) + "\n");
        saveMessage = std::filesystem::absolute(savePath).string();
        saveFailed = false;
    } catch (const std::exception& e) {
        saveMessage = e.what();
        saveFailed = true;
    }
}

const std::vector<play::ComparisonRow>& PlayMode::comparison() {
    if (m_rows.empty() && m_session.seasonOver())
        m_rows = play::comparison(m_session.figures(), m_session.trustHistory(), m_scenario, m_session.seat());
    return m_rows;
}

}  // namespace tsunagari
