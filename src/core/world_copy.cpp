// Deep copies of the two pooled stores a World holds by unique_ptr, so a World can be copied:
// the window publishes copies of the running world for its frame to draw (gui/sim_thread.h).
// Assignment keeps the target's allocations, so a recycled copy costs no page faults.
#include <algorithm>

#include "forget_calendar.h"
#include "relationships.h"

namespace tsunagari {

RelationshipStore::PairArray::PairArray(const PairArray& other) { *this = other; }

RelationshipStore::PairArray& RelationshipStore::PairArray::operator=(const PairArray& other) {
    if (this == &other) return *this;
    m_chunks.resize(other.m_chunks.size());
    for (size_t c = 0; c < other.m_chunks.size(); ++c) {
        if (!m_chunks[c]) m_chunks[c] = std::make_unique_for_overwrite<Pair[]>(kChunkPairs);
        std::copy_n(other.m_chunks[c].get(), kChunkPairs, m_chunks[c].get());   // zeroed tails too: append() relies on them
    }
    m_size = other.m_size;
    return *this;
}

ForgetCalendar::ForgetCalendar(const ForgetCalendar& other) { *this = other; }

ForgetCalendar& ForgetCalendar::operator=(const ForgetCalendar& other) {
    if (this == &other) return *this;
    m_blocks.resize(other.m_blocks.size());
    for (size_t b = 0; b < other.m_blocks.size(); ++b) {
        if (!m_blocks[b]) m_blocks[b] = std::make_unique_for_overwrite<uint32_t[]>(kBlockWords);
        // Words 0 and 1 (next block, count) are always set; entries only up to the count.
        const uint32_t* from = other.m_blocks[b].get();
        std::copy_n(from, 2 + std::min(from[1], kPerBlock), m_blocks[b].get());
    }
    m_days = other.m_days;
    m_freeBlock = other.m_freeBlock;
    m_entries = other.m_entries;
    return *this;
}

}  // namespace tsunagari
