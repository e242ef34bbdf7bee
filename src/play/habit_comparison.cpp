#include "play/habit_comparison.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "traits.h"
#include "world.h"

namespace tsunagari::play {

std::vector<ComparisonRow> habitRows(const Scenario& scenario, uint32_t seat) {
    std::vector<ComparisonRow> rows;
    for (const auto& habit : archetypes()) {
        World world(scenario);
        world.setMemberTraits(seat, habit.traits);
        std::vector<TrustPoint> trust = {{0, std::max(world.day(), 0), roomTrustIn(world, seat)}};
        while (world.eventsDone() < scenario.events && world.stepEvent())
            trust.push_back({world.eventsDone(), world.day(), roomTrustIn(world, seat)});
        rows.push_back({habit.key, habit.nameEn, habit.nameJa, seatFigures(world, seat), std::move(trust)});
    }
    return rows;
}

std::vector<ComparisonRow> comparison(const SeatFigures& player, const std::vector<TrustPoint>& playerTrust,
                                      const Scenario& scenario, uint32_t seat) {
    std::vector<ComparisonRow> rows = {{"you", "You", "あなた", player, playerTrust}};
    for (auto& row : habitRows(scenario, seat)) rows.push_back(std::move(row));
    return rows;
}

namespace {

// Columns as both languages head them; a Japanese character takes two cells of a terminal.
struct Column {
    const char* en;
    const char* ja;
    int width;
    int decimals;
    double SeatFigures::*figure;
};
constexpr Column kColumns[] = {
    {"referrals", "紹介", 9, 0, &SeatFigures::referralsReceived},
    {"repeat", "リピート", 8, 0, &SeatFigures::repeatReferrals},
    {"collaborators", "協力者", 13, 0, &SeatFigures::collaborators},
    {"trust", "信頼", 5, 2, &SeatFigures::roomTrust},
    {"contacts", "知人", 8, 0, &SeatFigures::contacts},
    {"closed (k yen)", "成約(千円)", 14, 0, &SeatFigures::closedBusiness},
};

int cells(const std::string& text) {
    int n = 0;
    for (const unsigned char c : text)
        if ((c & 0xC0) != 0x80) n += c >= 0xE0 ? 2 : 1;   // a lead byte; three-byte and longer are wide
    return n;
}

std::string padLeft(const std::string& text, int width) { return std::string(size_t(std::max(0, width - cells(text))), ' ') + text; }

}  // namespace

std::string comparisonText(const std::vector<ComparisonRow>& rows, bool japanese) {
    // Figures first and the habit's name last, so names of any width leave the columns straight.
    std::string text;
    for (const auto& c : kColumns) text += padLeft(japanese ? c.ja : c.en, c.width) + "  ";
    text += japanese ? "習慣\n" : "habit\n";
    for (const auto& r : rows) {
        for (const auto& c : kColumns) {
            char number[32];
            std::snprintf(number, sizeof number, "%.*f", c.decimals, r.figures.*c.figure);
            text += padLeft(number, c.width) + "  ";
        }
        text += (japanese ? r.nameJa : r.nameEn) + "\n";
    }
    return text;
}

nlohmann::json comparisonJson(const std::vector<ComparisonRow>& rows) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : rows) {
        const SeatFigures& f = r.figures;
        list.push_back({{"habit", r.key},
                        {"name", {{"en", r.nameEn}, {"ja", r.nameJa}}},
                        {"referrals_received", f.referralsReceived},
                        {"repeat_referrals", f.repeatReferrals},
                        {"collaborators", f.collaborators},
                        {"room_trust", f.roomTrust},
                        {"contacts", f.contacts},
                        {"closed_business", f.closedBusiness}});
    }
    return list;
}

}  // namespace tsunagari::play
