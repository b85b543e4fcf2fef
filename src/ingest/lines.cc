#include "ingest/lines.h"

#include <zstd.h>

#include <fstream>
#include <memory>
#include <vector>

namespace recoupe::ingest {

void LineSplitter::feed(std::string_view chunk) {
  size_t start = 0;
  while (start < chunk.size()) {
    size_t nl = chunk.find('\n', start);
    size_t end = nl == std::string_view::npos ? chunk.size() : nl;
    if (!oversized_) {
      if (pending_.size() + (end - start) > max_line_bytes_) {
        oversized_ = true;
        std::string().swap(pending_);  // give the memory back now
      } else {
        pending_.append(chunk.data() + start, end - start);
      }
    }
    if (nl == std::string_view::npos) break;
    flush();
    start = nl + 1;
  }
}

void LineSplitter::finish() {
  if (!pending_.empty() || oversized_) flush();
}

void LineSplitter::flush() {
  on_line_(oversized_ ? std::string_view() : std::string_view(pending_), ++line_no_, oversized_);
  pending_.clear();
  oversized_ = false;
}

Expected<size_t> for_each_line(const std::string& path, size_t max_line_bytes,
                               const LineHandler& on_line) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "cannot open"};
  LineSplitter lines(max_line_bytes, on_line);
  std::vector<char> buf(1 << 20);
  const bool zst = path.size() > 4 && path.compare(path.size() - 4, 4, ".zst") == 0;
  if (!zst) {
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      if (in.gcount() > 0)
        lines.feed(std::string_view(buf.data(), static_cast<size_t>(in.gcount())));
    }
    lines.finish();
    return lines.lines();
  }
  std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> dctx(ZSTD_createDCtx(), &ZSTD_freeDCtx);
  std::vector<char> out(ZSTD_DStreamOutSize());
  size_t last_rc = 0;  // 0 once a frame is complete and flushed
  bool any_input = false;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    ZSTD_inBuffer input = {buf.data(), static_cast<size_t>(in.gcount()), 0};
    any_input |= input.size > 0;
    // Loop until this chunk is consumed AND the decoder has no output left to flush (a full
    // output buffer may hide more data in the decoder).
    bool output_full = false;
    while (input.pos < input.size || output_full) {
      ZSTD_outBuffer output = {out.data(), out.size(), 0};
      last_rc = ZSTD_decompressStream(dctx.get(), &output, &input);
      if (ZSTD_isError(last_rc)) {
        lines.finish();
        return Error{path, std::string("corrupt zstd data: ") + ZSTD_getErrorName(last_rc)};
      }
      lines.feed(std::string_view(out.data(), output.pos));
      output_full = output.pos == output.size;
    }
  }
  lines.finish();
  if (any_input && last_rc != 0)
    return Error{path, "truncated zstd data (the file ends inside a frame)"};
  return lines.lines();
}

}  // namespace recoupe::ingest
