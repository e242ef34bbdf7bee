#include "play_command.h"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "play/habit_comparison.h"
#include "play/play_session.h"
#include "play/season_record.h"
#include "professions.h"
#include "report.h"
#include "scenario_io.h"
#include "scenario_settings.h"
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

}  // namespace

int runPlay(const PlayOptions& o, std::ostream& out, std::ostream& err) {
    Scenario scenario = scenarioWithSettings(readJsonFile(o.scenario), o.settings, std::nullopt, o.scenario);
    try {
        play::ChoiceScript script = o.choices.empty() ? play::ChoiceScript::parsePolicy(o.always, "--always")
                                                      : play::ChoiceScript::fromFile(o.choices);
        // A saved season brings its seed and seat; the flags still win.
        if (const auto seed = o.seed ? o.seed : script.seed()) scenario.seed = *seed;
        play::PlaySession session(scenario, o.seat ? o.seat : script.seat());
        session.setScript(&script);
        session.playToEnd();

        const World& world = session.world();
        const Attendee& you = world.attendees()[session.seat()];
        const Profession& trade = professions()[size_t(you.profession)];
        const ChoiceCounts counts = countChoices(session.decisions());
        const auto rows = play::comparison(session.figures(), session.trustHistory(), scenario, session.seat());
        const auto& trust = session.trustHistory();

        const int talks = counts.talk[0] + counts.talk[1] + counts.talk[2];
        const int replies = counts.reply[0] + counts.reply[1] + counts.reply[2] + counts.reply[3];
        if (o.japanese) {
            out << "席: " << printableText(you.name) << "(" << trade.nameJa << ")、イベント " << world.eventsDone()
                << " 回、シード " << scenario.seed << "、" << script.describe(true) << "\n";
            out << "会話 " << talks << " 回(売り込む " << counts.talk[0] << "、話を聴く " << counts.talk[1]
                << "、1to1を申し込む " << counts.talk[2] << ")、紹介された仕事 " << replies << " 件(報告 " << counts.reply[0]
                << "、お礼 " << counts.reply[1] << "、報告とお礼 " << counts.reply[2] << "、何もしない " << counts.reply[3] << ")\n";
            out << "周囲からあなたへの平均の信頼: 開始 " << formatFixed(trust.front().roomTrust, 3) << "、終了 "
                << formatFixed(trust.back().roomTrust, 3) << "\n\n";
        } else {
            out << "Seat: " << printableText(you.name) << " (" << trade.nameEn << "), " << world.eventsDone()
                << " events, seed " << scenario.seed << ", " << script.describe() << "\n";
            out << "Conversations " << talks << " (pitch " << counts.talk[0] << ", listen " << counts.talk[1]
                << ", book a 1-to-1 " << counts.talk[2] << "), referred jobs delivered " << replies << " (report "
                << counts.reply[0] << ", thank " << counts.reply[1] << ", both " << counts.reply[2] << ", silent "
                << counts.reply[3] << ")\n";
            out << "Others' mean trust in you: start " << formatFixed(trust.front().roomTrust, 3) << ", end "
                << formatFixed(trust.back().roomTrust, 3) << "\n\n";
        }
        out << play::comparisonText(rows, o.japanese);

        if (!o.out.empty()) {
            const nlohmann::json doc = play::seasonJson(session, rows, o.scenario);
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
