// What `recoupe watch` and `recoupe serve --sources` share: the sources file read, the
// fetcher and the watcher over it, built from the engine config (sections "fetch" and
// "watch") and --every.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "cli/args.h"
#include "cli/error_lines.h"
#include "engine/config.h"
#include "feeds/sources.h"
#include "feeds/watcher.h"
#include "fetch/curl_library.h"
#include "fetch/fetcher.h"
#include "store/store.h"

namespace recoupe::cli {

// "90" or "90s" → 90, "5m" → 300, "2h" → 7200; nullopt for anything else or outside
// 1 s .. 7 days.
inline std::optional<long> parse_every(const std::string& text) {
  if (text.empty()) return std::nullopt;
  long unit = 1;
  std::string digits = text;
  switch (text.back()) {
    case 's':
      digits.pop_back();
      break;
    case 'm':
      unit = 60, digits.pop_back();
      break;
    case 'h':
      unit = 3600, digits.pop_back();
      break;
    default:
      break;
  }
  auto n = parse_int_in(digits, 1, 7L * 86400);
  if (!n || *n * unit > 7L * 86400) return std::nullopt;
  return *n * unit;
}

// The check of --every for the command line table.
inline std::string check_every(const std::string& v) {
  return parse_every(v)
             ? ""
             : "--every must be a duration from 1s to 7 days (90s, 5m, 2h), not '" + v + "'";
}

// libcurl, the fetcher and the watcher, kept together (the watcher refers to the fetcher).
class SourceWatch {
 public:
  // Reads the sources file; nullopt after one line on stderr naming "file:line" and what
  // is wrong (or the file), or libcurl that could not start.
  // `db_path`: the store the sink writes to; the entries it holds already are not fetched
  // again (Watcher::skip_stored), read through a read-only connection of its own.
  static std::unique_ptr<SourceWatch> open(const char* command, const std::string& sources_file,
                                           const std::string& db_path, const engine::Config& config,
                                           std::optional<long> every_seconds,
                                           feeds::Watcher::Sink sink) {
    auto sources = feeds::load_sources(sources_file);
    if (!sources) {
      print_error(command, sources.error().to_string());
      return nullptr;
    }
    auto w = std::unique_ptr<SourceWatch>(new SourceWatch());
    if (!w->curl_.ok()) {
      print_error(command, "libcurl could not be initialised");
      return nullptr;
    }
    feeds::WatchConfig watch = config.watch;
    if (every_seconds) watch.every_seconds = *every_seconds;
    w->fetcher_ = std::make_unique<fetch::Fetcher>(w->curl_, config.fetch);
    w->watcher_ = std::make_unique<feeds::Watcher>(
        std::move(*sources), *w->fetcher_, watch, std::move(sink), [command](std::string line) {
          for (char& c : line)  // a feed's or server's text never writes to the terminal raw
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
          print_error(command, line);
        });
    auto known = store::Store::open(db_path, store::OpenMode::kReadOnly);
    if (!known) {
      print_error(command, known.error().to_string());
      return nullptr;
    }
    w->known_ = std::make_unique<store::Store>(std::move(*known));
    w->watcher_->skip_stored(
        [w = w.get()](const std::string& url, const std::optional<std::string>& title) {
          std::lock_guard lock(w->known_mutex_);  // one connection, several polling threads
          auto found = w->known_->article(url);
          // The same title only: an edited headline ("… (updated)") is an edited article. A
          // page whose title decorates the feed's ("Headline | Site") is fetched again after a
          // restart, and found unchanged.
          return found && *found && (!title || (*found)->article.title == title);
        });
    return w;
  }

  feeds::Watcher& watcher() { return *watcher_; }

 private:
  SourceWatch() = default;
  fetch::CurlLibrary curl_;
  std::unique_ptr<fetch::Fetcher> fetcher_;
  std::unique_ptr<feeds::Watcher> watcher_;
  std::mutex known_mutex_;
  std::unique_ptr<store::Store> known_;  // read-only: what is stored already
};

}  // namespace recoupe::cli
