#include "attendee_names.h"

#include <string_view>

namespace tsunagari {

namespace {

struct FamilyName {
    const char* romaji;
    const char* kanji;
};

constexpr FamilyName kFamilyNames[] = {
    {"Sato", "佐藤"},       {"Suzuki", "鈴木"},     {"Takahashi", "高橋"}, {"Tanaka", "田中"},
    {"Watanabe", "渡辺"},   {"Ito", "伊藤"},        {"Yamamoto", "山本"},  {"Nakamura", "中村"},
    {"Kobayashi", "小林"},  {"Kato", "加藤"},       {"Yoshida", "吉田"},   {"Yamada", "山田"},
    {"Sasaki", "佐々木"},   {"Yamaguchi", "山口"},  {"Matsumoto", "松本"}, {"Inoue", "井上"},
    {"Kimura", "木村"},     {"Hayashi", "林"},      {"Saito", "斎藤"},     {"Shimizu", "清水"},
    {"Yamazaki", "山崎"},   {"Mori", "森"},         {"Ikeda", "池田"},     {"Hashimoto", "橋本"},
    {"Abe", "阿部"},        {"Ishikawa", "石川"},   {"Ogawa", "小川"},     {"Maeda", "前田"},
    {"Fujita", "藤田"},     {"Okada", "岡田"},      {"Goto", "後藤"},      {"Hasegawa", "長谷川"},
    {"Murakami", "村上"},   {"Kondo", "近藤"},      {"Ishii", "石井"},     {"Sakamoto", "坂本"},
    {"Endo", "遠藤"},       {"Aoki", "青木"},       {"Fujii", "藤井"},     {"Nishimura", "西村"},
    {"Fukuda", "福田"},     {"Ota", "太田"},        {"Miura", "三浦"},     {"Fujiwara", "藤原"},
    {"Okamoto", "岡本"},    {"Matsuda", "松田"},    {"Nakagawa", "中川"},
};
constexpr size_t kFamilyNameCount = sizeof(kFamilyNames) / sizeof(kFamilyNames[0]);

}  // namespace

std::string generatedName(uint32_t id) {
    std::string name = kFamilyNames[id % kFamilyNameCount].romaji;
    if (id >= kFamilyNameCount) {
        name += ' ';
        name += std::to_string(id / kFamilyNameCount + 1);
    }
    return name;
}

std::string japaneseName(const std::string& name) {
    const size_t space = name.find(' ');
    const std::string_view family = std::string_view(name).substr(0, space);
    for (const FamilyName& f : kFamilyNames)
        if (family == f.romaji) return f.kanji + (space == std::string::npos ? std::string() : name.substr(space));
    return name;
}

}  // namespace tsunagari
