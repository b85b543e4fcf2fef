// --store LOCATION: which store a command reads or writes. A file path is the SQLite store
// (the default, ./recoupe.db); a postgresql:// or postgres:// URL is a PostgreSQL database
// that many machines share (store/store.h). --db FILE, its older name, keeps working.
#pragma once

#include <optional>
#include <string>

#include "cli/args.h"
#include "cli/command_line.h"
#include "cli/error_lines.h"

namespace recoupe::cli {

// The two options, for a command's option list.
inline OptionRule store_location_option() { return value_option("--store"); }
inline OptionRule db_file_option() { return value_option("--db"); }

// The store the command line names: --store, else --db, else ./recoupe.db. Both given is a
// usage error (printed, naming `command`): nullopt.
inline std::optional<std::string> store_location(const Args& args, const char* command) {
  if (args.has("--store") && args.has("--db")) {
    print_error(command, "--store and --db both name the store: give one");
    return std::nullopt;
  }
  return args.get("--store").value_or(args.get("--db").value_or("recoupe.db"));
}

}  // namespace recoupe::cli
