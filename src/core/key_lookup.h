// One lookup for every key table of the core: the enum value whose row has a given JSON key.
#pragma once
#include <iterator>
#include <optional>
#include <string_view>

namespace tsunagari {

inline const char* rowKey(const char* key) { return key; }
template <class Row> const char* rowKey(const Row& row) { return row.key; }

// Tables are indexed by the enum, so the row's position is the value.
template <class Enum, class Table>
[[nodiscard]] std::optional<Enum> enumFromKey(const Table& table, std::string_view key) {
    for (size_t i = 0; i < std::size(table); ++i)
        if (key == rowKey(table[i])) return Enum(i);
    return std::nullopt;
}

}  // namespace tsunagari
