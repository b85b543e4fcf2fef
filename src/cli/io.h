// Input and output plumbing shared by the subcommands that stream articles.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/article.h"
#include "engine/pipeline.h"
#include "engine/unique_ids.h"

namespace recoupe::cli {

// Where a command writes: the file of --output/-o when given, else stdout. A file is
// written under a temporary name beside it and renamed into place by finish(), so a failed
// or interrupted run never leaves a cut file, and an output that is also an input is refused
// before anything is read.
class Output {
 public:
  Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output() {
    if (!temp_.empty() && !direct_) {
      file_.close();
      std::error_code ec;
      std::filesystem::remove(temp_, ec);  // not finished: leave no partial file behind
    }
  }

  // Opens --output when given. False (after one error line naming `command` and the file)
  // when it cannot be written or when it is one of the `inputs`.
  bool open(const Args& args, const char* command, const std::vector<std::string>& inputs = {}) {
    return open_path(args.get("--output"), command, inputs);
  }
  // The same for a file named by another option (`path`; nullopt: stdout).
  bool open_path(const std::optional<std::string>& path, const char* command,
                 const std::vector<std::string>& inputs = {}) {
    command_ = command;
    if (!path) return true;
    std::error_code ec;
    for (const auto& input : inputs)
      if (input != "-" &&
          (std::filesystem::equivalent(*path, input, ec) || existing_file_inside(*path, input))) {
        std::fprintf(stderr, "recoupe %s: %s is also an input; write the output elsewhere\n",
                     command, path->c_str());
        return false;
      }
    path_ = *path;
    // A device or a pipe ("-o /dev/null", "-o /dev/stdout", a FIFO) is written as it is: a
    // temporary file renamed over it would replace the device with a plain file.
    const auto kind = std::filesystem::status(path_, ec).type();
    direct_ = !ec && kind != std::filesystem::file_type::regular &&
              kind != std::filesystem::file_type::not_found;
    temp_ = direct_ ? path_ : path_ + ".recoupe-tmp";
    file_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!file_) {
      std::fprintf(stderr, "recoupe %s: cannot write %s\n", command, path->c_str());
      temp_.clear();
      return false;
    }
    return true;
  }
  std::ostream& stream() { return file_.is_open() ? file_ : std::cout; }

  // True when `path` names a file that exists inside the input folder `folder` (at any
  // depth): the run reads it, and writing the output there would overwrite an input.
  static bool existing_file_inside(const std::string& path, const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec) || !fs::exists(path, ec)) return false;
    const fs::path file = fs::canonical(path, ec);
    if (ec) return false;
    const fs::path dir = fs::canonical(folder, ec);
    if (ec) return false;
    const fs::path rel = file.lexically_relative(dir);
    return !rel.empty() && *rel.begin() != "..";
  }
  bool to_file() const { return file_.is_open(); }

  // Flushes everything written and puts the file in place. False, after one error line
  // naming the file (or stdout), when any write failed (disk full, closed pipe): the command
  // then exits with kExitWriteFailed.
  bool finish() {
    if (temp_.empty()) {
      std::cout.flush();
      std::fflush(stdout);
      if (!std::cout || std::ferror(stdout)) {
        std::fprintf(stderr, "recoupe %s: cannot write to stdout\n", command_);
        return false;
      }
      return true;
    }
    file_.flush();
    file_.close();
    std::error_code ec;
    if (direct_) {
      temp_.clear();
      if (file_) return true;
    } else if (!file_) {
      std::filesystem::remove(temp_, ec);
    } else {
      std::filesystem::rename(temp_, path_, ec);
      if (!ec) {
        temp_.clear();
        return true;
      }
      std::filesystem::remove(temp_, ec);
    }
    temp_.clear();
    std::fprintf(stderr, "recoupe %s: cannot write %s (disk full?)\n", command_, path_.c_str());
    return false;
  }

 private:
  const char* command_ = "";
  std::string path_, temp_;
  bool direct_ = false;  // path_ is written in place (not a regular file: a device, a pipe)
  std::ofstream file_;
};

// Writes `text`, a command's whole result, to stdout: false, after one error line naming
// `command`, when it could not be written (Output::finish).
inline bool write_stdout(const char* command, std::string_view text) {
  Output out;
  out.open_path(std::nullopt, command);
  out.stream() << text;
  return out.finish();
}

// One line on stderr per warning of `a` (Article::warnings): "recoupe: FILE: warning: …",
// control characters shown as '?' so that a name cannot break the line or drive the terminal.
inline void print_warnings(const Article& a) {
  auto one_line = [](std::string s) {
    for (char& c : s)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    return s;
  };
  for (const auto& w : a.warnings)
    std::fprintf(stderr, "recoupe: %s: warning: %s\n", one_line(a.file).c_str(),
                 one_line(w).c_str());
}

// Reads and cleans every input through `pipeline`, gives each article an id no earlier one
// has (engine::UniqueIds, in arrival order), hands it to `on_article`, prints one line per
// refused input and per warning, and returns the exit code documented in `recoupe --help`:
// kExitOk, kExitSomeInputsFailed, or kExitNothingProcessed when every input was refused.
// A warning (an id renamed, a date left out, a text cut) does not change the exit code: the
// article is processed.
inline int for_each_article(const engine::Pipeline& pipeline, const std::vector<std::string>& paths,
                            const std::function<void(const Article&)>& on_article) {
  size_t ok = 0, failed = 0;
  engine::UniqueIds ids;
  pipeline.read(paths, [&](Expected<Article> article) {
    if (!article) {
      ++failed;
      std::fprintf(stderr, "recoupe: %s\n", article.error().to_string().c_str());
      return;
    }
    ++ok;
    ids.claim(*article);
    print_warnings(*article);
    on_article(*article);
  });
  if (ok == 0 && failed > 0) return kExitNothingProcessed;
  return failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace recoupe::cli
