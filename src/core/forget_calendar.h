// The forgetting calendar's storage: a ring of day lists of edge indices, each list a chain of
// fixed 1 KiB blocks drawn from one pool. A consumed day returns its blocks to the pool, so the
// calendar's memory follows the entries it holds (flat in steady state) instead of the largest
// day's list, and no day's list is ever reallocated or handed back to the system and faulted in again.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

namespace tsunagari {

class ForgetCalendar {
public:
    ForgetCalendar() = default;
    ForgetCalendar(const ForgetCalendar& other);              // a deep copy (world_copy.cpp)
    ForgetCalendar& operator=(const ForgetCalendar& other);   // reuses the blocks this pool already has
    ForgetCalendar(ForgetCalendar&&) noexcept = default;
    ForgetCalendar& operator=(ForgetCalendar&&) noexcept = default;
    void reset(size_t days);                              // `days` empty lists; the pool is kept
    void push(size_t day, uint32_t edge);                 // appends to that day's list
    [[nodiscard]] size_t size(size_t day) const { return m_days[day].count; }
    [[nodiscard]] size_t days() const { return m_days.size(); }
    // The day's entries in the order they were pushed, appended to `out`; the list is left empty.
    void take(size_t day, std::vector<uint32_t>& out);
    template <class F> void forEach(size_t day, F f) const;   // f(edge), in push order
    [[nodiscard]] size_t entries() const { return m_entries; }
    [[nodiscard]] size_t capacity() const { return m_blocks.size() * kPerBlock; }   // entries the pool holds
    [[nodiscard]] size_t bytes() const;

private:
    static constexpr uint32_t kNone = 0xFFFFFFFFu;
    static constexpr uint32_t kBlockWords = 256, kPerBlock = kBlockWords - 2;   // [0] next block, [1] count
    struct Day {
        uint32_t head = kNone, tail = kNone;
        uint32_t count = 0;
    };
    uint32_t newBlock();
    std::vector<Day> m_days;
    std::vector<std::unique_ptr<uint32_t[]>> m_blocks;
    uint32_t m_freeBlock = kNone;   // free blocks chained through word 0
    size_t m_entries = 0;
};

template <class F>
void ForgetCalendar::forEach(size_t day, F f) const {
    for (uint32_t b = m_days[day].head; b != kNone; b = m_blocks[b][0]) {
        const uint32_t* block = m_blocks[b].get();
        for (uint32_t i = 0; i < block[1]; ++i) f(block[2 + i]);
    }
}

}  // namespace tsunagari
