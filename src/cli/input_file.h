// The files an evaluation command reads to the end (a gold set, references, an articles
// set, a NER corpus) are checked before they are opened, so that a wrong path gives one
// line naming it instead of a hang (a FIFO), a stream of per-line errors (binary data) or a
// silent exit (an empty file).
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace recoupe::cli {

// How much of a plain file is sniffed for binary content: enough to see that random bytes
// or an image are not JSON Lines (a NUL byte in 64 KB of random data is all but certain),
// small enough to cost nothing.
constexpr size_t kSniffBytes = 64 * 1024;

// Empty when `path` can be read as a gold file; else the reason, as "PATH: why" (one line):
// it does not exist, it is not a regular file (a folder, FIFO, socket or device: reading it
// could block forever), it is empty, it cannot be opened, a ".zst" name does not start with
// the zstd magic number, or a plain file holds a NUL byte in its first kSniffBytes (binary,
// not text). Cost: one stat and at most kSniffBytes read. Thread-safe.
inline std::string refuse_input_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || status.type() == fs::file_type::not_found) return path + ": no such file";
  if (status.type() == fs::file_type::directory) return path + ": is a folder, not a file";
  if (status.type() != fs::file_type::regular)
    return path + ": not a regular file (FIFO, socket or device); give a file";
  const auto size = fs::file_size(path, ec);
  if (!ec && size == 0) return path + ": empty file";
  std::ifstream in(path, std::ios::binary);
  if (!in) return path + ": cannot open (permission?)";
  std::string head(kSniffBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (path.ends_with(".zst")) {
    if (!head.starts_with(std::string_view("\x28\xB5\x2F\xFD", 4)))
      return path + ": not zstd data (the name ends in .zst)";
  } else if (std::find(head.begin(), head.end(), '\0') != head.end()) {
    return path + ": not a text file (binary data)";
  }
  return "";
}

// refuse_input_file for `command`: true when `path` can be read; else false after the
// reason on stderr as "recoupe COMMAND: PATH: why".
inline bool accept_input_file(const char* command, const std::string& path) {
  const std::string why = refuse_input_file(path);
  if (!why.empty()) std::fprintf(stderr, "recoupe %s: %s\n", command, why.c_str());
  return why.empty();
}

}  // namespace recoupe::cli
