// recoupe serve: the HTTP/JSON API over the store (src/server/server.h, docs/api.md).

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/setup.h"
#include "server/server.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "serve",
    help::kServe,
    Inputs::kOptional,
    {value_option("--db"), value_option("--host"), int_option("--port", 0, 65535),
     value_option("--token"), value_option("--config"), value_option("--data"),
     value_option("--threads")}};

}  // namespace

int run_serve(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  server::ServerOptions options;
  options.db_path = args->get("--db").value_or("recoupe.db");
  options.host = args->get("--host").value_or("127.0.0.1");
  options.port = std::stoi(args->get("--port").value_or("8080"));
  const char* env_token = std::getenv("RECOUPE_TOKEN");
  options.token = args->get("--token").value_or(env_token ? env_token : "");
  if (std::string why = server::check_options(options); !why.empty())
    return usage_error(kCommandLine, why);
  auto setup = load_setup(*args, "serve", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  auto served = server::Server::open(pipeline, options);
  if (!served) {
    print_error("serve", served.error().to_string());
    return kExitWriteFailed;
  }
  server::Server& server = **served;
  if (!args->positional.empty()) {
    auto done = server.ingest(engine::read_batch(args->positional, pipeline));
    if (!done) {
      print_error("serve", done.error().to_string());
      return kExitWriteFailed;
    }
    ErrorLines::print("serve", "batch", done->refused);
    const store::BatchCounts& n = done->counts;
    print_error("serve", fmt::format("{} added, {} revised, {} unchanged, {} refused", n.added,
                                     n.revised, n.unchanged, n.refused));
  }
  auto port = server.bind();
  if (!port) {
    print_error("serve", port.error().to_string());
    return kExitUsage;
  }
  // On stdout, flushed: a script (or a test) that asked for --port 0 reads the port here.
  std::printf("recoupe serve: serving %s on http://%s:%d/ (%s)\n", options.db_path.c_str(),
              options.host.c_str(), *port,
              options.token.empty() ? "read-only: no token given" : "writes need the token");
  std::fflush(stdout);
  return server.run() ? kExitOk : kExitWriteFailed;
}

}  // namespace recoupe::cli
