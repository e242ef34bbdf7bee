#include "play/choice_script.h"

#include <nlohmann/json.hpp>

#include "scenario_io.h"

namespace tsunagari::play {

namespace {

constexpr const char* kAnyKey = "one of pitch, listen, book (a conversation) or report, thank, both, silent (a referral)";

// Keys of a season written by `play --out` that playing it again does not need.
bool recordKey(const std::string& key) {
    for (const char* k : {"$comment", "scenario", "events", "state_hash", "trust_history", "comparison"})
        if (key == k) return true;
    return false;
}

std::string kindName(DecisionKind k) { return k == DecisionKind::Talk ? "a conversation" : "a referral delivered"; }

}  // namespace

ChoiceScript ChoiceScript::always(TalkChoice talk, ReplyChoice reply) {
    ChoiceScript s;
    s.m_source = "always";
    s.m_thenTalk = talk;
    s.m_thenReply = reply;
    return s;
}

ChoiceScript ChoiceScript::parsePolicy(const std::string& text, const std::string& flag) {
    const size_t comma = text.find(',');
    const std::string expected = flag + ": expected TALK,REPLY with TALK one of " + kTalkKeys + " and REPLY one of " +
                                 kReplyKeys + ", found \"" + text + "\"";
    if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos) throw PlayError(expected);
    std::optional<TalkChoice> talk;
    std::optional<ReplyChoice> reply;
    for (const std::string& token : {text.substr(0, comma), text.substr(comma + 1)}) {
        if (auto t = talkFromKey(token); t && !talk) talk = t;
        else if (auto r = replyFromKey(token); r && !reply) reply = r;
        else throw PlayError(expected);
    }
    ChoiceScript s = always(*talk, *reply);
    s.m_source = flag + " " + text;
    return s;
}

ChoiceScript ChoiceScript::fromJson(const nlohmann::json& doc, const std::string& sourceName) {
    const auto fail = [&](const std::string& path, const std::string& message) {
        throw PlayError(sourceName + ": " + path + ": " + message);
    };
    if (!doc.is_object()) fail("(document)", "expected an object {\"choices\": [...], \"then\": {...}}, found " + shownJson(doc));
    ChoiceScript s;
    s.m_source = sourceName;
    for (const auto& [key, value] : doc.items()) {
        if (key == "choices") {
            if (!value.is_array()) fail("choices", "expected a list of choices, found " + shownJson(value));
            for (size_t i = 0; i < value.size(); ++i) {
                const auto& c = value[i];
                const std::string at = "choices[" + std::to_string(i) + "]";
                if (!c.is_string() || (!talkFromKey(c.get<std::string>()) && !replyFromKey(c.get<std::string>())))
                    fail(at, std::string("expected ") + kAnyKey + ", found " + shownJson(c));
                s.m_list.push_back(c.get<std::string>());
            }
        } else if (key == "then") {
            if (!value.is_object()) fail("then", "expected {\"talk\": ..., \"reply\": ...}, found " + shownJson(value));
            for (const auto& [k, v] : value.items()) {
                const std::string text = v.is_string() ? v.get<std::string>() : "";
                if (k == "talk") {
                    s.m_thenTalk = talkFromKey(text);
                    if (!s.m_thenTalk) fail("then.talk", std::string("expected one of ") + kTalkKeys + ", found " + shownJson(v));
                } else if (k == "reply") {
                    s.m_thenReply = replyFromKey(text);
                    if (!s.m_thenReply) fail("then.reply", std::string("expected one of ") + kReplyKeys + ", found " + shownJson(v));
                } else {
                    fail("then." + k, "unknown key; expected talk or reply");
                }
            }
        } else if (key == "seed") {
            if (!value.is_number_unsigned()) fail("seed", "expected a whole number >= 0, found " + shownJson(value));
            s.m_seed = value.get<uint64_t>();
        } else if (key == "seat") {
            const bool ok = value.is_object() && value.contains("id") && value["id"].is_number_unsigned() &&
                            value["id"].get<uint64_t>() <= 999'999;
            if (!ok) fail("seat", "expected {\"id\": an attendee id}, found " + shownJson(value));
            s.m_seat = value["id"].get<uint32_t>();
        } else if (!recordKey(key)) {
            fail(key, "unknown key; expected choices or then");
        }
    }
    return s;
}

ChoiceScript ChoiceScript::fromFile(const std::string& path) {
    try {
        return fromJson(readJsonFile(path), path);
    } catch (const ScenarioError& e) {
        throw PlayError(e.what());   // unreadable, or not JSON: already one line naming the file
    }
}

nlohmann::json ChoiceScript::recordJson(const std::vector<Decision>& decisions) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : decisions) list.push_back(decisionKey(d));
    return {{"choices", list}};
}

bool ChoiceScript::answer(Decision& d, std::string& error) {
    const DecisionKind kind = d.situation.kind;
    if (m_next < m_list.size()) {
        const std::string& key = m_list[m_next];
        const auto talk = talkFromKey(key);
        const auto reply = replyFromKey(key);
        if ((kind == DecisionKind::Talk && !talk) || (kind == DecisionKind::Reply && !reply)) {
            error = m_source + ": choices[" + std::to_string(m_next) + "] is \"" + key + "\", but decision " +
                    std::to_string(m_next + 1) + " (day " + std::to_string(d.situation.day) + ") is " + kindName(kind) +
                    "; expected one of " + (kind == DecisionKind::Talk ? kTalkKeys : kReplyKeys);
            return false;
        }
        if (talk) d.talk = *talk;
        if (reply) d.reply = *reply;
        ++m_next;
        return true;
    }
    if (kind == DecisionKind::Talk && m_thenTalk) d.talk = *m_thenTalk;
    else if (kind == DecisionKind::Reply && m_thenReply) d.reply = *m_thenReply;
    else {
        error = m_source + ": the " + std::to_string(m_list.size()) + " choices ran out at decision " +
                std::to_string(m_next + 1) + " (" + kindName(kind) + " on day " + std::to_string(d.situation.day) +
                "); add choices or a \"then\": {\"" + (kind == DecisionKind::Talk ? "talk" : "reply") + "\": ...} policy";
        return false;
    }
    ++m_next;
    return true;
}

std::string ChoiceScript::describe(bool japanese) const {
    std::string then;
    if (m_thenTalk || m_thenReply)
        then = std::string(m_thenTalk ? talkKey(*m_thenTalk) : "-") + ", " + (m_thenReply ? replyKey(*m_thenReply) : "-");
    if (m_list.empty()) return (japanese ? "常に " : "always ") + then;
    const std::string count = std::to_string(m_list.size());
    if (japanese) return m_source + "(選択 " + count + " 件" + (then.empty() ? "" : "、その後 " + then) + ")";
    return m_source + " (" + count + " choices" + (then.empty() ? "" : ", then " + then) + ")";
}

}  // namespace tsunagari::play
