// Where recoupe's shipped data (data/<lang>/…) lives.
#pragma once

#include <string>
#include <vector>

namespace recoupe::text {

// The data folder: `override_dir` when non-empty, else $RECOUPE_DATA, else `data/` beside the
// binary's parent folder (build/recoupe → ./data), else the source tree's data/ recorded at
// build time. Returns the first that exists; the last candidate if none does.
std::string find_data_dir(const std::string& override_dir = {});

// Reads data/<lang>/<name> as one entry per non-empty line ('#' starts a comment line).
// Empty when the file does not exist: a language without a list is not an error.
std::vector<std::string> read_list(const std::string& data_dir, const std::string& lang,
                                   const std::string& name);

}  // namespace recoupe::text
