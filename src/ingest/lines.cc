#include "ingest/lines.h"

#include <zstd.h>

#include <fstream>
#include <memory>
#include <vector>

namespace recoupe::ingest {

Expected<size_t> for_each_line(const std::string& path, size_t max_line_bytes,
                               const std::function<void(std::string_view, size_t, bool)>& on_line) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "cannot open"};
  std::string pending;
  bool oversized = false;
  size_t line_no = 0;
  auto feed = [&](std::string_view chunk) {
    size_t start = 0;
    while (start < chunk.size()) {
      size_t nl = chunk.find('\n', start);
      size_t end = nl == std::string_view::npos ? chunk.size() : nl;
      if (!oversized) {
        if (pending.size() + (end - start) > max_line_bytes) {
          oversized = true;
          std::string().swap(pending);
        } else {
          pending.append(chunk.data() + start, end - start);
        }
      }
      if (nl == std::string_view::npos) break;
      on_line(oversized ? std::string_view() : std::string_view(pending), ++line_no, oversized);
      pending.clear();
      oversized = false;
      start = nl + 1;
    }
  };
  std::vector<char> buf(1 << 20);
  const bool zst = path.size() > 4 && path.compare(path.size() - 4, 4, ".zst") == 0;
  if (!zst) {
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      if (in.gcount() > 0) feed(std::string_view(buf.data(), static_cast<size_t>(in.gcount())));
    }
  } else {
    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> dctx(ZSTD_createDCtx(), &ZSTD_freeDCtx);
    std::vector<char> out(ZSTD_DStreamOutSize());
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      ZSTD_inBuffer input = {buf.data(), static_cast<size_t>(in.gcount()), 0};
      while (input.pos < input.size) {
        ZSTD_outBuffer output = {out.data(), out.size(), 0};
        size_t rc = ZSTD_decompressStream(dctx.get(), &output, &input);
        if (ZSTD_isError(rc))
          return Error{path, std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc)};
        feed(std::string_view(out.data(), output.pos));
      }
    }
  }
  if (!pending.empty() || oversized)
    on_line(oversized ? std::string_view() : std::string_view(pending), ++line_no, oversized);
  return line_no;
}

}  // namespace recoupe::ingest
