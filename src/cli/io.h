// Input and output plumbing shared by the subcommands that stream articles.
#pragma once

#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/article.h"
#include "extract/extractor.h"
#include "ingest/reader.h"

namespace recoupe::cli {

// Where a command writes: the file of --output/-o when given, else stdout.
class Output {
 public:
  // Opens --output when given. False (after one error line naming `command` and the file)
  // when it cannot be written.
  bool open(const Args& args, const char* command) {
    if (auto path = args.get("--output")) {
      file_.open(*path);
      if (!file_) {
        std::fprintf(stderr, "recoupe %s: cannot write %s\n", command, path->c_str());
        return false;
      }
    }
    return true;
  }
  std::ostream& stream() { return file_.is_open() ? file_ : std::cout; }
  bool to_file() const { return file_.is_open(); }

 private:
  std::ofstream file_;
};

// Reads and cleans every input, hands each article to `on_article`, prints one line per
// refused input, and returns the exit code documented in `recoupe --help`: kExitOk,
// kExitSomeInputsFailed, or kExitNothingProcessed when every input was refused.
inline int for_each_article(const std::vector<std::string>& paths,
                            const std::function<void(const Article&)>& on_article) {
  size_t ok = 0, failed = 0;
  ingest::read_inputs(paths, ingest::ReadLimits{}, [&](Expected<RawDocument> doc) {
    if (!doc) {
      ++failed;
      std::fprintf(stderr, "recoupe: %s\n", doc.error().to_string().c_str());
      return;
    }
    ++ok;
    on_article(extract::extract_article(*doc));
  });
  if (ok == 0 && failed > 0) return kExitNothingProcessed;
  return failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace recoupe::cli
