// Hostile JSON text in linear time: a scan for bytes and shapes nlohmann accepts or handles
// badly, then a SAX parse that builds the document and catches duplicate keys.
#include "json_text.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario_io.h"
#include "text_encoding.h"

namespace tsunagari {

using nlohmann::json;

namespace {

// Users count lines and characters (Japanese text is multi-byte); `offset` is 0-based.
std::string lineAndColumn(const std::string& text, size_t offset) {
    const size_t end = std::min(offset, text.size());
    size_t line = 1, column = 1;
    for (size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// "[json.exception.parse_error.101] parse error at ...: syntax error while parsing value - unexpected '}'"
// keeps only what comes after the last " - ", or after the "[...] " tag.
std::string parserDetail(const std::string& what) {
    const size_t dash = what.find(" - ");
    if (dash != std::string::npos) return what.substr(dash + 3);
    const size_t tag = what.find("] ");
    return tag == std::string::npos ? what : what.substr(tag + 2);
}

struct TextProblem {
    size_t offset;
    std::string message;
};

// UTF-16 has a zero byte in every ASCII character; a BOM says so outright.
bool looksLikeUtf16(const std::string& text) {
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
        return true;
    return text.size() >= 2 && (text[0] == '\0' || text[1] == '\0');
}

// A number literal (at most kMaxNumberChars long) whose value a double cannot hold: 1e309 would be infinity, 1e-400 would read as 0.
std::optional<std::string> numberProblem(const std::string& literal) {
    errno = 0;
    const double value = std::strtod(literal.c_str(), nullptr);
    if (std::isinf(value)) return "the number " + literal + " is too large for a double";
    const size_t mantissaEnd = std::min(literal.find_first_of("eE"), literal.size());
    const bool nonZero = literal.find_first_of("123456789") < mantissaEnd;
    if (value == 0 && nonZero) return "the number " + literal + " is too small for a double (it would read as 0)";
    return std::nullopt;
}

// One pass over the raw text: NUL bytes (nlohmann stops reading at one), nesting depth and
// number literals, skipping over strings. Syntax itself is left to the parser.
std::optional<TextProblem> scanText(const std::string& text) {
    size_t depth = 0, containers = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\0') return TextProblem{i, "unexpected NUL byte; a scenario is text and ends with its closing brace"};
        if (inString) {
            if (c == '\\') ++i;  // the escaped character cannot end the string
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                return TextProblem{i, "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
            if (++containers > kMaxJsonContainers)
                return TextProblem{i, "more than " + std::to_string(kMaxJsonContainers) + " objects and arrays"};
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            size_t end = i;
            while (end < text.size() && std::string_view("0123456789.eE+-").find(text[end]) != std::string_view::npos)
                ++end;
            if (end - i > kMaxNumberChars)
                return TextProblem{i, "a number of " + std::to_string(end - i) + " characters; at most " +
                                          std::to_string(kMaxNumberChars) + " are read"};
            if (auto problem = numberProblem(text.substr(i, end - i))) return TextProblem{i, *problem};
            i = end - 1;
        }
    }
    return std::nullopt;
}

// Builds the document like nlohmann's own DOM parser, but rejects a key its object already
// has (JSON allows it and nlohmann keeps the last, so a pasted duplicate would silently win).
// A std::map lookup per key keeps this O(n log n); nlohmann's callback parser is quadratic.
class DocumentBuilder : public nlohmann::json_sax<json> {
public:
    explicit DocumentBuilder(std::string source) : m_source(std::move(source)) {}

    json& document() { return m_root; }
    const std::optional<TextProblem>& syntaxError() const { return m_syntaxError; }

    bool null() override { return put(nullptr); }
    bool boolean(bool v) override { return put(v); }
    bool number_integer(number_integer_t v) override { return put(v); }
    bool number_unsigned(number_unsigned_t v) override { return put(v); }
    bool number_float(number_float_t v, const string_t&) override { return put(v); }
    bool string(string_t& v) override { return put(std::move(v)); }
    bool binary(binary_t& v) override { return put(json::binary(std::move(v))); }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        auto& object = m_open.back()->get_ref<json::object_t&>();
        auto [it, fresh] = object.try_emplace(k);
        if (!fresh) throw ScenarioError(m_source, openPath(), "duplicate key " + json(k).dump(-1, ' ', false, json::error_handler_t::replace));
        m_slot = &it->second;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
        m_syntaxError = TextProblem{position == 0 ? 0 : position - 1, parserDetail(e.what())};
        return false;
    }

private:
    // Stores a value where the parser is: the root, the next array element or the last key's slot.
    template <class Value>
    json* place(Value&& v) {
        if (m_open.empty()) {
            m_root = json(std::forward<Value>(v));
            return &m_root;
        }
        json& container = *m_open.back();
        if (container.is_array()) {
            auto& array = container.get_ref<json::array_t&>();
            array.emplace_back(std::forward<Value>(v));
            return &array.back();
        }
        *m_slot = json(std::forward<Value>(v));
        return m_slot;
    }

    template <class Value>
    bool put(Value&& v) {
        place(std::forward<Value>(v));
        return true;
    }

    bool open(json empty) {
        m_open.push_back(place(std::move(empty)));
        return true;
    }

    bool close() {
        m_open.pop_back();
        return true;
    }

    // Path of the innermost open object, e.g. "population[1]"; built only for a message.
    std::string openPath() const {
        std::string out;
        for (size_t i = 0; i + 1 < m_open.size(); ++i) {
            const json& container = *m_open[i];
            const json* child = m_open[i + 1];
            if (container.is_array()) {
                out += "[" + std::to_string(container.size() - 1) + "]";
            } else {
                for (const auto& [key, value] : container.items())
                    if (&value == child) out += (out.empty() ? "" : ".") + key;
            }
        }
        return out;
    }

    std::string m_source;
    json m_root;
    std::vector<json*> m_open;    // objects and arrays being filled, outermost first
    json* m_slot = nullptr;       // where the value after the last key goes
    std::optional<TextProblem> m_syntaxError;
};

}  // namespace

json parseJsonText(const std::string& text, const std::string& source) {
    auto fail = [&](size_t offset, const std::string& message) -> ScenarioError {
        return ScenarioError(source, "", "syntax error at " + lineAndColumn(text, offset) + ": " + message);
    };
    if (text.size() > kMaxJsonBytes)
        throw ScenarioError(source, "", "expected at most " + std::to_string(kMaxJsonBytes) + " bytes (64 MiB), found " +
                                            std::to_string(text.size()));
    if (looksLikeUtf16(text))
        throw ScenarioError(source, "", "the text is UTF-16; save it as UTF-8");
    if (auto bad = firstInvalidUtf8(text))
        throw ScenarioError(source, "", "invalid UTF-8 (byte " + hexByte(static_cast<unsigned char>(text[*bad])) +
                                            ") at " + lineAndColumn(text, *bad) +
                                            "; if the file is Shift-JIS or another encoding, save it as UTF-8");
    if (auto problem = scanText(text)) throw fail(problem->offset, problem->message);
    DocumentBuilder builder(source);
    if (!json::sax_parse(text, &builder)) throw fail(builder.syntaxError()->offset, builder.syntaxError()->message);
    return std::move(builder.document());
}

bool nestedDeeperThan(const json& doc, size_t limit) {
    std::vector<std::pair<const json*, size_t>> pending{{&doc, 0}};
    while (!pending.empty()) {
        auto [node, depth] = pending.back();
        pending.pop_back();
        if (!node->is_structured()) continue;
        if (depth + 1 > limit) return true;
        for (const auto& child : *node) pending.emplace_back(&child, depth + 1);
    }
    return false;
}

}  // namespace tsunagari
