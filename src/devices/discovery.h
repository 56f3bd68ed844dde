#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "devices/reader_error.h"
#include "devices/serial_link.h"

namespace pd::devices {

// The ports a reader may be on. Linux: /dev/serial/by-id/* first (stable names), then
// /dev/ttyUSB* and /dev/ttyACM* not already reached through a by-id link. Windows: COM1..COM32
// as \\.\COMn. Sorted, without duplicates.
[[nodiscard]] std::vector<std::string> candidate_ports();

// Probes each port with a SAM status request and returns the first that answers with success.
// The caller stores the answer (e.g. in the workstation config) and passes it as the port next
// time. NoReader when none answered; the detail lists what each port said.
[[nodiscard]] Result<std::string> discover_reader(
    const std::vector<std::string>& candidates, unsigned baud = kDefaultBaud,
    std::chrono::milliseconds probe_timeout = std::chrono::milliseconds(500));

}  // namespace pd::devices
