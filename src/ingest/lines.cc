#include "ingest/lines.h"

#include <zstd.h>
#include <zstd_errors.h>

#include <cctype>

#include <fstream>
#include <memory>
#include <vector>

#include <fmt/format.h>

namespace recoupe::ingest {
namespace {

// The largest zstd window decoded: 128 MB of memory (zstd's own default limit). Frames of
// `zstd -19` and below stay far under it; only --long or --ultra on big files go over.
constexpr int kZstdWindowLogMax = 27;

// ".zst" in any case, as the reader's own file kinds ("X.JSONL.ZST" is compressed too).
bool is_zst_name(const std::string& path) {
  if (path.size() < 4) return false;
  std::string tail = path.substr(path.size() - 4);
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ".zst";
}

// What a decoder error means for the user. A frame that asks for a larger window than the
// decoder's memory limit (zstd --long, --ultra on big files) is valid data over a limit,
// not corruption, and says how to make it readable.
std::string zstd_error_message(size_t rc) {
  if (ZSTD_getErrorCode(rc) == ZSTD_error_frameParameter_windowTooLarge)
    return fmt::format(
        "zstd frame needs a window over the {} MB limit of the decoder (compressed with "
        "--long or --ultra?); recompress it without, e.g. zstd -d -c FILE | zstd -19",
        (size_t{1} << kZstdWindowLogMax) >> 20);
  return std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc);
}

}  // namespace

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
  const bool zst = is_zst_name(path);
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
  ZSTD_DCtx_setParameter(dctx.get(), ZSTD_d_windowLogMax, kZstdWindowLogMax);
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
        return Error{path, zstd_error_message(last_rc)};
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
