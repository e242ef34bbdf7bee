#include "play_command.h"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "play/habit_comparison.h"
#include "play/play_session.h"
#include "professions.h"
#include "report.h"
#include "scenario_io.h"
#include "text_encoding.h"

namespace tsunagari::cli {

namespace {

struct ChoiceCounts {
    std::array<int, 3> talk{};
    std::array<int, 4> reply{};
};

ChoiceCounts countChoices(const std::vector<play::Decision>& decisions) {
    ChoiceCounts c;
    for (const auto& d : decisions) {
        if (d.situation.kind == play::DecisionKind::Talk) ++c.talk[size_t(d.talk)];
        else ++c.reply[size_t(d.reply)];
    }
    return c;
}

std::string stateHashText(uint64_t hash) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

}  // namespace

int runPlay(const PlayOptions& o, std::ostream& out, std::ostream& err) {
    Scenario scenario = loadScenarioFile(o.scenario);
    if (o.seed) scenario.seed = *o.seed;
    try {
        play::ChoiceScript script = o.choices.empty() ? play::ChoiceScript::parsePolicy(o.always, "--always")
                                                      : play::ChoiceScript::fromFile(o.choices);
        play::PlaySession session(scenario, o.seat);
        session.setScript(&script);
        session.playToEnd();

        const World& world = session.world();
        const Attendee& you = world.attendees()[session.seat()];
        const Profession& trade = professions()[size_t(you.profession)];
        const ChoiceCounts counts = countChoices(session.decisions());
        const auto rows = play::comparison(session.figures(), scenario, session.seat());
        const auto& trust = session.trustHistory();

        if (o.japanese) {
            out << "席: " << printableText(you.name) << "(" << trade.nameJa << ")、" << world.eventsDone()
                << "回のイベント、シード " << scenario.seed << "、" << script.describe() << "\n";
            out << "会話 " << session.decisions().size() - size_t(counts.reply[0] + counts.reply[1] + counts.reply[2] + counts.reply[3])
                << "回(売り込む " << counts.talk[0] << "、話を聴く " << counts.talk[1] << "、1対1を予約 " << counts.talk[2]
                << ")、紹介の納品 " << counts.reply[0] + counts.reply[1] + counts.reply[2] + counts.reply[3] << "件(報告 "
                << counts.reply[0] << "、お礼 " << counts.reply[1] << "、報告とお礼 " << counts.reply[2] << "、何もしない "
                << counts.reply[3] << ")\n";
            out << "あなたへの平均信頼: 開始 " << formatFixed(trust.front().roomTrust, 3) << " → 終了 "
                << formatFixed(trust.back().roomTrust, 3) << "\n\n";
        } else {
            out << "Seat: " << printableText(you.name) << " (" << trade.nameEn << "), " << world.eventsDone()
                << " events, seed " << scenario.seed << ", " << script.describe() << "\n";
            out << "Conversations " << counts.talk[0] + counts.talk[1] + counts.talk[2] << " (pitch " << counts.talk[0]
                << ", listen " << counts.talk[1] << ", book a 1-to-1 " << counts.talk[2] << "), referrals delivered "
                << counts.reply[0] + counts.reply[1] + counts.reply[2] + counts.reply[3] << " (report " << counts.reply[0]
                << ", thank " << counts.reply[1] << ", both " << counts.reply[2] << ", silent " << counts.reply[3] << ")\n";
            out << "Others' mean trust in you: start " << formatFixed(trust.front().roomTrust, 3) << ", end "
                << formatFixed(trust.back().roomTrust, 3) << "\n\n";
        }
        out << play::comparisonText(rows, o.japanese);

        if (!o.out.empty()) {
            nlohmann::json history = nlohmann::json::array();
            for (const auto& p : trust) history.push_back({{"event", p.event}, {"day", p.day}, {"room_trust", p.roomTrust}});
            nlohmann::json doc = {{"scenario", o.scenario},
                                  {"seed", scenario.seed},
                                  {"seat", {{"id", you.id}, {"name", you.name}, {"profession", trade.key}}},
                                  {"events", world.eventsDone()},
                                  {"state_hash", stateHashText(world.stateHash())},
                                  {"choices", play::ChoiceScript::recordJson(session.decisions())["choices"]},
                                  {"trust_history", history},
                                  {"comparison", play::comparisonJson(rows)}};
            try {
                writeFileAtomic(o.out, doc.dump(2) + "\n");
            } catch (const std::runtime_error& e) {
                err << "tsunagari-cli play: --out " << o.out << ": " << e.what() << "\n";
                return kExitOutputFailed;
            }
        }
    } catch (const play::PlayError& e) {
        err << "tsunagari-cli play: " << e.what() << "\n";
        return kExitBadInput;
    }
    return kExitOk;
}

}  // namespace tsunagari::cli
