// The running simulation off the frame: a worker thread owns the live World, steps it at the
// pace the window sets, runs the window's commands between rounds, and publishes copies of
// the world for the frame to draw. The frame never touches the live World and never waits
// for a step; see docs/window-threads.md.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include "world.h"

namespace tsunagari {

class SimThread {
public:
    struct Pace {
        bool running = false;          // stepping rounds on its own
        float roundsPerSecond = 4.0f;
        bool maxSpeed = false;         // rounds back to back
        bool operator==(const Pace&) const = default;
    };
    struct Stats {
        uint64_t rounds = 0;           // rounds stepped by the pace (not by commands)
        double roundMaxMs = 0;
        uint64_t copies = 0;           // views published
        double copyTotalMs = 0, copyMaxMs = 0;
    };
    // A command runs on the live world between rounds; false means the calendar is over.
    using Command = std::function<bool(World&)>;

    // Takes the live world (nobody else may touch it from now on) and starts paused.
    explicit SimThread(std::shared_ptr<World> live);
    // Stops the thread and joins it: waits for at most the round or command under way.
    ~SimThread();
    SimThread(const SimThread&) = delete;
    SimThread& operator=(const SimThread&) = delete;

    // Frame side. setPace is cheap and only wakes the thread when the pace changed.
    void setPace(const Pace& pace);
    void post(Command command);   // run after every command posted before it
    // Replaces `shown` with the newest published view when there is one that has every posted
    // command applied; true if it did. The old view is kept for reuse when nothing else holds it.
    bool refreshView(std::shared_ptr<World>& shown);
    [[nodiscard]] uint64_t calendarEnds() const;   // times a round or command found the calendar over
    [[nodiscard]] Stats stats() const;

private:
    void loop(const std::stop_token& stop);
    void publish(std::unique_lock<std::mutex>& lock, uint64_t applied);

    mutable std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::shared_ptr<World> m_live;          // the sim thread's alone
    // ---- under m_mutex ----
    Pace m_pace;
    std::deque<Command> m_commands;
    uint64_t m_posted = 0;                  // commands ever posted
    std::shared_ptr<World> m_published;     // newest view not yet taken by the frame
    uint64_t m_publishedApplied = 0;        // commands applied in m_published
    std::shared_ptr<World> m_spare;         // a view the frame gave back, copied into next
    uint64_t m_calendarEnds = 0;
    Stats m_stats;
    // ---- frame side only ----
    Pace m_sentPace;
    std::jthread m_thread;                  // last: starts once everything above exists
};

}  // namespace tsunagari
