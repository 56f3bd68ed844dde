#include "domain/idle_lock.h"

#include <algorithm>

namespace pd {

namespace {

std::chrono::seconds clamp_timeout(std::chrono::seconds t) {
    return std::clamp<std::chrono::seconds>(t, std::chrono::minutes{1}, std::chrono::minutes{60});
}

}  // namespace

IdleLock::IdleLock(const Clock& clock, std::chrono::seconds timeout)
    : clock_(clock), timeout_(clamp_timeout(timeout)), last_activity_(clock.now()) {}

void IdleLock::activity() {
    if (!locked_) last_activity_ = clock_.now();
}

bool IdleLock::should_lock() const {
    return !locked_ && clock_.now() - last_activity_ >= timeout_;
}

void IdleLock::lock() {
    locked_ = true;
}

void IdleLock::unlock() {
    locked_ = false;
    last_activity_ = clock_.now();
}

void IdleLock::set_timeout(std::chrono::seconds timeout) {
    timeout_ = clamp_timeout(timeout);
}

std::chrono::seconds IdleLock::remaining() const {
    if (locked_) return std::chrono::seconds{0};
    const auto left =
        timeout_ - std::chrono::duration_cast<std::chrono::seconds>(clock_.now() - last_activity_);
    return std::max(left, std::chrono::seconds{0});
}

}  // namespace pd
