// recoupe stream: live grouping. Each article is placed in a story as soon as it is read
// and one JSON line says where it went.

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/stream.h"
#include "report/article_json.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe stream FILE|DIR|- ... [-o FILE] [--config FILE] [--data DIR]\n\n"
    "Places each article in a story the moment it is read (one article at a time, in input\n"
    "order, by the same clusterer as `recoupe report`) and prints one JSON line per article,\n"
    "flushed at once:\n"
    "  {\"id\", \"story\", \"new_story\", \"duplicate_of\", \"title\", \"source\", \"published\"}\n"
    "`story` is the id of the story's first article. With `-`, JSON Lines on stdin are\n"
    "read as they arrive (e.g. `tail -f feed.jsonl | recoupe stream -`). Ends with a count of\n"
    "articles and stories on stderr. Placement is arrival-ordered by nature: the same\n"
    "articles in another order may be grouped differently. `recoupe report` over the same\n"
    "articles may group a few differently: it takes them in one order whatever the input\n"
    "order, and refines globally once all are in. An id already seen in this run becomes\n"
    "ID#2, ID#3… and a published value that is not a date is left out, each with a warning\n"
    "line on stderr naming the input.\n\n"
    "  -o, --output FILE   write there instead of stdout\n"
    "  --config FILE       settings over the defaults (recoupe config --defaults)\n"
    "  --data DIR          language resources (default: see recoupe --help)\n\n"
    "Exit codes: 0 ok; 1 some inputs refused (errors on stderr); 2 usage, bad config or data\n"
    "folder; 3 nothing processed; 4 output not written (disk full, closed pipe).\n";

}  // namespace

int run_stream(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"--output", "--config", "--data"}, {"--help"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (!args.error.empty() || args.positional.empty()) {
    std::fprintf(stderr, "recoupe stream: %s\n%s",
                 !args.error.empty() ? args.error.c_str() : "no input given", kHelp);
    return kExitUsage;
  }
  int code = kExitOk;
  auto setup = load_setup(args, "stream", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  Output output;
  if (!output.open(args, "stream", args.positional)) return kExitUsage;
  std::ostream& out = output.stream();

  engine::StreamGrouper grouper = pipeline.stream();
  code = for_each_article(pipeline, args.positional, [&](const Article& a) {
    engine::StreamAssignment s = grouper.add(a);
    nlohmann::ordered_json j;
    j["id"] = s.article_id;
    j["story"] = s.story_id;
    j["new_story"] = s.new_story;
    j["duplicate_of"] = report::string_or_null(s.duplicate_of);
    j["title"] = report::string_or_null(a.title);
    j["source"] = report::string_or_null(a.source);
    j["published"] = report::string_or_null(a.published);
    out << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << std::endl;
  });
  std::fprintf(stderr, "recoupe stream: %zu articles, %zu stories\n", grouper.size(),
               grouper.stories());
  return output.finish() ? code : kExitWriteFailed;
}

}  // namespace recoupe::cli
