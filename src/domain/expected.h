#pragma once

#include <stdexcept>
#include <utility>
#include <variant>

#include "domain/error.h"

namespace pd {

// The domain's result type: a value or the reason there is none. GCC 12 has no std::expected in
// C++20 mode; this keeps its shape (has_value, value, error, operator*) so it can be swapped later.
template <class T, class E = Error>
class [[nodiscard]] Expected {
  public:
    Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Expected(E error) : state_(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    [[nodiscard]] const T& value() const& {
        if (!has_value()) throw std::logic_error("Expected::value() called on an error");
        return std::get<0>(state_);
    }
    [[nodiscard]] T& value() & {
        if (!has_value()) throw std::logic_error("Expected::value() called on an error");
        return std::get<0>(state_);
    }
    [[nodiscard]] T&& value() && {
        if (!has_value()) throw std::logic_error("Expected::value() called on an error");
        return std::get<0>(std::move(state_));
    }
    [[nodiscard]] const E& error() const& {
        if (has_value()) throw std::logic_error("Expected::error() called on a value");
        return std::get<1>(state_);
    }

    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

  private:
    std::variant<T, E> state_;
};

}  // namespace pd
