// Profession table and the pairs that commonly refer clients to each other.
#include "professions.h"

#include <algorithm>
#include <array>

namespace tsunagari {

namespace {

const std::vector<Profession> kProfessions{
    {"tax_accountant", "Tax accountant", "税理士"},
    {"lawyer", "Lawyer", "弁護士"},
    {"judicial_scrivener", "Judicial scrivener", "司法書士"},
    {"web_designer", "Web designer", "Webデザイナー"},
    {"insurance", "Insurance agent", "保険代理店"},
    {"real_estate", "Real estate agent", "不動産業"},
    {"printer", "Printer", "印刷業"},
    {"it_consultant", "IT consultant", "ITコンサルタント"},
    {"coach", "Business coach", "コーチ"},
    {"photographer", "Photographer", "カメラマン"},
    {"builder", "Builder / renovation", "工務店"},
    {"labour_consultant", "Labour consultant", "社会保険労務士"},
};

// Pairs that typically share clients (a small business's year: books, contracts, web, premises).
constexpr std::array<std::pair<const char*, const char*>, 14> kStrongPairs{{
    {"tax_accountant", "labour_consultant"}, {"tax_accountant", "insurance"},
    {"tax_accountant", "judicial_scrivener"}, {"lawyer", "judicial_scrivener"},
    {"lawyer", "insurance"}, {"real_estate", "judicial_scrivener"}, {"real_estate", "builder"},
    {"real_estate", "insurance"}, {"web_designer", "photographer"}, {"web_designer", "printer"},
    {"web_designer", "it_consultant"}, {"printer", "photographer"}, {"coach", "labour_consultant"},
    {"coach", "it_consultant"},
}};

}  // namespace

const std::vector<Profession>& professions() { return kProfessions; }

int professionFromKey(std::string_view key) {
    for (size_t i = 0; i < kProfessions.size(); ++i)
        if (key == kProfessions[i].key) return int(i);
    return -1;
}

double complementarity(int a, int b) {
    if (a == b) return 0.0;  // competitors rarely refer to each other
    static const auto table = [] {
        const size_t n = kProfessions.size();
        std::vector<double> t(n * n, 0.2);
        for (auto [x, y] : kStrongPairs) {
            const auto i = size_t(professionFromKey(x)), j = size_t(professionFromKey(y));
            t[i * n + j] = t[j * n + i] = 1.0;
        }
        return t;
    }();
    return table[size_t(a) * kProfessions.size() + size_t(b)];
}

}  // namespace tsunagari
