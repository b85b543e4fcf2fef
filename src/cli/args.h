// Minimal argument parsing shared by the subcommands: positional inputs plus --flag VALUE.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace recoupe::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--format" → "json"; switches map to ""
  std::string error;                           // non-empty when parsing failed

  std::optional<std::string> get(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
  }
  bool has(const std::string& name) const { return options.count(name) > 0; }
};

// `with_value` lists the options that take a value; `switches` those that don't. Anything
// else starting with "--" is an error. "-" alone is a positional (stdin).
inline Args parse_args(int argc, char** argv, int first, const std::set<std::string>& with_value,
                       const std::set<std::string>& switches) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string s = argv[i];
    if (s.size() > 1 && s[0] == '-' && s != "-") {
      std::string name = s, value;
      bool inline_value = false;
      if (auto eq = s.find('='); eq != std::string::npos) {
        name = s.substr(0, eq);
        value = s.substr(eq + 1);
        inline_value = true;
      }
      if (name == "-o") name = "--output";
      if (with_value.count(name)) {
        if (!inline_value) {
          if (i + 1 >= argc) {
            a.error = name + " needs a value";
            return a;
          }
          value = argv[++i];
        }
        a.options[name] = value;
      } else if (switches.count(name) && !inline_value) {
        a.options[name] = "";
      } else {
        a.error = "unknown option " + name;
        return a;
      }
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

}  // namespace recoupe::cli
