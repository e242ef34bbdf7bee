// The replicate engine: derives independent seeds and runs N independent jobs on worker threads, each result stored at its index.
//
// A job is a callable `f(size_t index) -> T`. Jobs run on `jobs` std::jthreads that pull
// indices from one atomic counter, and each result is written to its own slot, so the
// output is the same, byte for byte, for any number of threads and any completion order
// (provided each job depends on its index alone, e.g. a World seeded with
// deriveSeed(base, index)).
//
// Threads: the calling thread only waits (on a condition variable, no busy waiting) and
// calls the progress callback; the jobs run on the workers.
//
// Errors: an exception thrown by a job is captured; no further indices are handed out,
// the jobs already running finish, and the exception of the first failed job in dispatch
// order is rethrown on the calling thread. Indices are handed out in increasing order, so
// every index before a failed one has already started: the exception rethrown is that of
// the lowest failing index, the same for any number of threads.
//
// Cancellation: when `stop` is set (e.g. by a SIGINT handler; std::atomic<bool> is
// lock-free, so setting it from a handler is allowed), no further jobs are started; jobs
// already running finish and are kept. The result says which indices completed, and a
// later call can run only the missing ones (`ReplicateOptions::only`).
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace tsunagari::experiments {

// The seed of replicate `index` of an experiment whose base seed is `baseSeed`:
//   deriveSeed(b, i) = mix(mix(b) + 0x9E3779B97F4A7C15 * (i + 1))
// where mix is the splitmix64 finaliser (a bijection of 64-bit words). For one base seed,
// distinct indices give distinct seeds (an odd multiplier is a bijection mod 2^64, and so
// is mix), and nearby bases or indices give unrelated seeds — unlike base + i, whose
// streams would be shifted copies of each other under Rng::reseed (itself splitmix64
// stepping by the same constant).
[[nodiscard]] uint64_t deriveSeed(uint64_t baseSeed, uint64_t index);

// std::thread::hardware_concurrency(), at least 1.
[[nodiscard]] unsigned defaultJobs();

struct ReplicateOptions {
    unsigned jobs = 0;                        // worker threads; 0 = defaultJobs(); never more than the jobs to run
    // Called on the calling thread (never concurrently with itself, never from a worker),
    // with `done` jobs finished (successfully or not) out of `total` to run in this call.
    // `done` never decreases; when several jobs finish together intermediate values are
    // skipped. It is called once more when the run ends, with the final count (less than
    // `total` after a cancellation or a failure). It may set `*stop`. If it throws, no
    // further jobs start and its exception is rethrown once the running jobs finish.
    std::function<void(size_t done, size_t total)> progress;
    std::atomic<bool>* stop = nullptr;        // set it to stop starting jobs; nullptr = never
    // If set, only these indices (each < count, no repeats) are run, handed out in this
    // order; the others stay empty in the result. Used to resume a cancelled run.
    std::optional<std::vector<size_t>> only;
};

template <class T>
struct ReplicateRun {
    std::vector<std::optional<T>> results;    // by index; empty if not run
    std::vector<size_t> completed;            // indices whose job finished in this call, increasing
    bool cancelled = false;                   // the stop flag kept some jobs of this call from starting

    [[nodiscard]] bool complete() const {     // every index has a result
        for (const auto& r : results)
            if (!r) return false;
        return true;
    }
    [[nodiscard]] std::vector<size_t> missing() const {   // indices without a result, increasing
        std::vector<size_t> out;
        for (size_t i = 0; i < results.size(); ++i)
            if (!results[i]) out.push_back(i);
        return out;
    }
    // All results in index order; throws std::logic_error if the run is incomplete.
    [[nodiscard]] std::vector<T> values() const& {
        std::vector<T> out;
        out.reserve(results.size());
        for (const auto& r : results) out.push_back(valueOf(r));
        return out;
    }
    [[nodiscard]] std::vector<T> values() && {   // the same, moving the results out
        std::vector<T> out;
        out.reserve(results.size());
        for (auto& r : results) out.push_back(std::move(valueOf(r)));
        return out;
    }

    // Takes in the results of a resumed run over the same count (e.g. with only = missing()):
    // its completed results fill their slots, `completed` becomes the union and `cancelled`
    // the resumed run's. Throws std::invalid_argument if the counts differ.
    void merge(ReplicateRun&& resumed) {
        if (resumed.results.size() != results.size())
            throw std::invalid_argument("ReplicateRun::merge: runs of different counts");
        for (size_t i : resumed.completed) results[i] = std::move(resumed.results[i]);
        completed.insert(completed.end(), resumed.completed.begin(), resumed.completed.end());
        std::sort(completed.begin(), completed.end());
        completed.erase(std::unique(completed.begin(), completed.end()), completed.end());
        cancelled = resumed.cancelled;
    }

private:
    template <class Slot>
    static auto& valueOf(Slot& slot) {
        if (!slot) throw std::logic_error("ReplicateRun::values: the run is incomplete");
        return *slot;
    }
};

namespace detail {

// What the typed front end needs back from the thread pool.
struct RunOutcome {
    std::vector<size_t> completed;            // indices finished without an exception, increasing
    bool cancelled = false;
};

// Runs body(index) for the indices in `order` on worker threads (see the file comment).
// body must not throw: the typed front end captures exceptions itself and returns false
// for a failed index, which stops the handing out of further indices.
RunOutcome runIndexed(const std::vector<size_t>& order, const std::function<bool(size_t)>& body,
                      const ReplicateOptions& options);

[[nodiscard]] std::vector<size_t> dispatchOrder(size_t count, const ReplicateOptions& options);  // validates `only`

}  // namespace detail

// Runs f(0) .. f(count - 1) (or the indices in options.only) and returns every result at
// its index. f is called concurrently from several threads, so it must be safe to call
// that way (typically it builds its own World from its index and shares only const data). Rethrows the first failed job's exception (see the file comment).
template <class F>
[[nodiscard]] auto runReplicates(size_t count, F&& f, const ReplicateOptions& options = {})
    -> ReplicateRun<std::decay_t<std::invoke_result_t<F&, size_t>>> {
    using T = std::decay_t<std::invoke_result_t<F&, size_t>>;
    ReplicateRun<T> run;
    run.results.resize(count);
    const std::vector<size_t> order = detail::dispatchOrder(count, options);
    std::vector<std::exception_ptr> errors(count);
    const std::function<bool(size_t)> body = [&](size_t index) {
        try {
            run.results[index].emplace(f(index));   // each slot is written by exactly one worker
            return true;
        } catch (...) {
            errors[index] = std::current_exception();
            return false;
        }
    };
    detail::RunOutcome outcome = detail::runIndexed(order, body, options);
    for (size_t index : order)               // first failure in dispatch order
        if (errors[index]) std::rethrow_exception(errors[index]);
    run.completed = std::move(outcome.completed);
    run.cancelled = outcome.cancelled;
    return run;
}

// The plain case: every result in index order, with `jobs` workers (0 = defaultJobs()).
template <class F>
[[nodiscard]] auto replicateValues(size_t count, F&& f, unsigned jobs = 0) {
    ReplicateOptions options;
    options.jobs = jobs;
    return runReplicates(count, std::forward<F>(f), options).values();
}

}  // namespace tsunagari::experiments
