// Block pool of the forgetting calendar.
#include "forget_calendar.h"

namespace tsunagari {

void ForgetCalendar::reset(size_t days) {
    for (Day& d : m_days) {
        if (d.head == kNone) continue;
        m_blocks[d.tail][0] = m_freeBlock;   // the whole chain joins the free blocks
        m_freeBlock = d.head;
    }
    m_days.assign(days, Day{});
    m_entries = 0;
}

uint32_t ForgetCalendar::newBlock() {
    uint32_t b = m_freeBlock;
    if (b != kNone) {
        m_freeBlock = m_blocks[b][0];
    } else {
        b = uint32_t(m_blocks.size());
        m_blocks.push_back(std::make_unique_for_overwrite<uint32_t[]>(kBlockWords));
    }
    m_blocks[b][0] = kNone;
    m_blocks[b][1] = 0;
    return b;
}

void ForgetCalendar::push(size_t day, uint32_t edge) {
    Day& d = m_days[day];
    if (d.tail == kNone || m_blocks[d.tail][1] == kPerBlock) {
        const uint32_t b = newBlock();
        if (d.tail == kNone) d.head = b;
        else m_blocks[d.tail][0] = b;
        d.tail = b;
    }
    uint32_t* block = m_blocks[d.tail].get();
    block[2 + block[1]++] = edge;
    ++d.count;
    ++m_entries;
}

void ForgetCalendar::take(size_t day, std::vector<uint32_t>& out) {
    Day& d = m_days[day];
    if (d.head == kNone) return;
    for (uint32_t b = d.head; b != kNone; b = m_blocks[b][0]) {
        const uint32_t* block = m_blocks[b].get();
        out.insert(out.end(), block + 2, block + 2 + block[1]);
    }
    m_blocks[d.tail][0] = m_freeBlock;
    m_freeBlock = d.head;
    m_entries -= d.count;
    d = Day{};
}

size_t ForgetCalendar::bytes() const {
    return m_days.capacity() * sizeof(Day) + m_blocks.capacity() * sizeof(m_blocks[0]) +
           m_blocks.size() * kBlockWords * sizeof(uint32_t);
}

}  // namespace tsunagari
