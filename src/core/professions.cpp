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
    {"administrative_scrivener", "Administrative scrivener", "行政書士"},
    {"sme_consultant", "SME consultant", "中小企業診断士"},
    {"financial_planner", "Financial planner", "ファイナンシャルプランナー"},
    {"graphic_designer", "Graphic designer", "グラフィックデザイナー"},
    {"video_producer", "Video producer", "映像制作"},
    {"advertising", "Advertising agent", "広告代理店"},
    {"recruiter", "Recruitment agent", "人材紹介"},
    {"architect", "Architect", "建築士"},
    {"interior_designer", "Interior designer", "インテリアデザイナー"},
    {"landscaper", "Landscaper", "造園業"},
    {"cleaning", "Cleaning service", "清掃業"},
    {"moving", "Moving company", "引越し業"},
    {"car_dealer", "Car dealer", "自動車販売"},
    {"travel_agent", "Travel agent", "旅行代理店"},
    {"caterer", "Caterer", "ケータリング"},
    {"event_planner", "Event planner", "イベント企画"},
    {"translator", "Translator", "翻訳者"},
    {"chiropractor", "Chiropractor", "整体院"},
    {"dentist", "Dentist", "歯科医"},
    {"hair_salon", "Hair salon", "美容室"},
    {"florist", "Florist", "花屋"},
    {"office_supplies", "Office supplies", "事務用品販売"},
    {"security", "Security systems", "防犯設備"},
    {"patent_attorney", "Patent attorney", "弁理士"},
};

// Pairs that typically share clients (a small business's year: books, contracts, web, premises).
constexpr std::array<std::pair<const char*, const char*>, 38> kStrongPairs{{
    {"tax_accountant", "labour_consultant"}, {"tax_accountant", "insurance"},
    {"tax_accountant", "judicial_scrivener"}, {"lawyer", "judicial_scrivener"},
    {"lawyer", "insurance"}, {"real_estate", "judicial_scrivener"}, {"real_estate", "builder"},
    {"real_estate", "insurance"}, {"web_designer", "photographer"}, {"web_designer", "printer"},
    {"web_designer", "it_consultant"}, {"printer", "photographer"}, {"coach", "labour_consultant"},
    {"coach", "it_consultant"},
    {"administrative_scrivener", "tax_accountant"}, {"administrative_scrivener", "judicial_scrivener"},
    {"sme_consultant", "tax_accountant"}, {"sme_consultant", "coach"}, {"financial_planner", "insurance"},
    {"financial_planner", "tax_accountant"}, {"graphic_designer", "printer"}, {"graphic_designer", "web_designer"},
    {"video_producer", "photographer"}, {"advertising", "web_designer"}, {"advertising", "printer"},
    {"recruiter", "labour_consultant"}, {"architect", "builder"}, {"architect", "real_estate"},
    {"interior_designer", "builder"}, {"landscaper", "builder"}, {"cleaning", "real_estate"},
    {"moving", "real_estate"}, {"event_planner", "caterer"}, {"event_planner", "photographer"},
    {"florist", "event_planner"}, {"security", "builder"}, {"office_supplies", "printer"},
    {"patent_attorney", "lawyer"},
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
