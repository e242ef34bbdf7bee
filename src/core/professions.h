// Professions of small-business owners and which ones send each other clients.
#pragma once
#include <string_view>
#include <vector>

namespace tsunagari {

struct Profession {
    const char* key;     // "tax_accountant"
    const char* nameEn;  // "Tax accountant"
    const char* nameJa;  // "税理士"
};

[[nodiscard]] const std::vector<Profession>& professions();   // fixed order; index = profession id
[[nodiscard]] int professionFromKey(std::string_view key);    // -1 if unknown
// How naturally two professions share clients, 0..1 (symmetric); used by the
// "complementary" matchmaking policy.
[[nodiscard]] double complementarity(int professionA, int professionB);

}  // namespace tsunagari
