#include "domain/idle_lock.h"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;

TEST(IdleLock, LocksAfterTheDefaultFiveMinutesOfNoInput) {
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::IdleLock lock{clock};
    EXPECT_EQ(lock.timeout(), 5min);
    clock.advance(5min - 1s);
    EXPECT_FALSE(lock.should_lock());
    EXPECT_EQ(lock.remaining(), 1s);
    clock.advance(1s);
    EXPECT_TRUE(lock.should_lock());
}

TEST(IdleLock, ActivityRestartsTheTimer) {
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::IdleLock lock{clock, 2min};
    clock.advance(90s);
    lock.activity();
    clock.advance(90s);
    EXPECT_FALSE(lock.should_lock());
    clock.advance(30s);
    EXPECT_TRUE(lock.should_lock());
}

TEST(IdleLock, LockedStaysLockedUntilUnlockedAndInputDoesNotCount) {
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::IdleLock lock{clock, 1min};
    clock.advance(1min);
    ASSERT_TRUE(lock.should_lock());
    lock.lock();
    EXPECT_TRUE(lock.locked());
    EXPECT_FALSE(lock.should_lock());  // already locked: nothing more to do
    lock.activity();                   // a key pressed at the lock screen
    EXPECT_TRUE(lock.locked());
    lock.unlock();
    EXPECT_FALSE(lock.locked());
    EXPECT_EQ(lock.remaining(), 1min);
    clock.advance(59s);
    EXPECT_FALSE(lock.should_lock());
}

TEST(IdleLock, TimeoutIsClampedToSaneValues) {
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::IdleLock lock{clock, 0s};
    EXPECT_EQ(lock.timeout(), 1min);
    lock.set_timeout(24h);
    EXPECT_EQ(lock.timeout(), 60min);
    lock.set_timeout(10min);
    EXPECT_EQ(lock.timeout(), 10min);
}

}  // namespace
