// A command's command line, declared as a table: which options it takes, which values each
// accepts, whether it reads inputs. One parser checks a command line against the table, so
// every command refuses a bad value the same way: one line "recoupe CMD: PROBLEM" naming the
// option, then the command's help, exit code 2 (commands.h).
#pragma once

#include <cstdio>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"

namespace recoupe::cli {

// One option of a command. `check` sees the value as given and returns "" when it is
// accepted, else the problem as one line naming the option; an option that is not given is
// not checked (its default is the command's business).
struct OptionRule {
  std::string name;         // "--format"; -o is --output (parse_args)
  bool takes_value = true;  // false: a switch ("--with-text")
  bool required = false;    // "--gold FILE is required" when missing
  std::function<std::string(const std::string& value)> check;
};

// What a command does with arguments that are not options.
enum class Inputs {
  kRequired,  // at least one FILE|DIR|- ("no input given" when there is none)
  kNone,      // none ("unexpected argument X")
  kOptional,  // any number, none included
};

// A command's whole command line: its name, its help, its inputs and its options.
struct CommandLine {
  const char* command;  // "report": names the command in error lines
  std::string_view help;
  Inputs inputs = Inputs::kNone;
  std::vector<OptionRule> options;  // checked in this order
};

// An option that takes any non-empty value.
inline OptionRule value_option(std::string name) { return {std::move(name), true, false, {}}; }
// A switch: no value.
inline OptionRule switch_option(std::string name) { return {std::move(name), false, false, {}}; }
// A value option that must be given: "NAME FILE is required" otherwise.
inline OptionRule required_option(std::string name) { return {std::move(name), true, true, {}}; }

// A value option that accepts one of `values`; "--format must be text, json or html".
inline OptionRule one_of_option(std::string name, std::vector<std::string> values) {
  std::string listed;
  for (size_t i = 0; i < values.size(); ++i)
    listed += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + values[i];
  std::string problem = name + " must be " + listed;
  return {std::move(name), true, false,
          [values = std::move(values), problem = std::move(problem)](const std::string& v) {
            for (const auto& accepted : values)
              if (v == accepted) return std::string();
            return problem;
          }};
}

// A value option that `accepts` decides on; when it refuses, the problem is `problem`, its
// "{}" (if any) replaced by the value.
inline OptionRule checked_option(std::string name, std::function<bool(std::string_view)> accepts,
                                 std::string problem) {
  return {std::move(name), true, false,
          [accepts = std::move(accepts), problem = std::move(problem)](const std::string& v) {
            if (accepts(v)) return std::string();
            std::string line = problem;
            if (auto at = line.find("{}"); at != std::string::npos) line.replace(at, 2, v);
            return line;
          }};
}

// A value option that is a whole decimal integer in [min, max] (parse_int_in).
inline OptionRule int_option(std::string name, long min, long max) {
  return {name, true, false, [name, min, max](const std::string& v) {
            return parse_int_in(v, min, max)
                       ? std::string()
                       : fmt::format("{} must be an integer from {} to {}, not '{}'", name, min,
                                     max, v);
          }};
}

// A bad command line found by the command itself (options that go together): prints
// "recoupe CMD: PROBLEM" and the help on stderr; returns kExitUsage.
inline int usage_error(const CommandLine& line, const std::string& problem) {
  std::fprintf(stderr, "recoupe %s: %s\n", line.command, problem.c_str());
  std::fwrite(line.help.data(), 1, line.help.size(), stderr);
  return kExitUsage;
}

// Parses argv[2..] against `line`. On --help prints the help and sets `exit_code` to kExitOk;
// on a bad command line prints "recoupe CMD: PROBLEM" and the help on stderr and sets
// kExitUsage; nullopt in both cases. Problems are looked for in this order: the parse
// itself (unknown option, missing value, option given twice), required options, inputs, the
// options' checks in table order.
inline std::optional<Args> parse_command_line(int argc, char** argv, const CommandLine& line,
                                              int& exit_code) {
  std::set<std::string> with_value, switches = {"--help"};
  for (const auto& o : line.options) (o.takes_value ? with_value : switches).insert(o.name);
  Args args = parse_args(argc, argv, 2, with_value, switches);
  if (args.has("--help")) {
    std::fwrite(line.help.data(), 1, line.help.size(), stdout);
    exit_code = kExitOk;
    return std::nullopt;
  }
  std::string problem = args.error;
  for (const auto& o : line.options)
    if (problem.empty() && o.required && !args.has(o.name)) problem = o.name + " FILE is required";
  if (problem.empty() && line.inputs == Inputs::kRequired && args.positional.empty())
    problem = "no input given";
  if (problem.empty() && line.inputs == Inputs::kNone && !args.positional.empty())
    problem = "unexpected argument " + args.positional[0];
  for (const auto& o : line.options)
    if (auto v = args.get(o.name); problem.empty() && o.check && v) problem = o.check(*v);
  if (problem.empty()) return args;
  exit_code = usage_error(line, problem);
  return std::nullopt;
}

}  // namespace recoupe::cli
