// Line-by-line reading of plain or zstd-compressed data (JSONL files, stdin).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/expected.h"

namespace recoupe::ingest {

// Receives each line without its '\n', its 1-based number, and whether it was over the
// length limit (then `line` is empty: the caller reports it and goes on).
using LineHandler = std::function<void(std::string_view line, size_t line_number, bool oversized)>;

// Splits a stream of bytes given in chunks of any size into lines. Memory: one line, at most
// `max_line_bytes`, however long the stream. Not thread-safe.
class LineSplitter {
 public:
  LineSplitter(size_t max_line_bytes, LineHandler on_line)
      : max_line_bytes_(max_line_bytes), on_line_(std::move(on_line)) {}

  void feed(std::string_view chunk);
  // Hands over a last line that had no '\n'. Call once, after the last feed().
  void finish();
  size_t lines() const { return line_no_; }

 private:
  void flush();

  size_t max_line_bytes_;
  LineHandler on_line_;
  std::string pending_;
  bool oversized_ = false;
  size_t line_no_ = 0;
};

// Calls `on_line` for each line of `path`; a name ending in ".zst" (any case) is decompressed
// on the fly. Returns the number of lines, or an Error naming the file: cannot open, corrupt
// zstd data, a zstd frame whose window is over the decoder's 128 MB limit (said as such:
// the data is not corrupt), or a zstd file that ends inside a frame (truncated). A line over
// `max_line_bytes` is not an error here: it reaches `on_line` as oversized. Lines read before an
// error were handed over. Memory: one line and two 1 MB buffers.
Expected<size_t> for_each_line(const std::string& path, size_t max_line_bytes,
                               const LineHandler& on_line);

}  // namespace recoupe::ingest
