// The replicate engine's seed derivation and thread pool (see replicates.h).
#include "replicates.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace tsunagari::experiments {

namespace {

uint64_t mix64(uint64_t z) {   // splitmix64's finaliser
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace

uint64_t deriveSeed(uint64_t baseSeed, uint64_t index) {
    return mix64(mix64(baseSeed) + 0x9E3779B97F4A7C15ull * (index + 1));
}

unsigned defaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

namespace detail {

std::vector<size_t> dispatchOrder(size_t count, const ReplicateOptions& options) {
    std::vector<size_t> order;
    if (!options.only) {
        order.resize(count);
        for (size_t i = 0; i < count; ++i) order[i] = i;
        return order;
    }
    order = *options.only;
    std::vector<char> seen(count, 0);
    for (size_t index : order) {
        if (index >= count)
            throw std::invalid_argument("runReplicates: index " + std::to_string(index) + " out of range (count " +
                                        std::to_string(count) + ")");
        if (seen[index]) throw std::invalid_argument("runReplicates: index " + std::to_string(index) + " listed twice");
        seen[index] = 1;
    }
    return order;
}

RunOutcome runIndexed(const std::vector<size_t>& order, const std::function<bool(size_t)>& body,
                      const ReplicateOptions& options) {
    RunOutcome outcome;
    const size_t total = order.size();
    if (total == 0) {
        if (options.progress) options.progress(0, 0);
        return outcome;
    }

    const size_t workers = std::min<size_t>(options.jobs ? options.jobs : defaultJobs(), total);
    std::atomic<size_t> next{0};          // position in `order` of the next job to hand out (may pass total)
    std::atomic<bool> halt{false};        // a job or the progress callback threw: hand out nothing more
    std::vector<char> finishedOk(total, 0);   // by position; each written by one worker, read after the join

    std::mutex mutex;                     // guards done, running
    std::condition_variable changed;
    size_t done = 0;
    size_t running = 0;                   // workers started and not yet finished

    auto work = [&] {
        for (;;) {
            if (halt.load(std::memory_order_acquire)) break;
            if (options.stop && options.stop->load(std::memory_order_acquire)) break;
            const size_t position = next.fetch_add(1, std::memory_order_relaxed);
            if (position >= total) break;
            const bool ok = body(order[position]);
            finishedOk[position] = ok ? 1 : 0;
            if (!ok) halt.store(true, std::memory_order_release);
            {
                std::lock_guard lock(mutex);
                ++done;
            }
            changed.notify_one();
        }
        {
            std::lock_guard lock(mutex);
            --running;
        }
        changed.notify_one();
    };

    std::exception_ptr progressError;
    {
        std::vector<std::jthread> pool;
        pool.reserve(workers);
        for (size_t w = 0; w < workers; ++w) {
            {
                std::lock_guard lock(mutex);
                ++running;
            }
            try {
                pool.emplace_back(work);
            } catch (...) {   // could not start another thread: the ones started do the work
                {
                    std::lock_guard lock(mutex);
                    --running;
                }
                if (pool.empty()) throw;
                break;
            }
        }

        size_t reported = 0;
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return done != reported || running == 0; });
            if (running == 0) break;          // the final call is made below, after the join
            reported = done;
            if (options.progress && !progressError) {
                lock.unlock();
                try {
                    options.progress(reported, total);
                } catch (...) {
                    progressError = std::current_exception();
                    halt.store(true, std::memory_order_release);
                }
                lock.lock();
            }
        }
    }   // the jthreads join here: every worker's writes are visible after this point
    if (progressError) std::rethrow_exception(progressError);

    if (options.progress) options.progress(done, total);
    for (size_t position = 0; position < total; ++position)
        if (finishedOk[position]) outcome.completed.push_back(order[position]);
    std::sort(outcome.completed.begin(), outcome.completed.end());
    // Workers leave early only on a failure or a stop; without a failure, positions never
    // handed out mean the stop flag kept them from starting.
    outcome.cancelled = !halt.load() && next.load() < total;
    return outcome;
}

}  // namespace detail

}  // namespace tsunagari::experiments
