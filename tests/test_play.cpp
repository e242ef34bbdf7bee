// Playing as an attendee: a seat's chooser changes nothing else, a player's answers and a
// script with the same choices give the same season, the seed posts' lessons show through the
// player's seat, and bad choices are refused with one line.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "play/habit_comparison.h"
#include "play/play_session.h"
#include "play/season_record.h"
#include "gui/play_mode.h"
#include "scenario_io.h"
#include "traits.h"

using namespace tsunagari;
using namespace tsunagari::play;
namespace fs = std::filesystem;

namespace {

const std::string kNewcomer = std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/newcomer.json";

Scenario newcomer(uint64_t seed, int events) {
    Scenario s = loadScenarioFile(kNewcomer);
    s.seed = seed;
    s.events = events;
    return s;
}

// Answers what a habit with certain traits (0 or 1) would have drawn anyway.
struct CertainHabit final : SeatChooser {
    bool pitches = false, replies = false;
    int asked = 0;
    TalkChoice talk(const World&, uint32_t) override { ++asked; return pitches ? TalkChoice::Pitch : TalkChoice::Listen; }
    ReplyChoice reply(const World&, const Referral&) override {
        ++asked;
        return replies ? ReplyChoice::ReportAndThank : ReplyChoice::Silent;
    }
    std::vector<uint32_t> oneToOneWishes(const World&) override { ++asked; return {}; }
};

uint64_t seasonHash(const Scenario& s, uint32_t seat, const Traits& traits, SeatChooser* chooser) {
    World world(s);
    world.setMemberTraits(seat, traits);
    world.setSeat(seat, chooser);
    world.runEvents(s.events);
    return world.stateHash();
}

// A player who answers by a rule of the situation, as a person at the window would.
void answerLikeAPlayer(PlaySession& session) {
    const Situation& s = *session.pending();
    if (s.kind == DecisionKind::Talk)
        session.answerTalk(s.other % 3 == 0 ? TalkChoice::Pitch : s.other % 3 == 1 ? TalkChoice::Listen : TalkChoice::BookOneToOne,
                           s.event % 5 == 0);
    else
        session.answerReply(ReplyChoice(s.referral % 4));
}

struct Result {
    int code = -1;
    std::string out, err;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Result cli(const std::string& args) {
    const fs::path dir = fs::temp_directory_path() / ("tsunagari-play-test-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string command = std::string("'") + TSUNAGARI_CLI + "' " + args + " >'" + (dir / "out").string() + "' 2>'" +
                                (dir / "err").string() + "'";
    const int status = std::system(command.c_str());
    Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out"), slurp(dir / "err")};
    fs::remove_all(dir);
    return r;
}

}  // namespace

TEST_CASE("play: a seat whose chooser answers as its certain habit would leaves the season unchanged") {
    // The habit's draws are taken either way, so a chooser that agrees with a certain habit
    // (traits of 0 or 1) leaves every draw, every tie and every referral where they were.
    for (const uint64_t seed : {1u, 7u}) {
        const Scenario s = newcomer(seed, 60);
        World probe(s);
        const uint32_t seat = newestMember(probe);
        for (const bool certain : {false, true}) {
            Traits traits = probe.attendees()[seat].traits;
            traits[Trait::PitchPressure] = certain ? 1.0 : 0.0;
            traits[Trait::ReportBack] = traits[Trait::Gratitude] = certain ? 1.0 : 0.0;
            traits[Trait::Breadth] = 1.0;   // never asks for a 1-to-1 on its own
            CertainHabit chooser;
            chooser.pitches = chooser.replies = certain;
            CHECK(seasonHash(s, seat, traits, &chooser) == seasonHash(s, seat, traits, nullptr));
            CHECK(chooser.asked > 100);
        }
    }
}

TEST_CASE("play: answers given one at a time and the same choices as a script give the same season") {
    const Scenario s = newcomer(3, 24);
    PlaySession player(s);
    int asked = 0;
    while (true) {
        const StepOutcome o = player.step();
        if (o == StepOutcome::SeasonOver) break;
        if (o == StepOutcome::Decide) {
            ++asked;
            answerLikeAPlayer(player);
        }
    }
    const auto automatic = std::count_if(player.decisions().begin(), player.decisions().end(),
                                         [](const Decision& d) { return d.automatic; });
    CHECK(asked > 50);
    CHECK(automatic > 0);
    CHECK(size_t(asked) + size_t(automatic) == player.decisions().size());

    ChoiceScript script = ChoiceScript::fromJson(ChoiceScript::recordJson(player.decisions()), "record");
    PlaySession replay(s);
    replay.setScript(&script);
    replay.playToEnd();
    CHECK(replay.world().stateHash() == player.world().stateHash());
    REQUIRE(replay.decisions().size() == player.decisions().size());
    for (size_t i = 0; i < replay.decisions().size(); ++i) {
        CHECK(replay.decisions()[i].situation.other == player.decisions()[i].situation.other);
        CHECK(replay.decisions()[i].situation.day == player.decisions()[i].situation.day);
    }
    CHECK(replay.trustHistory().back().roomTrust == player.trustHistory().back().roomTrust);

    ChoiceScript again = ChoiceScript::fromJson(ChoiceScript::recordJson(player.decisions()), "record");
    PlaySession third(s);
    third.setScript(&again);
    third.playToEnd();
    CHECK(third.world().stateHash() == replay.world().stateHash());
}

TEST_CASE("play: a saved season plays again with its own seed and seat") {
    Scenario s = newcomer(9, 20);
    ChoiceScript policy = ChoiceScript::parsePolicy("book,report", "test");
    PlaySession played(s, 31u);
    played.setScript(&policy);
    played.playToEnd();
    const nlohmann::json saved = nlohmann::json::parse(seasonJson(played, {}, "newcomer.json").dump());
    CHECK(saved["state_hash"] == stateHashText(played.world().stateHash()));
    ChoiceScript again = ChoiceScript::fromJson(saved, "saved.json");
    REQUIRE(again.seed().has_value());
    REQUIRE(again.seat().has_value());
    CHECK(*again.seed() == 9u);
    CHECK(*again.seat() == 31u);
    s.seed = *again.seed();
    PlaySession replay(s, again.seat());
    replay.setScript(&again);
    replay.playToEnd();
    CHECK(replay.world().stateHash() == played.world().stateHash());
}

TEST_CASE("play: a 1-to-1 booked at a conversation is held at a following session, and the booking is then cleared") {
    // Members ask in a shuffled order, so the booked member may already be taken at the next
    // session by someone who asked first; the booking waits for the next one (seat.cpp).
    const Scenario s = newcomer(2, 12);   // six weeks of chapter, 1-to-1s
    PlaySession session(s);
    uint32_t booked = World::kNoSeat;
    bool metBooked = false;
    while (true) {
        const StepOutcome o = session.step();
        if (o == StepOutcome::SeasonOver) break;
        if (o == StepOutcome::Decide) {
            const Situation& p = *session.pending();
            if (p.kind == DecisionKind::Reply) session.answerReply(ReplyChoice::Thank);
            else if (booked == World::kNoSeat) {
                booked = p.other;
                session.answerTalk(TalkChoice::BookOneToOne);
            } else {
                session.answerTalk(TalkChoice::Listen);
            }
            continue;
        }
        const EventState& ev = session.world().event();
        if (ev.kind != EventKind::OneToOnes || ev.inProgress) continue;
        for (size_t i = 0; i + 1 < ev.groupMembers.size(); i += 2)
            metBooked = metBooked || (ev.groupMembers[i] == session.seat() && ev.groupMembers[i + 1] == booked);
        if (metBooked) break;
    }
    CHECK(booked != World::kNoSeat);
    CHECK(metBooked);
    CHECK(session.bookings().empty());
}

TEST_CASE("play: always pitching ends with less trust and fewer referrals than listening and thanking") {
    // Lessons L1 and L2 through the player's seat in the newcomer's chapter, over 20 seeds.
    ChoiceScript pitch = ChoiceScript::parsePolicy("pitch,silent", "test");
    ChoiceScript listen = ChoiceScript::parsePolicy("listen,thank", "test");
    constexpr int kSeeds = 20;
    int lessTrust = 0;
    double pitchReferrals = 0, listenReferrals = 0, pitchTrust = 0, listenTrust = 0;
    for (int seed = 1; seed <= kSeeds; ++seed) {
        const Scenario s = newcomer(uint64_t(seed), 106);
        PlaySession pitcher(s), listener(s);
        pitcher.setScript(&pitch);
        listener.setScript(&listen);
        pitcher.playToEnd();
        listener.playToEnd();
        const SeatFigures p = pitcher.figures(), l = listener.figures();
        CHECK(p.referralsReceived <= l.referralsReceived);
        lessTrust += p.roomTrust < l.roomTrust;
        pitchReferrals += p.referralsReceived;
        listenReferrals += l.referralsReceived;
        pitchTrust += p.roomTrust;
        listenTrust += l.roomTrust;
    }
    MESSAGE("mean referrals: pitch " << pitchReferrals / kSeeds << ", listen and thank " << listenReferrals / kSeeds
            << "; room trust " << pitchTrust / kSeeds << " vs " << listenTrust / kSeeds);
    CHECK(lessTrust == kSeeds);
    CHECK(pitchReferrals < listenReferrals);
}

TEST_CASE("play: with the pitch backlash off, pitching and listening give the same season") {
    // The other side of the lesson above: it comes from its mechanism, not from the seat's choice as such.
    ChoiceScript pitch = ChoiceScript::parsePolicy("pitch,silent", "test");
    ChoiceScript listen = ChoiceScript::parsePolicy("listen,silent", "test");
    for (const uint64_t seed : {1u, 2u, 3u}) {
        Scenario s = newcomer(seed, 60);
        s.mechanisms[Mechanism::PitchBacklash] = false;
        PlaySession pitcher(s), listener(s);
        pitcher.setScript(&pitch);
        listener.setScript(&listen);
        pitcher.playToEnd();
        listener.playToEnd();
        CHECK(pitcher.world().stateHash() == listener.world().stateHash());
        CHECK(pitcher.world().attendees()[pitcher.seat()].counters.pitches > 100);
        CHECK(listener.world().attendees()[listener.seat()].counters.pitches == 0);
    }
}

TEST_CASE("play: reporting back and thanking bring more repeat referrals than silence") {
    // Lesson L2 through the player's seat: the same listening seat, replies apart, over 20 seeds.
    ChoiceScript both = ChoiceScript::parsePolicy("listen,both", "test");
    ChoiceScript silent = ChoiceScript::parsePolicy("listen,silent", "test");
    constexpr int kSeeds = 20;
    double bothRepeats = 0, silentRepeats = 0;
    int fewer = 0;
    for (int seed = 1; seed <= kSeeds; ++seed) {
        // Two years: first referrals come after about half a year (calibrate), repeats after that.
        const Scenario s = newcomer(uint64_t(seed), 212);
        PlaySession thanking(s), quiet(s);
        thanking.setScript(&both);
        quiet.setScript(&silent);
        thanking.playToEnd();
        quiet.playToEnd();
        bothRepeats += thanking.figures().repeatReferrals;
        silentRepeats += quiet.figures().repeatReferrals;
        fewer += quiet.figures().repeatReferrals > thanking.figures().repeatReferrals;
    }
    MESSAGE("mean repeat referrals: report and thank " << bothRepeats / kSeeds << ", silent " << silentRepeats / kSeeds
            << "; silence ahead on " << fewer << " seeds");
    CHECK(bothRepeats > 1.5 * silentRepeats);
    CHECK(fewer <= 2);
}

TEST_CASE("play: with the gratitude effect off, reporting back and thanking change nothing") {
    ChoiceScript both = ChoiceScript::parsePolicy("listen,both", "test");
    ChoiceScript silent = ChoiceScript::parsePolicy("listen,silent", "test");
    for (const uint64_t seed : {1u, 2u}) {
        Scenario s = newcomer(seed, 106);
        s.mechanisms[Mechanism::GratitudeEffect] = false;
        PlaySession thanking(s), quiet(s);
        thanking.setScript(&both);
        quiet.setScript(&silent);
        thanking.playToEnd();
        quiet.playToEnd();
        CHECK(thanking.figures().referralsReceived > 0);
        CHECK(thanking.world().stateHash() == quiet.world().stateHash());
    }
}

TEST_CASE("play: the habits' seasons in the same seat are the archetypes' and repeat exactly") {
    const Scenario s = newcomer(5, 30);
    World probe(s);
    const auto rows = habitRows(s, newestMember(probe));
    REQUIRE(rows.size() == archetypes().size());
    CHECK(rows[0].key == archetypes()[0].key);
    const auto again = habitRows(s, newestMember(probe));
    for (size_t i = 0; i < rows.size(); ++i) {
        REQUIRE(rows[i].trust.size() == 31);   // before the first event, then after each of 30
        CHECK(rows[i].trust.back().roomTrust == rows[i].figures.roomTrust);
        CHECK(rows[i].figures.referralsReceived == again[i].figures.referralsReceived);
        CHECK(rows[i].figures.roomTrust == again[i].figures.roomTrust);
    }
    const auto table = comparison(SeatFigures{}, {}, s, newestMember(probe));
    CHECK(table.front().key == "you");
    CHECK(comparisonJson(table).size() == rows.size() + 1);
}

TEST_CASE("play: bad choice files and policies give one clear line") {
    using nlohmann::json;
    const auto message = [](auto&& make) -> std::string {
        try {
            make();
        } catch (const PlayError& e) {
            return e.what();
        }
        return "(no error)";
    };
    CHECK(message([] { (void)ChoiceScript::parsePolicy("listen", "--always"); }) ==
          "--always: expected TALK,REPLY with TALK one of pitch, listen or book and REPLY one of report, thank, both or "
          "silent, found \"listen\"");
    CHECK(message([] { (void)ChoiceScript::parsePolicy("pitch,listen", "--always"); }).find("found \"pitch,listen\"") !=
          std::string::npos);
    CHECK(message([] { (void)ChoiceScript::fromJson(json::parse(R"({"choices": ["listen", 3]})"), "c.json"); }) ==
          "c.json: choices[1]: expected one of pitch, listen, book (a conversation) or report, thank, both, silent (a "
          "referral), found 3");
    CHECK(message([] { (void)ChoiceScript::fromJson(json::parse(R"({"then": {"talk": "shout"}})"), "c.json"); }) ==
          "c.json: then.talk: expected one of pitch, listen or book, found \"shout\"");
    CHECK(message([] { (void)ChoiceScript::fromJson(json::parse(R"({"choise": []})"), "c.json"); }) ==
          "c.json: choise: unknown key; expected choices or then");
    CHECK(message([] { (void)ChoiceScript::fromJson(json::parse(R"({"seed": -1})"), "c.json"); }) ==
          "c.json: seed: expected a whole number >= 0, found -1");
    CHECK(message([] { (void)ChoiceScript::fromJson(json::parse(R"({"seat": 3})"), "c.json"); }) ==
          "c.json: seat: expected {\"id\": an attendee id}, found 3");
    CHECK(message([] { (void)ChoiceScript::fromJson(json::parse("[]"), "c.json"); }).rfind("c.json: (document): expected an object", 0) == 0);

    // A choice of the wrong kind, and a list that runs out, are found while playing.
    const Scenario s = newcomer(1, 4);
    ChoiceScript wrongKind = ChoiceScript::fromJson(json::parse(R"({"choices": ["listen", "thank"]})"), "c.json");
    PlaySession first(s);
    first.setScript(&wrongKind);
    CHECK(message([&] { first.playToEnd(); }) ==
          "c.json: choices[1] is \"thank\", but decision 2 (day 0) is a conversation; expected one of pitch, listen or book");
    ChoiceScript short_ = ChoiceScript::fromJson(json::parse(R"({"choices": ["listen"]})"), "c.json");
    PlaySession second(s);
    second.setScript(&short_);
    CHECK(message([&] { second.playToEnd(); }) ==
          "c.json: the 1 choices ran out at decision 2 (a conversation on day 0); add choices or a \"then\": {\"talk\": "
          "...} policy");
    CHECK(message([&] { PlaySession bad(s, 999); }) == "--seat: expected an attendee id from 0 to 33, found 999");

    // Through the command line: exit 2 and the one line.
    const Result missing = cli("play '" + kNewcomer + "'");
    CHECK(missing.code == 2);
    CHECK(missing.err ==
          "tsunagari-cli play: give exactly one of --always TALK,REPLY (e.g. listen,both) or --choices FILE; the window "
          "plays interactively\n");
    const Result noFile = cli("play '" + kNewcomer + "' --choices /nonexistent/choices.json");
    CHECK(noFile.code == 2);
    CHECK(noFile.err == "tsunagari-cli play: /nonexistent/choices.json: cannot open: No such file or directory\n");
    const Result ok = cli("play '" + kNewcomer + "' --always listen,both --seed 2");
    CHECK(ok.code == 0);
    CHECK(ok.out.find("Gratitude giver") != std::string::npos);
    CHECK(cli("play '" + kNewcomer + "' --always listen,both --seed 2").out == ok.out);
}

TEST_CASE("play: the window's number keys answer as their buttons are labelled") {
    // 1 pitch, 2 listen, 3 book at a table; 1 report, 2 thank, 3 both, 4 silent on a referral.
    PlayMode mode(newcomer(1, 106), std::nullopt);
    mode.playAhead(40, TalkChoice::Listen, ReplyChoice::ReportAndThank);   // a referral is due at event 40 (seed 1)
    const size_t start = mode.session().decisions().size();
    int talks = 0, replies = 0;
    for (int guard = 0; guard < 2000 && !mode.over(); ++guard) {
        if (mode.stepRound()) {
            if (talks > 0 && replies > 0) break;   // the step with both answers is taken
            continue;
        }
        REQUIRE(mode.waiting());
        if (mode.session().pending()->kind == play::DecisionKind::Talk) {
            CHECK_FALSE(mode.answer(4));
            CHECK(mode.answer(3));
            ++talks;
        } else {
            CHECK_FALSE(mode.answer(5));
            CHECK(mode.answer(4));
            ++replies;
        }
    }
    const auto& decisions = mode.session().decisions();
    REQUIRE(decisions.size() == start + size_t(talks + replies));
    for (size_t i = start; i < decisions.size(); ++i) {
        if (decisions[i].situation.kind == play::DecisionKind::Talk) CHECK(decisions[i].talk == TalkChoice::BookOneToOne);
        else CHECK(decisions[i].reply == ReplyChoice::Silent);
    }
    CHECK(talks > 0);
    CHECK(replies > 0);
}
