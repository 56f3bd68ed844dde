#include "devices/watcher.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "sim_fixture.h"

namespace pd::devices {
namespace {

using namespace test;

// Collects the watcher's events for the test thread to wait on.
class Events {
  public:
    void push(const WatchEvent& e) {
        std::lock_guard lock(mutex_);
        events_.push_back(e);
        cv_.notify_all();
    }
    // Waits until `n` events of `kind` have arrived.
    bool wait_for(WatchEvent::Kind kind, std::size_t n, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        return cv_.wait_for(lock, timeout, [&] { return count_locked(kind) >= n; });
    }
    std::size_t count(WatchEvent::Kind kind) {
        std::lock_guard lock(mutex_);
        return count_locked(kind);
    }
    std::vector<WatchEvent> all() {
        std::lock_guard lock(mutex_);
        return events_;
    }

  private:
    std::size_t count_locked(WatchEvent::Kind kind) const {
        std::size_t n = 0;
        for (const auto& e : events_) n += e.kind == kind ? 1 : 0;
        return n;
    }
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<WatchEvent> events_;
};

class Watch : public SimulatorTest {};

TEST_F(Watch, ReadsEachCardOnceUntilItIsLifted) {
    start();
    sim_->lift_card();
    Events events;
    CardWatcher watcher(fast_options(sim_->device_path()),
                        [&](const WatchEvent& e) { events.push(e); });
    watcher.start();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::ReaderBack, 1, 2000ms));

    sim_->place_card();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::CardRead, 1, 2000ms));
    std::this_thread::sleep_for(400ms);  // several polls with the card still down
    EXPECT_EQ(events.count(WatchEvent::Kind::CardRead), 1u);

    sim_->lift_card();
    std::this_thread::sleep_for(150ms);
    sim_->place_card();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::CardRead, 2, 2000ms));
    watcher.stop();
    EXPECT_FALSE(watcher.running());

    const auto all = events.all();
    for (const auto& e : all) {
        if (e.kind == WatchEvent::Kind::CardRead) {
            ASSERT_TRUE(e.card);
            EXPECT_EQ(e.card->text.name, "王建国");
        }
    }
}

TEST_F(Watch, ReportsAFailedReadAndReadsAfterReplacing) {
    start();
    sim_->lift_card();
    sim_->set_fault(idsim::Fault::LiftMidRead, 1);
    Events events;
    CardWatcher watcher(fast_options(sim_->device_path()),
                        [&](const WatchEvent& e) { events.push(e); });
    watcher.start();
    sim_->place_card();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::ReadFailed, 1, 2000ms));
    for (const auto& e : events.all()) {
        if (e.kind == WatchEvent::Kind::ReadFailed) {
            EXPECT_EQ(e.error->message_zh(), "读卡失败，请重新放置");
        }
    }
    sim_->place_card();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::CardRead, 1, 2000ms));
}

TEST_F(Watch, SurvivesAnUnplugAndComesBack) {
    start();
    sim_->lift_card();
    Events events;
    CardWatcher watcher(fast_options(sim_->device_path()),
                        [&](const WatchEvent& e) { events.push(e); });
    watcher.start();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::ReaderBack, 1, 2000ms));
    sim_->unplug();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::ReaderLost, 1, 2000ms));
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(events.count(WatchEvent::Kind::ReaderLost), 1u);  // said once, not every poll
    sim_->plug();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::ReaderBack, 2, 2000ms));
    sim_->place_card();
    ASSERT_TRUE(events.wait_for(WatchEvent::Kind::CardRead, 1, 2000ms));
}

TEST_F(Watch, StopsPromptlyWhenDestroyed) {
    start();
    sim_->lift_card();
    const auto t0 = std::chrono::steady_clock::now();
    {
        CardWatcher watcher(fast_options(sim_->device_path()), [](const WatchEvent&) {});
        watcher.start();
        std::this_thread::sleep_for(100ms);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1000ms);
}

}  // namespace
}  // namespace pd::devices
