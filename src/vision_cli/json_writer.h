#pragma once

#include <string>
#include <string_view>

namespace pd::vision::cli {

// Minimal JSON building for the tool's --json output (objects, arrays, strings, numbers).
class JsonWriter {
  public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array(std::string_view key = {});
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(double d);
    JsonWriter& value(long long i);
    JsonWriter& value(int i) { return value(static_cast<long long>(i)); }
    JsonWriter& value(bool b);
    template <class T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    [[nodiscard]] const std::string& str() const noexcept { return out_; }

  private:
    void separate();
    std::string out_;
    bool first_ = true;
    bool after_key_ = false;
};

[[nodiscard]] std::string json_escape(std::string_view s);

}  // namespace pd::vision::cli
