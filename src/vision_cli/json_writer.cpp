#include "json_writer.h"

#include <cmath>
#include <cstdio>

namespace pd::vision::cli {

std::string json_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;  // UTF-8 passes through
                }
        }
    }
    return out;
}

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_) out_ += ',';
    first_ = false;
}

JsonWriter& JsonWriter::begin_object() {
    separate();
    out_ += '{';
    first_ = true;
    return *this;
}
JsonWriter& JsonWriter::end_object() {
    out_ += '}';
    first_ = false;
    return *this;
}
JsonWriter& JsonWriter::begin_array(std::string_view k) {
    if (!k.empty()) key(k);
    separate();
    out_ += '[';
    first_ = true;
    return *this;
}
JsonWriter& JsonWriter::end_array() {
    out_ += ']';
    first_ = false;
    return *this;
}
JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    out_ += '"' + json_escape(k) + "\":";
    after_key_ = true;
    return *this;
}
JsonWriter& JsonWriter::value(std::string_view s) {
    separate();
    out_ += '"' + json_escape(s) + '"';
    return *this;
}
JsonWriter& JsonWriter::value(double d) {
    separate();
    if (!std::isfinite(d)) {
        out_ += "null";
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", d);
        out_ += buf;
    }
    return *this;
}
JsonWriter& JsonWriter::value(long long i) {
    separate();
    out_ += std::to_string(i);
    return *this;
}
JsonWriter& JsonWriter::value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

}  // namespace pd::vision::cli
