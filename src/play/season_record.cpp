#include "play/season_record.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "professions.h"

namespace tsunagari::play {

std::string stateHashText(uint64_t hash) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

nlohmann::json seasonJson(const PlaySession& session, const std::vector<ComparisonRow>& rows, const std::string& scenarioPath) {
    const World& world = session.world();
    const Attendee& you = world.attendees()[session.seat()];
    nlohmann::json history = nlohmann::json::array();
    for (const auto& p : session.trustHistory()) history.push_back({{"event", p.event}, {"day", p.day}, {"room_trust", p.roomTrust}});
    return {{"scenario", scenarioPath},
            {"seed", world.scenario().seed},
            {"seat", {{"id", you.id}, {"name", you.name}, {"profession", professions()[size_t(you.profession)].key}}},
            {"events", world.eventsDone()},
            {"state_hash", stateHashText(world.stateHash())},
            {"choices", ChoiceScript::recordJson(session.decisions())["choices"]},
            {"trust_history", history},
            {"comparison", comparisonJson(rows)}};
}

}  // namespace tsunagari::play
