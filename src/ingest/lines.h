// Line-by-line reading of plain or zstd-compressed files (JSONL data sets).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/expected.h"

namespace recoupe::ingest {

// Calls `on_line(line, line_number)` (1-based, without the '\n') for each line of `path`;
// a name ending in ".zst" is decompressed on the fly. Lines longer than `max_line_bytes` are
// passed as empty with `oversized` set, so a caller can report them and go on.
// Returns the number of lines, or an Error naming the file (cannot open, corrupt zstd).
// Memory: one line at a time.
Expected<size_t> for_each_line(
    const std::string& path, size_t max_line_bytes,
    const std::function<void(std::string_view line, size_t line_number, bool oversized)>& on_line);

}  // namespace recoupe::ingest
