#include "ingest/reader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/json_depth.h"
#include "ingest/encoding.h"
#include "ingest/html_nesting.h"
#include "ingest/lines.h"
#include "text/fold.h"

namespace recoupe::ingest {
namespace fs = std::filesystem;
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

enum class FileKind { kText, kHtml, kJsonl, kJsonlZst, kOther };

FileKind kind_of(const fs::path& p) {
  std::string name = text::ascii_lower(p.filename().string());
  if (ends_with(name, ".jsonl.zst")) return FileKind::kJsonlZst;
  if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) return FileKind::kJsonl;
  if (ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".xhtml"))
    return FileKind::kHtml;
  if (ends_with(name, ".txt") || ends_with(name, ".text")) return FileKind::kText;
  return FileKind::kOther;
}

bool looks_like_html(std::string_view s) {
  std::string head = text::ascii_lower(std::string(s.substr(0, 2048)));
  return head.find("<html") != std::string::npos ||
         head.find("<!doctype html") != std::string::npos ||
         head.find("<body") != std::string::npos || head.find("<head") != std::string::npos ||
         (head.find("<p>") != std::string::npos && head.find("</p>") != std::string::npos) ||
         head.find("<article") != std::string::npos || head.find("<div") != std::string::npos;
}

std::string human_size(size_t bytes) {
  if (bytes >= (1u << 20)) return fmt::format("{:.1f} MB", bytes / 1048576.0);
  if (bytes >= 1024) return fmt::format("{:.1f} KB", bytes / 1024.0);
  return fmt::format("{} bytes", bytes);
}

// One line of message: a file name or JSON error may hold newlines or terminal escapes.
std::string one_line(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  return s;
}

Error refusal(const std::string& where, const std::string& message) {
  return Error{one_line(where), one_line(message)};
}

Expected<std::string> read_file_bytes(const fs::path& path, const ReadLimits& limits) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return refusal(path.string(), "cannot read: " + ec.message());
  // Refused from its size alone: a 200 MB file costs nothing to turn away.
  if (size > limits.max_document_bytes)
    return refusal(path.string(),
                   fmt::format("file is {}, over the {} limit for one article", human_size(size),
                               human_size(limits.max_document_bytes)));
  std::ifstream in(path, std::ios::binary);
  if (!in) return refusal(path.string(), "cannot open");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

// Turns the lines of a JSONL stream into records (or refusals naming "file:line") for `sink`.
LineHandler record_handler(const std::string& where, const ReadLimits& limits,
                           const std::function<void(Expected<RawDocument>)>& sink,
                           size_t* records) {
  return [where, &limits, &sink, records](std::string_view line, size_t n, bool oversized) {
    std::string at = fmt::format("{}:{}", where, n);
    if (oversized) {
      ++*records;
      sink(refusal(at, fmt::format("line over the {} limit for one record",
                                   human_size(limits.max_line_bytes))));
    } else if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      ++*records;
      sink(parse_jsonl_record(line, at, limits));
    }
  };
}

void read_jsonl(const fs::path& path, const ReadLimits& limits,
                const std::function<void(Expected<RawDocument>)>& sink) {
  size_t records = 0;
  auto status = for_each_line(path.string(), limits.max_line_bytes,
                              record_handler(path.string(), limits, sink, &records));
  if (!status)
    sink(refusal(path.string(), status.error().message));
  else if (records == 0)
    sink(refusal(path.string(), "empty file (no JSONL record)"));
}

void read_path(const fs::path& path, bool explicit_file, const ReadLimits& limits,
               const std::function<void(Expected<RawDocument>)>& sink) {
  FileKind kind = kind_of(path);
  switch (kind) {
    case FileKind::kJsonl:
    case FileKind::kJsonlZst:
      read_jsonl(path, limits, sink);
      return;
    case FileKind::kOther:
      if (!explicit_file) return;  // a folder's README, images…: not articles
      [[fallthrough]];
    case FileKind::kText:
    case FileKind::kHtml: {
      auto bytes = read_file_bytes(path, limits);
      if (!bytes) {
        sink(bytes.error());
        return;
      }
      std::optional<ContentKind> content_kind;
      if (kind == FileKind::kHtml) content_kind = ContentKind::kHtml;
      if (kind == FileKind::kText) content_kind = ContentKind::kText;
      sink(make_raw_document(std::move(*bytes), path.string(), content_kind, limits));
      return;
    }
  }
}

// One thing found in a folder: an article file to read, or what is wrong with an entry
// that looks like one (it is refused, never skipped in silence).
struct FolderEntry {
  fs::path path;
  std::optional<Error> problem;
};

const char* special_file_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

// The article files under `root` and the problems met on the way, sorted by path (element
// by element). Hidden entries are skipped, and so are entries whose name is not an
// article's (README, images…). What is refused, each with its own error: a sub-folder that
// cannot be read (permissions), an article-named link that is broken or loops, an
// article-named FIFO, socket or device (never opened: reading a FIFO would wait forever),
// and a link to a folder already read (a loop, or the same folder twice). Links to folders
// are followed. Walks with an explicit stack (no recursion, however deep the tree).
std::vector<FolderEntry> list_folder(const fs::path& root) {
  std::vector<FolderEntry> out;
  std::set<std::pair<dev_t, ino_t>> folders_read;
  struct stat st {};
  if (::stat(root.c_str(), &st) == 0) folders_read.emplace(st.st_dev, st.st_ino);
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out.push_back({dir, refusal(dir.string(), "cannot read folder: " + ec.message())});
      continue;
    }
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      std::string name = path.filename().string();
      if (!name.empty() && name[0] == '.') continue;  // hidden: .git/, .DS_Store, ._x.html
      const bool article_name = kind_of(path) != FileKind::kOther;
      std::error_code link_ec;
      const bool link = it->is_symlink(link_ec);
      if (::stat(path.c_str(), &st) != 0) {  // follows links
        int err = errno;
        if (!article_name && link) continue;  // a dangling link to something not an article
        std::string why = !link          ? std::string("cannot read: ") + std::strerror(err)
                          : err == ELOOP ? std::string("symbolic link loop (not followed)")
                          : err == ENOENT
                              ? std::string("broken symbolic link (its target is missing)")
                              : std::string("cannot follow link: ") + std::strerror(err);
        out.push_back({path, refusal(path.string(), why)});
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (!folders_read.emplace(st.st_dev, st.st_ino).second) {
          out.push_back({path, refusal(path.string(),
                                       "link to a folder already read (a loop, or the same folder "
                                       "twice): not read again")});
          continue;
        }
        pending.push_back(path);
      } else if (article_name) {
        if (S_ISREG(st.st_mode))
          out.push_back({path, std::nullopt});
        else
          out.push_back(
              {path, refusal(path.string(), std::string("not a regular file: ") +
                                                special_file_kind(st.st_mode) + ", not read")});
      }
    }
    if (ec) out.push_back({dir, refusal(dir.string(), "cannot list folder: " + ec.message())});
  }
  std::sort(out.begin(), out.end(),
            [](const FolderEntry& a, const FolderEntry& b) { return a.path < b.path; });
  return out;
}

// What stdin has now (blocking only until some bytes arrive), 0 at end of input: JSON
// Lines from a pipe are handled as they come (`tail -f feed.jsonl | recoupe stream -`)
// instead of in 64 KB blocks.
size_t read_some(std::vector<char>& buf) {
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buf.data(), buf.size());
    if (n >= 0) return size_t(n);
    if (errno != EINTR) return 0;
  }
}

void read_stdin(const ReadLimits& limits, const std::function<void(Expected<RawDocument>)>& sink) {
  std::string head;
  std::vector<char> buf(1 << 16);
  size_t n;
  size_t first = std::string::npos;
  // Enough bytes to see the first non-blank character (JSON Lines or one document?).
  while (first == std::string::npos && (n = read_some(buf)) > 0) {
    head.append(buf.data(), n);
    first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  }
  if (first != std::string::npos && head[first] == '{') {
    size_t records = 0;
    LineSplitter lines(limits.max_line_bytes, record_handler("-", limits, sink, &records));
    lines.feed(head);
    while ((n = read_some(buf)) > 0) lines.feed(std::string_view(buf.data(), n));
    lines.finish();
    return;
  }
  std::string all = std::move(head);
  while ((n = read_some(buf)) > 0) {
    if (all.size() + n > limits.max_document_bytes) {
      sink(refusal("-", fmt::format("input over the {} limit for one article",
                                    human_size(limits.max_document_bytes))));
      return;
    }
    all.append(buf.data(), n);
  }
  sink(make_raw_document(std::move(all), "-", std::nullopt, limits));
}

// A non-blank string field, control characters removed; nullopt when absent, of another
// JSON type, or blank.
std::optional<std::string> string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  std::string v = strip_controls(it->get_ref<const std::string&>());
  if (v.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  return v;
}

// A label given as a string or an integer ("id": 42 → "42").
std::optional<std::string> label_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_number_integer()) return it->dump();
  return string_field(j, key);
}

}  // namespace

std::string content_hash_id(std::string_view content) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  for (unsigned char c : content) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

Expected<RawDocument> make_raw_document(std::string bytes, const std::string& where,
                                        std::optional<ContentKind> kind, const ReadLimits& limits) {
  if (bytes.empty()) return refusal(where, where == "-" ? "empty input" : "empty file");
  std::string declared = kind != ContentKind::kText ? declared_html_charset(bytes) : "";
  auto decoded = decode_to_utf8(bytes, declared);
  if (!decoded) return refusal(where, decoded.error().message);
  RawDocument doc;
  doc.file = where;
  doc.content = std::move(decoded->text);
  doc.encoding = decoded->encoding;
  if (doc.content.find_first_not_of(" \t\r\n") == std::string::npos)
    return refusal(where, "no text (only whitespace)");
  doc.kind = kind ? *kind : looks_like_html(doc.content) ? ContentKind::kHtml : ContentKind::kText;
  if (doc.kind == ContentKind::kHtml)
    doc.content = bound_html_nesting(doc.content, limits.max_html_depth);
  doc.id = where == "-" ? content_hash_id(doc.content) : fs::path(where).filename().string();
  return doc;
}

Expected<RawDocument> parse_jsonl_record(std::string_view line, const std::string& where,
                                         const ReadLimits& limits) {
  // nlohmann's parser recurses: refuse deep nesting before it sees the line.
  if (json_depth(line, limits.max_json_depth) > limits.max_json_depth)
    return refusal(where, fmt::format("JSON nested deeper than {} levels", limits.max_json_depth));
  std::string utf8(line);
  if (!is_valid_utf8(utf8)) {
    auto decoded = decode_to_utf8(utf8);
    if (!decoded) return refusal(where, decoded.error().message);
    utf8 = std::move(decoded->text);
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(utf8);
  } catch (const nlohmann::json::exception& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while
    // parsing value - invalid literal; last read: '…'" → the part between.
    std::string why = e.what();
    if (auto close = why.find("] "); close != std::string::npos) why.erase(0, close + 2);
    if (auto last = why.find("; last read"); last != std::string::npos) why.erase(last);
    if (why.size() > 200) why = why.substr(0, 200) + "…";
    return refusal(where, "not valid JSON: " + why);
  }
  if (!j.is_object()) return refusal(where, "a record must be a JSON object");
  RawDocument doc;
  doc.file = where;
  // Prefer HTML when both are given: it carries the metadata and structure.
  if (auto html = string_field(j, "html")) {
    doc.kind = ContentKind::kHtml;
    doc.content = bound_html_nesting(repair_mojibake(*html), limits.max_html_depth);
  } else if (auto text = string_field(j, "text")) {
    doc.kind = ContentKind::kText;
    doc.content = repair_mojibake(*text);
  } else {
    return refusal(where, "record has no non-blank \"text\" or \"html\" string");
  }
  doc.encoding = "UTF-8";
  doc.id = label_field(j, "id").value_or(content_hash_id(doc.content));
  doc.url = string_field(j, "url");
  doc.source = string_field(j, "source");
  doc.title = string_field(j, "title");
  doc.published = string_field(j, "published");
  doc.language = string_field(j, "lang");
  if (!doc.language) doc.language = string_field(j, "language");
  doc.event = label_field(j, "event");
  doc.final_url = string_field(j, "final_url");  // recoupe fetch's records
  doc.fetched_at = string_field(j, "fetched_at");
  return doc;
}

void read_inputs(const std::vector<std::string>& paths, const ReadLimits& limits,
                 const std::function<void(Expected<RawDocument>)>& sink) {
  for (const auto& p : paths) {
    if (p == "-") {
      read_stdin(limits, sink);
      continue;
    }
    std::error_code ec;
    fs::path path(p);
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      sink(refusal(p, "no such file or folder"));
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<FolderEntry> entries = list_folder(path);
      if (entries.empty())
        sink(refusal(p, "no article file (.txt, .html, .htm, .jsonl, .jsonl.zst) in folder"));
      for (auto& e : entries) {
        if (e.problem)
          sink(std::move(*e.problem));
        else
          read_path(e.path, /*explicit_file=*/false, limits, sink);
      }
      continue;
    }
    read_path(path, /*explicit_file=*/true, limits, sink);
  }
}

}  // namespace recoupe::ingest
