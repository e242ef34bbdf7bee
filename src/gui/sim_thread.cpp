// The simulation's worker thread: commands first, then a view for the frame, then the next round.
#include "sim_thread.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include <sys/resource.h>
#include <unistd.h>

namespace tsunagari {

namespace {
using Clock = std::chrono::steady_clock;
constexpr int kNiceness = 5;   // the simulation thread's, above the window's 0
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }
}  // namespace

SimThread::SimThread(std::shared_ptr<World> live) : m_live(std::move(live)) {
    m_thread = std::jthread([this](std::stop_token stop) { loop(stop); });
}

SimThread::~SimThread() {
    m_thread.request_stop();   // wakes the wait below
    if (m_thread.joinable()) m_thread.join();
}

void SimThread::setPace(const Pace& pace) {
    if (pace == m_sentPace) return;
    m_sentPace = pace;
    {
        std::lock_guard lock(m_mutex);
        m_pace = pace;
    }
    m_wake.notify_one();
}

void SimThread::post(Command command) {
    {
        std::lock_guard lock(m_mutex);
        m_commands.push_back(std::move(command));
        ++m_posted;
    }
    m_wake.notify_one();
}

bool SimThread::refreshView(std::shared_ptr<World>& shown) {
    std::shared_ptr<World> old;
    {
        std::lock_guard lock(m_mutex);
        // A view older than a posted command would undo, for a frame, what the window just changed.
        if (!m_published || m_publishedApplied < m_posted) return false;
        old = std::exchange(shown, std::move(m_published));
        if (old && old.use_count() == 1 && !m_spare) m_spare = std::move(old);
    }
    m_wake.notify_one();   // room for the next view
    return true;           // an old view not kept is freed here, outside the lock
}

uint64_t SimThread::calendarEnds() const {
    std::lock_guard lock(m_mutex);
    return m_calendarEnds;
}

SimThread::Stats SimThread::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void SimThread::publish(std::unique_lock<std::mutex>& lock, uint64_t applied) {
    // Copy into a view nobody reads: a stale one not taken, or one the frame gave back.
    std::shared_ptr<World> view = m_published ? std::move(m_published) : std::move(m_spare);
    lock.unlock();
    const auto t0 = Clock::now();
    if (view) *view = *m_live;   // keeps the view's allocations: no page faults
    else view = std::make_shared<World>(*m_live);
    const double ms = msSince(t0);
    lock.lock();
    m_published = std::move(view);
    m_publishedApplied = applied;
    ++m_stats.copies;
    m_stats.copyTotalMs += ms;
    m_stats.copyMaxMs = std::max(m_stats.copyMaxMs, ms);
}

void SimThread::loop(const std::stop_token& stop) {
    // When the cores are busy the frame (and the GL rasteriser's threads) go first: a late
    // round is not seen, a late frame is. Best effort; Linux takes a thread id here.
    setpriority(PRIO_PROCESS, id_t(gettid()), kNiceness);
    Clock::time_point nextRound{};
    bool wasRunning = false;
    bool dirty = false;     // the live world changed since the last view
    uint64_t applied = 0;   // commands run
    std::unique_lock lock(m_mutex);
    while (!stop.stop_requested()) {
        const auto now = Clock::now();
        const auto interval = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(1.0 / std::max(double(m_pace.roundsPerSecond), 0.01)));
        if (m_pace.running && !wasRunning) nextRound = now + interval;   // the first round an interval after "play"
        wasRunning = m_pace.running;
        if (!m_commands.empty()) {
            Command command = std::move(m_commands.front());
            m_commands.pop_front();
            lock.unlock();
            const bool ok = command(*m_live);
            lock.lock();
            ++applied;
            dirty = true;
            if (!ok) ++m_calendarEnds;
        } else if (dirty && (!m_published || m_publishedApplied < applied)) {
            publish(lock, applied);
            dirty = false;
        } else if (m_pace.running && (m_pace.maxSpeed || now >= nextRound)) {
            lock.unlock();
            const auto t0 = Clock::now();
            const bool ok = m_live->stepRound();
            const double ms = msSince(t0);
            lock.lock();
            ++m_stats.rounds;
            m_stats.roundMaxMs = std::max(m_stats.roundMaxMs, ms);
            dirty = true;
            if (!ok) {   // the calendar is over: stop until the window asks again
                ++m_calendarEnds;
                m_pace.running = wasRunning = false;
            }
            nextRound = std::max(nextRound + interval, Clock::now() - 3 * interval);   // no catch-up storm after a stall
        } else {
            const Pace seen = m_pace;
            auto woken = [&] { return !m_commands.empty() || (dirty && !m_published) || !(m_pace == seen); };
            if (m_pace.running && !m_pace.maxSpeed) m_wake.wait_until(lock, stop, nextRound, woken);
            else m_wake.wait(lock, stop, woken);
        }
    }
}

}  // namespace tsunagari
