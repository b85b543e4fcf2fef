#include "ingest/reader.h"

#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "ingest/encoding.h"

namespace recoupe::ingest {
namespace fs = std::filesystem;
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

enum class FileKind { kText, kHtml, kJsonl, kJsonlZst, kOther };

FileKind kind_of(const fs::path& p) {
  std::string name = lower(p.filename().string());
  if (ends_with(name, ".jsonl.zst")) return FileKind::kJsonlZst;
  if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) return FileKind::kJsonl;
  if (ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".xhtml"))
    return FileKind::kHtml;
  if (ends_with(name, ".txt") || ends_with(name, ".text")) return FileKind::kText;
  return FileKind::kOther;
}

bool looks_like_html(std::string_view s) {
  std::string head = lower(std::string(s.substr(0, 2048)));
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

// Depth of JSON nesting, scanning outside strings; stops early past `limit`.
int json_depth(std::string_view s, int limit) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > limit) return max_depth;
    } else if (c == '}' || c == ']')
      --depth;
  }
  return max_depth;
}

Expected<RawDocument> make_document(std::string bytes, const std::string& where, ContentKind kind,
                                    bool sniff) {
  if (bytes.empty()) return Error{where, "empty file"};
  std::string declared = kind == ContentKind::kHtml || sniff ? declared_html_charset(bytes) : "";
  auto decoded = decode_to_utf8(bytes, declared);
  if (!decoded) return Error{where, decoded.error().message};
  RawDocument doc;
  doc.file = where;
  doc.content = std::move(decoded->text);
  doc.encoding = decoded->encoding;
  size_t first = doc.content.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return Error{where, "no text (only whitespace)"};
  doc.kind =
      sniff ? (looks_like_html(doc.content) ? ContentKind::kHtml : ContentKind::kText) : kind;
  doc.id = fs::path(where).filename().string();
  if (where == "-") doc.id = content_hash_id(doc.content);
  return doc;
}

Expected<std::string> read_file_bytes(const fs::path& path, const ReadLimits& limits) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Error{path.string(), "cannot read: " + ec.message()};
  if (size > limits.max_document_bytes)
    return Error{path.string(),
                 fmt::format("file is {}, over the {} limit for one article", human_size(size),
                             human_size(limits.max_document_bytes))};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path.string(), "cannot open"};
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

// Calls on_line(line, line_number) for each line of a stream of bytes given in chunks.
class LineSplitter {
 public:
  LineSplitter(const std::string& where, const ReadLimits& limits,
               const std::function<void(Expected<RawDocument>)>& sink)
      : where_(where), limits_(limits), sink_(sink) {}

  void feed(std::string_view chunk) {
    size_t start = 0;
    while (start < chunk.size()) {
      size_t nl = chunk.find('\n', start);
      size_t end = nl == std::string_view::npos ? chunk.size() : nl;
      if (!oversized_) {
        if (pending_.size() + (end - start) > limits_.max_line_bytes) {
          oversized_ = true;
          pending_.clear();
          pending_.shrink_to_fit();
        } else {
          pending_.append(chunk.data() + start, end - start);
        }
      }
      if (nl == std::string_view::npos) break;
      flush();
      start = nl + 1;
    }
  }

  void finish() {
    if (!pending_.empty() || oversized_) flush();
  }

 private:
  void flush() {
    ++line_no_;
    std::string where = fmt::format("{}:{}", where_, line_no_);
    if (oversized_) {
      sink_(Error{where, fmt::format("line over the {} limit for one record",
                                     human_size(limits_.max_line_bytes))});
    } else if (pending_.find_first_not_of(" \t\r") != std::string::npos) {
      sink_(parse_jsonl_record(pending_, where, limits_));
    }
    pending_.clear();
    oversized_ = false;
  }

  std::string where_;
  const ReadLimits& limits_;
  const std::function<void(Expected<RawDocument>)>& sink_;
  std::string pending_;
  bool oversized_ = false;
  size_t line_no_ = 0;
};

void read_jsonl(const fs::path& path, bool zst, const ReadLimits& limits,
                const std::function<void(Expected<RawDocument>)>& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink(Error{path.string(), "cannot open"});
    return;
  }
  LineSplitter lines(path.string(), limits, sink);
  std::vector<char> buf(1 << 20);
  if (!zst) {
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      if (in.gcount() > 0)
        lines.feed(std::string_view(buf.data(), static_cast<size_t>(in.gcount())));
    }
    lines.finish();
    return;
  }
  std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> dctx(ZSTD_createDCtx(), &ZSTD_freeDCtx);
  std::vector<char> out(ZSTD_DStreamOutSize());
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    ZSTD_inBuffer input = {buf.data(), static_cast<size_t>(in.gcount()), 0};
    while (input.pos < input.size) {
      ZSTD_outBuffer output = {out.data(), out.size(), 0};
      size_t rc = ZSTD_decompressStream(dctx.get(), &output, &input);
      if (ZSTD_isError(rc)) {
        sink(Error{path.string(), std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc)});
        return;
      }
      lines.feed(std::string_view(out.data(), output.pos));
    }
  }
  lines.finish();
}

void read_path(const fs::path& path, bool explicit_file, const ReadLimits& limits,
               const std::function<void(Expected<RawDocument>)>& sink) {
  FileKind kind = kind_of(path);
  switch (kind) {
    case FileKind::kJsonl:
    case FileKind::kJsonlZst:
      read_jsonl(path, kind == FileKind::kJsonlZst, limits, sink);
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
      sink(make_document(std::move(*bytes), path.string(),
                         kind == FileKind::kHtml ? ContentKind::kHtml : ContentKind::kText,
                         kind == FileKind::kOther));
      return;
    }
  }
}

void read_stdin(const ReadLimits& limits, const std::function<void(Expected<RawDocument>)>& sink) {
  std::string head;
  std::vector<char> buf(1 << 16);
  size_t n = std::fread(buf.data(), 1, buf.size(), stdin);
  head.assign(buf.data(), n);
  size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && head[first] == '{') {
    LineSplitter lines("-", limits, sink);
    lines.feed(head);
    while ((n = std::fread(buf.data(), 1, buf.size(), stdin)) > 0)
      lines.feed(std::string_view(buf.data(), n));
    lines.finish();
    return;
  }
  std::string all = std::move(head);
  while ((n = std::fread(buf.data(), 1, buf.size(), stdin)) > 0) {
    if (all.size() + n > limits.max_document_bytes) {
      sink(Error{"-", fmt::format("input over the {} limit for one article",
                                  human_size(limits.max_document_bytes))});
      return;
    }
    all.append(buf.data(), n);
  }
  sink(make_document(std::move(all), "-", ContentKind::kText, /*sniff=*/true));
}

std::optional<std::string> string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  std::string v = it->get<std::string>();
  if (v.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::string content_hash_id(std::string_view content) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : content) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

Expected<RawDocument> parse_jsonl_record(std::string_view line, const std::string& where,
                                         const ReadLimits& limits) {
  if (json_depth(line, limits.max_json_depth) > limits.max_json_depth)
    return Error{where, fmt::format("JSON nested deeper than {} levels", limits.max_json_depth)};
  std::string utf8(line);
  if (!is_valid_utf8(utf8)) {
    auto decoded = decode_to_utf8(utf8);
    if (!decoded) return Error{where, decoded.error().message};
    utf8 = std::move(decoded->text);
  }
  nlohmann::json j = nlohmann::json::parse(utf8, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{where, "not valid JSON"};
  if (!j.is_object()) return Error{where, "a record must be a JSON object"};
  RawDocument doc;
  doc.file = where;
  auto html = string_field(j, "html");
  auto text = string_field(j, "text");
  if (text) {
    doc.kind = ContentKind::kText;
    doc.content = std::move(*text);
  } else if (html) {
    doc.kind = ContentKind::kHtml;
    doc.content = std::move(*html);
  } else {
    return Error{where, "record has neither \"text\" nor \"html\""};
  }
  // Prefer HTML when both are given: it carries the metadata and structure.
  if (html && text) {
    doc.kind = ContentKind::kHtml;
    doc.content = std::move(*html);
  }
  doc.content = repair_mojibake(doc.content);
  doc.encoding = "UTF-8";
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string())
      doc.id = it->get<std::string>();
    else if (it->is_number_integer())
      doc.id = std::to_string(it->get<long long>());
  }
  if (doc.id.empty()) doc.id = content_hash_id(doc.content);
  doc.url = string_field(j, "url");
  doc.source = string_field(j, "source");
  doc.title = string_field(j, "title");
  doc.published = string_field(j, "published");
  doc.language = string_field(j, "lang");
  if (!doc.language) doc.language = string_field(j, "language");
  if (auto it = j.find("event"); it != j.end()) {
    if (it->is_string())
      doc.event = it->get<std::string>();
    else if (it->is_number_integer())
      doc.event = std::to_string(it->get<long long>());
  }
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
      sink(Error{p, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
      }
      if (ec) sink(Error{p, "cannot list folder: " + ec.message()});
      std::sort(files.begin(), files.end());
      for (const auto& f : files) read_path(f, /*explicit_file=*/false, limits, sink);
      continue;
    }
    read_path(path, /*explicit_file=*/true, limits, sink);
  }
}

}  // namespace recoupe::ingest
