// How well two people get on. Hours together predict closeness only in part (Hall 2019: some
// pairs with many hours stay acquaintances, some click early), so each pair has a rapport: a
// factor on the evidence each hour of pleasant contact gives, the same both ways and fixed for
// the pair. It spreads the pairs of a room over the trust thresholds instead of moving them
// across together: without it every pair of a chapter gathers trust at nearly the same rate,
// and a small change of chapter size or of a constant turns "nobody trusts anybody" into
// "everybody trusts everybody" (docs/calibration.md, chapter sizes).
#pragma once
#include <cstdint>

namespace tsunagari {

// Lognormal with mean 1 and log-standard deviation `spread`; exactly 1 when spread is 0. Drawn
// from a hash of the run's seed and the pair, not from the run's random stream: it does not
// shift any other draw, and does not depend on the order in which pairs meet.
[[nodiscard]] double rapport(uint64_t seed, uint32_t a, uint32_t b, double spread);

}  // namespace tsunagari
