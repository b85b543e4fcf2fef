// Minimal argument parsing shared by the subcommands: positional inputs plus --flag VALUE.
#pragma once

#include <charconv>
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

// `with_value` lists the options that take a value; `switches` those that don't. "-" alone
// is a positional (stdin). The first problem stops parsing and is set in `error`, one line
// naming the option: an unknown option, a switch given a value, a missing or empty value (a
// value that starts with "--" counts as missing: `--gold --format json`; a file of that name
// is given as ./--name), or an option given twice (which one should win is a guess we refuse
// to make).
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
      if (a.options.count(name)) {
        a.error = name + " is given twice";
        return a;
      }
      if (with_value.count(name)) {
        if (!inline_value) {
          if (i + 1 >= argc) {
            a.error = name + " needs a value";
            return a;
          }
          if (std::string next = argv[i + 1]; next.starts_with("--") || next == "-o") {
            a.error = name + " needs a value (" + next.substr(0, next.find('=')) + " is an option)";
            return a;
          }
          value = argv[++i];
        }
        if (value.empty()) {
          a.error = name + " needs a value, not an empty string";
          return a;
        }
        a.options[name] = value;
      } else if (switches.count(name)) {
        if (inline_value) {
          a.error = name + " takes no value";
          return a;
        }
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

// `s` as a whole decimal integer within [min, max]; nullopt for anything else: "", "abc",
// "1e3", "+3", "12abc", " 7", or a number out of range (including beyond a long).
inline std::optional<long> parse_int_in(const std::string& s, long min, long max) {
  long n = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, n);
  if (s.empty() || ec != std::errc() || ptr != end || n < min || n > max) return std::nullopt;
  return n;
}

}  // namespace recoupe::cli
