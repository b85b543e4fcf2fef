// recoupe stream: live grouping. Each article is placed in a story as soon as it is read
// and one JSON line says where it went.

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/stream.h"
#include "report/article_json.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "stream",
    help::kStream,
    Inputs::kRequired,
    {value_option("--output"), value_option("--config"), value_option("--data")}};

}  // namespace

int run_stream(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "stream", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  Output output;
  if (!output.open(*args, "stream", args->positional)) return kExitUsage;
  std::ostream& out = output.stream();

  engine::StreamGrouper grouper = pipeline.stream();
  code = for_each_article(pipeline, args->positional, [&](const Article& a) {
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
