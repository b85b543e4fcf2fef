// Every option of every command, end to end through the `recoupe` binary, with bad values:
// each gets one clear usage error (exit 2, one line "recoupe CMD: ..." naming the option or
// the value, then the help) and nothing reaches std::terminate. The options are read from
// each command's --help, so a new option that is missing from the table below fails
// `EveryOptionOfTheHelpIsInTheTable` until its bad values are listed here.
// Then the evaluation commands' files (issue 11, item 9): a gold file that is empty, a FIFO,
// binary, garbage text, missing or a folder gives one line naming it and exit 3, never a hang;
// --details that cannot be written is exit 4.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <zstd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/batch.h"
#include "ingest_test_util.h"

namespace recoupe {
namespace {

using recoupe::testing::TempDir;

struct Result {
  int exit_code = -1;
  std::string out, err;
  std::vector<std::string> err_lines;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `recoupe ARGS` in `dir` (stdin /dev/null) under a 60 s timeout: a hang is exit 124.
Result run(const TempDir& dir, const std::vector<std::string>& args) {
  std::string cmd = "cd " + quote(dir.path().string()) + " && env -u RECOUPE_TOKEN timeout 60 " +
                    quote(RECOUPE_BINARY);
  for (const auto& a : args) cmd += " " + quote(a);
  auto out = dir.path() / "stdout.txt", err = dir.path() / "stderr.txt";
  cmd += " < /dev/null > " + quote(out.string()) + " 2> " + quote(err.string());
  int status = std::system(cmd.c_str());
  Result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out);
  r.err = slurp(err);
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) r.err_lines.push_back(line);
  return r;
}

// The lines of stderr that are messages (the help printed after a usage error is not).
std::vector<std::string> messages(const Result& r) {
  std::vector<std::string> out;
  for (const auto& l : r.err_lines)
    if (l.starts_with("recoupe")) out.push_back(l);
  return out;
}

std::string zstd(const std::string& s) {
  std::string out(ZSTD_compressBound(s.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), s.data(), s.size(), 3));
  return out;
}

std::string random_bytes(size_t n) {
  std::mt19937 rng(11);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

// Small valid inputs for every command, written once per test into `dir`.
struct Inputs {
  std::string article, eval_gold, pairs, extraction_gold, refs, articles, ner_dir, config,
      config_fifo, empty;
  explicit Inputs(const TempDir& dir) {
    article = dir.write("in/a.txt",
                        "Floods hit Porto Alegre\n\nFloods hit Porto Alegre in Brazil on Monday, "
                        "killing 30 people as the Guaiba river rose above its banks.\n");
    const std::string record =
        R"({"id":"a","title":"Flood in Porto Alegre","text":"Floods hit Porto Alegre in Brazil on Monday, killing 30 people as the Guaiba river rose.","event":"x","lang":"en"})";
    eval_gold = dir.write("gold.jsonl", record + "\n");
    pairs = dir.write(
        "pairs.jsonl",
        R"({"same_event": true, "lang": "en", "first_title": "Floods in Brazil", "first_text": "Floods hit Porto Alegre.", "second_title": "Porto Alegre flooded", "second_text": "The Guaiba river flooded Porto Alegre."})"
        "\n");
    extraction_gold = dir.write(
        "extraction.jsonl",
        R"({"id":"p","html":"<html><body><article><p>Floods hit Porto Alegre in Brazil on Monday, killing 30 people as the Guaiba river rose above its banks.</p></article></body></html>","with":["Floods hit Porto Alegre"],"without":["menu"]})"
        "\n");
    articles = eval_gold;
    refs = dir.write(
        "refs.jsonl",
        R"({"topic":"t","slice":1,"summaries":["Floods killed 30 in Porto Alegre."],"doc_ids":["a"]})"
        "\n");
    ner_dir = (dir.path() / "ner").string();
    dir.write("ner/c/en-test.jsonl.zst",
              zstd(R"({"tokens":["Paris","is","big"],"tags":["B-LOC","O","O"]})"
                   "\n"));
    config = dir.write("config.json", "{}");
    config_fifo = (dir.path() / "config.fifo").string();
    EXPECT_EQ(mkfifo(config_fifo.c_str(), 0600), 0);
    empty = dir.write("empty.json", "");
  }
};

// A command, the arguments of a run that succeeds (each test adds one bad option to them),
// and per option the values that must be refused as a usage error (besides the cases every
// option gets: a missing, empty or repeated value; a value given to a switch).
struct CommandCase {
  std::string name;
  std::vector<std::string> good_args;
  std::map<std::string, std::vector<std::string>> bad_values;  // option → bad values
  std::set<std::string> switches;
};

const std::vector<std::string> kBadThreads = {"-1", "100000", "257", "abc", "1e3", "1E400", "2x"};
const std::vector<std::string> kBadFormat2 = {"xml", "JSON", "-1", "1E400"};

std::vector<CommandCase> command_cases(const Inputs& in) {
  // --config and --data: a missing file and folder, a text that is not JSON, a folder, a
  // FIFO (which hung every command before) and an empty file; the errors name them.
  const std::vector<std::string> bad_config = {"/nonexistent/config.json", in.article, in.ner_dir,
                                               in.config_fifo, in.empty};
  const std::vector<std::string> bad_data = {"/nonexistent/data"};
  return {
      {"report",
       {in.article},
       {{"--format", {"xml", "JSON", "1E400"}},
        {"--output", {}},
        {"--color", {"rainbow", "-1"}},
        {"--lang", {"de", "xx", "-1"}},
        {"--config", bad_config},
        {"--data", bad_data},
        {"--threads", kBadThreads}},
       {"--with-text", "--no-cross-check"}},
      {"stream", {in.article}, {{"--output", {}}, {"--config", bad_config}, {"--data", bad_data}}},
      // The store commands run in the test's folder: ingest makes ./recoupe.db, which the
      // two readers then read (good lines run in this order).
      {"ingest",
       {in.article},
       {{"--db", {}},
        {"--store", {}},
        {"--bus", {}},
        {"--replicas", {"0", "6", "abc"}},
        {"--config", bad_config},
        {"--data", bad_data},
        {"--threads", kBadThreads}}},
      {"stories",
       {"--format", "json"},
       {{"--since", {"13-09-2023", "2023-13-01", "2023-09-13T10:00", "-1"}},
        {"--until", {"yesterday", "2023-02-30"}},
        {"--lang", {}},
        {"--outlet", {}},
        {"--query", {}},
        {"--entity", {}},
        {"--speaker", {}},
        {"--db", {}},
        {"--store", {}},
        {"--format", {"html", "xml", "JSON"}}}},
      {"story",
       {engine::story_id_for("a.txt")},
       {{"--format", {"xml", "JSON", "-1"}}, {"--db", {}}, {"--store", {}}}},
      // Its good line would serve until stopped: GoodCommandLinesRun leaves it out (the
      // server's tests run it); every bad line here is refused before it serves.
      {"serve",
       {in.article, "--port", "0"},
       {{"--db", {}},
        {"--store", {}},
        {"--host", {"0.0.0.0", "192.0.2.1", "::"}},
        {"--port", {"-1", "65536", "abc", "1e3", "80.5"}},
        {"--token", {}},
        {"--config", bad_config},
        {"--data", bad_data},
        {"--threads", kBadThreads},
        {"--sources", {}},
        {"--every", {"0", "-1", "abc", "5x", "8d", "1e3"}},
        {"--bus", {}},
        {"--replicas", {"0", "6", "abc"}}}},
      // Its good line needs a NATS server: GoodCommandLinesRun leaves it out (ScaleOut.*
      // runs it against a real cluster); every bad line here is refused before connecting.
      {"worker",
       {"--bus", "nats://127.0.0.1:1", "--store", "worker.db"},
       {{"--bus", {}},
        {"--store", {}},
        {"--roles", {"dance", "clean,dance", ""}},
        {"--replicas", {"0", "6", "abc"}},
        {"--batch", {"0", "-1", "abc"}},
        {"--linger", {"0", "60001", "5ms", ""}},
        {"--write-behind", {"yes", "", "ON"}},
        {"--checks", {"never", "", "LATER"}},
        {"--config", bad_config},
        {"--data", bad_data},
        {"--threads", kBadThreads}}},
      // Its good line needs a server to poll: GoodCommandLinesRun leaves it out (E2EWatch.*
      // runs it against a loopback newsroom); every bad line here is refused before the
      // sources file is read.
      {"watch",
       {"--sources", in.article, "--db", "watch.db", "--once"},
       {{"--sources", {}},
        {"--db", {}},
        {"--store", {}},
        {"--every", {"0", "-1", "abc", "5x", "8d", "1e3", "10000000"}},
        {"--config", bad_config},
        {"--data", bad_data},
        {"--threads", kBadThreads}},
       {"--once"}},
      {"extract",
       {in.article},
       {{"--format", {"html", "-1"}},
        {"--output", {}},
        {"--config", bad_config},
        {"--data", bad_data}}},
      // A feed file without entries: the good line reaches no network.
      {"fetch",
       {std::string(RECOUPE_TEST_DIR) + "/fixtures/feeds/empty_feed.xml"},
       {{"--output", {}},
        {"--max-entries", {"0", "-1", "abc", "1e3", "1000001"}},
        {"--delay-ms", {"-1", "abc", "600001"}},
        {"--timeout-ms", {"0", "99", "abc"}},
        {"--max-bytes", {"1", "1023", "abc"}},
        {"--config", bad_config},
        {"--data", bad_data}},
       {"--discover"}},
      {"analyze",
       {in.article},
       {{"--format", {"html"}},
        {"--output", {}},
        {"--reference-date", {"yesterday", "2024-13-45", "-1", "1E400"}},
        {"--config", bad_config},
        {"--data", bad_data}},
       {"--no-sentences"}},
      {"eval",
       {"--gold", in.eval_gold},
       {{"--gold", {}},
        {"--format", kBadFormat2},
        {"--config", bad_config},
        {"--data", bad_data},
        {"--threads", kBadThreads}}},
      {"eval-pairs",
       {"--gold", in.pairs},
       {{"--gold", {}},
        {"--format", kBadFormat2},
        {"--config", bad_config},
        {"--data", bad_data},
        {"--threads", kBadThreads}}},
      {"eval-extract",
       {"--gold", in.extraction_gold},
       {{"--gold", {}},
        {"--format", kBadFormat2},
        {"--limit", {"0", "-5", "abc", "1e3", "1E400", "99999999999999999999", "1000000001"}},
        {"--details", {}},
        {"--config", bad_config},
        {"--data", bad_data}}},
      {"eval-ner",
       {"--corpus", in.ner_dir},
       {{"--corpus", {}},
        {"--format", kBadFormat2},
        {"--config", bad_config},
        {"--data", bad_data}}},
      {"eval-summary",
       {"--refs", in.refs, "--articles", in.articles},
       {{"--refs", {}},
        {"--articles", {}},
        {"--words", {"abc", "-5", "0", "1e3", "10001", "1E400", "99999999999999999999", " 7"}},
        {"--format", kBadFormat2},
        {"--config", bad_config},
        {"--data", bad_data}}},
      // `config` takes --defaults or --check: its good line is --check, and the switch is
      // tried on a line without it.
      {"config", {"--check", in.config}, {{"--check", bad_config}}, {"--defaults"}},
  };
}

// The options a command's --help names.
std::set<std::string> options_in_help(const TempDir& dir, const std::string& command) {
  Result r = run(dir, {command, "--help"});
  EXPECT_EQ(r.exit_code, 0) << command;
  std::set<std::string> out;
  static const std::regex kOption("--[a-z][a-z-]*");
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), kOption);
       it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  out.erase("--help");
  out.erase("--defaults");  // named in `config --defaults` usage lines of other commands
  return out;
}

TEST(E2EOptions, EveryOptionOfTheHelpIsInTheTable) {
  TempDir dir;
  Inputs in(dir);
  for (const auto& c : command_cases(in)) {
    std::set<std::string> known(c.switches.begin(), c.switches.end());
    for (const auto& [option, values] : c.bad_values) known.insert(option);
    if (c.name == "config") known.insert("--config");  // the help's "--config FILE" of others
    for (const auto& option : options_in_help(dir, c.name)) {
      if (c.name == "config" && option == "--config") continue;
      EXPECT_TRUE(known.count(option))
          << "recoupe " << c.name << " " << option
          << ": add it and its bad values to command_cases() (tests/e2e_options_test.cc)";
    }
  }
}

// The commands `recoupe --help` lists (its help is a text file, src/cli/help/recoupe.txt,
// beside the dispatch table of main.cc) are the commands that run, each with its --help, and
// the commands of the table above; the formats it points to are in the repository.
TEST(E2EOptions, TheMainHelpListsEveryCommand) {
  TempDir dir;
  Inputs in(dir);
  Result help = run(dir, {"--help"});
  ASSERT_EQ(help.exit_code, 0);
  std::set<std::string> listed;
  static const std::regex kListed("^  ([a-z][a-z-]*) +[^ ].*");
  bool in_list = false;
  std::istringstream lines(help.out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (line == "commands:")
      in_list = true;
    else if (line.empty())
      in_list = false;
    else if (in_list && std::regex_match(line, m, kListed))
      listed.insert(m[1]);
  }
  std::set<std::string> tested;
  for (const auto& c : command_cases(in)) tested.insert(c.name);
  EXPECT_EQ(listed, tested);
  for (const auto& name : listed) {
    Result r = run(dir, {name, "--help"});
    EXPECT_EQ(r.exit_code, 0) << name;
    EXPECT_TRUE(r.out.starts_with("usage: recoupe " + name + " ")) << name << "\n" << r.out;
  }
  EXPECT_EQ(run(dir, {"no-such-command"}).exit_code, 2);
  ASSERT_NE(help.out.find("docs/formats.md"), std::string::npos);
  EXPECT_TRUE(
      std::filesystem::is_regular_file(std::string(RECOUPE_TEST_DIR) + "/../docs/formats.md"));
}

// One bad command line: exit 2 and exactly one message, from this command, containing
// `mentions`; no abort.
void expect_usage_error(const TempDir& dir, const std::string& command,
                        const std::vector<std::string>& args, const std::string& mentions) {
  Result r = run(dir, args);
  std::string shown = "recoupe";
  for (const auto& a : args) shown += " '" + a + "'";
  EXPECT_EQ(r.exit_code, 2) << shown << "\n" << r.err;
  EXPECT_EQ(r.err.find("terminate"), std::string::npos) << shown << "\n" << r.err;
  auto lines = messages(r);
  ASSERT_EQ(lines.size(), 1u) << shown << "\n" << r.err;
  EXPECT_TRUE(lines[0].starts_with("recoupe " + command + ": ")) << shown << "\n" << lines[0];
  EXPECT_NE(lines[0].find(mentions), std::string::npos)
      << shown << "\n"
      << lines[0] << "\nshould mention " << mentions;
}

TEST(E2EOptions, GoodCommandLinesRun) {
  TempDir dir;
  Inputs in(dir);
  for (const auto& c : command_cases(in)) {
    // serve until stopped, poll a server, need a NATS server
    if (c.name == "serve" || c.name == "watch" || c.name == "worker") continue;
    std::vector<std::string> args = {c.name};
    args.insert(args.end(), c.good_args.begin(), c.good_args.end());
    Result r = run(dir, args);
    EXPECT_EQ(r.exit_code, 0) << c.name << "\n" << r.err;
  }
}

TEST(E2EOptions, EveryBadValueOfEveryOptionIsOneUsageError) {
  TempDir dir;
  Inputs in(dir);
  for (const auto& c : command_cases(in)) {
    // The good command line, without `replaced` (and its value) when it has it, then `extra`.
    auto with = [&](std::vector<std::string> extra, const std::string& replaced = "") {
      std::vector<std::string> args = {c.name};
      for (size_t i = 0; i < c.good_args.size(); ++i) {
        if (c.good_args[i] == replaced) {
          ++i;
          continue;
        }
        args.push_back(c.good_args[i]);
      }
      args.insert(args.end(), extra.begin(), extra.end());
      return args;
    };
    for (const auto& [option, values] : c.bad_values) {
      for (const auto& v : values) {
        // The setup's errors name the file or folder, the others the option.
        const bool names_path = option == "--config" || option == "--data" || option == "--check";
        expect_usage_error(dir, c.name, with({option, v}, option), names_path ? v : option);
        expect_usage_error(dir, c.name, with({option + "=" + v}, option), names_path ? v : option);
      }
      expect_usage_error(dir, c.name, with({option}, option), option);        // value missing
      expect_usage_error(dir, c.name, with({option, ""}, option), option);    // empty value
      expect_usage_error(dir, c.name, with({option + "="}, option), option);  // empty value
      // An option where the value should be is not taken as the value.
      expect_usage_error(dir, c.name, with({option, "--bogus"}, option), "--bogus");
      expect_usage_error(dir, c.name, with({option, "--help"}, option), option);
      const std::string value = option == "--format" ? "json" : "x";
      expect_usage_error(dir, c.name, with({option, value, option, value}, option),
                         option);  // twice
    }
    for (const auto& s : c.switches) {
      expect_usage_error(dir, c.name, with({s + "=1"}, s), s);
      expect_usage_error(dir, c.name, with({s, s}, s), s);
    }
    if (c.good_args[0].starts_with("--"))  // a command without inputs refuses a stray word
      expect_usage_error(dir, c.name, with({"stray"}), "stray");
    expect_usage_error(dir, c.name, with({"--bogus"}), "--bogus");
    expect_usage_error(dir, c.name, with({"-x"}), "-x");
    if (!c.bad_values.count("--threads"))  // a command without --threads refuses it
      for (const char* v : {"-1", "100000"})
        expect_usage_error(dir, c.name, with({"--threads", v}), "--threads");
  }
}

// ---- Item 9: the evaluation commands' files.

struct GoldOption {
  std::string command;
  std::string option;  // the option naming the file (the gold set, references, articles)
  std::vector<std::string> other_args;
};

std::vector<GoldOption> gold_options(const Inputs& in) {
  return {{"eval", "--gold", {}},
          {"eval-pairs", "--gold", {}},
          {"eval-extract", "--gold", {}},
          {"eval-summary", "--refs", {"--articles", in.articles}},
          {"eval-summary", "--articles", {"--refs", in.refs}}};
}

TEST(E2EGoldFiles, AnUnusableFileIsOneLineNamingItAndExit3) {
  TempDir dir;
  Inputs in(dir);
  std::map<std::string, std::string> bad = {
      {"empty", dir.write("bad/empty.jsonl", "")},
      {"binary", dir.write("bad/random.jsonl", random_bytes(100 * 1024))},
      {"not zstd", dir.write("bad/plain.jsonl.zst", "{\"id\": 1}\n")},
      {"missing", (dir.path() / "bad/none.jsonl").string()},
      {"folder", (dir.path() / "bad").string()},
      {"fifo", (dir.path() / "bad/fifo.jsonl").string()},
  };
  ASSERT_EQ(mkfifo(bad["fifo"].c_str(), 0600), 0);
  for (const auto& g : gold_options(in))
    for (const auto& [what, path] : bad) {
      std::vector<std::string> args = {g.command, g.option, path};
      args.insert(args.end(), g.other_args.begin(), g.other_args.end());
      Result r = run(dir, args);
      const std::string shown = g.command + " " + g.option + " (" + what + ")";
      EXPECT_EQ(r.exit_code, 3) << shown << "\n" << r.err;
      ASSERT_EQ(r.err_lines.size(), 1u) << shown << "\n" << r.err;
      EXPECT_TRUE(r.err_lines[0].starts_with("recoupe " + g.command + ": " + path + ": "))
          << shown << "\n"
          << r.err_lines[0];
      EXPECT_TRUE(r.out.empty()) << shown;
    }
}

TEST(E2EGoldFiles, GarbageTextPrintsAFewLinesAndACount) {
  TempDir dir;
  Inputs in(dir);
  std::string garbage;
  for (int i = 0; i < 500; ++i) garbage += "line " + std::to_string(i) + " is not JSON {\n";
  const std::string path = dir.write("garbage.jsonl", garbage);
  for (const auto& g : gold_options(in)) {
    std::vector<std::string> args = {g.command, g.option, path};
    args.insert(args.end(), g.other_args.begin(), g.other_args.end());
    Result r = run(dir, args);
    const std::string shown = g.command + " " + g.option;
    EXPECT_EQ(r.exit_code, 3) << shown << "\n" << r.err;
    EXPECT_LE(r.err_lines.size(), 12u) << shown << "\n" << r.err;
    EXPECT_NE(r.err.find(path + ": … and 490 more errors"), std::string::npos) << shown << "\n"
                                                                               << r.err;
  }
}

TEST(E2EGoldFiles, ANerCorpusThatIsNotAFileIsRefusedWithoutHanging) {
  TempDir dir;
  Inputs in(dir);
  const std::string fifo = (dir.path() / "ner/c/fr-test.jsonl.zst").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  dir.write("ner/c/de-test.jsonl.zst", zstd("not json\n"));
  Result r = run(dir, {"eval-ner", "--corpus", in.ner_dir, "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the good en corpus is scored
  auto lines = messages(r);
  ASSERT_EQ(lines.size(), 3u) << r.err;
  EXPECT_NE(r.err.find(fifo + ": not a regular file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("de-test.jsonl.zst:1: not a JSON object"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("de-test.jsonl.zst: no tagged sentence"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"en\""), std::string::npos) << r.out;
}

TEST(E2EGoldFiles, EvalPairsReadsZstd) {
  TempDir dir;
  Inputs in(dir);
  const std::string packed = dir.write("pairs.jsonl.zst", zstd(slurp(in.pairs)));
  Result plain = run(dir, {"eval-pairs", "--gold", in.pairs, "--format", "json"});
  Result zst = run(dir, {"eval-pairs", "--gold", packed, "--format", "json"});
  EXPECT_EQ(zst.exit_code, 0) << zst.err;
  EXPECT_EQ(zst.out, plain.out);
  EXPECT_NE(zst.out.find("\"pairs\":1"), std::string::npos) << zst.out;
}

TEST(E2EGoldFiles, WrongFieldTypesAreErrorLinesNotAborts) {
  TempDir dir;
  Inputs in(dir);
  const std::string refs =
      dir.write("refs_bad.jsonl",
                R"({"topic":"t","slice":1,"summaries":["Floods killed 30."],"doc_ids":["a"]})"
                "\n"
                R"({"topic":"t","slice":1e300,"summaries":["s"],"doc_ids":["a"]})"
                "\n"
                R"({"topic":["t"],"slice":1,"summaries":["s"],"doc_ids":["a"]})"
                "\n"
                R"({"topic":"t","slice":1,"summaries":[null],"doc_ids":[{"a":1}]})"
                "\n"
                R"({"topic":"t","slice":1,"summaries":["s"],"doc_ids":[1E400]})"
                "\n");
  Result r = run(dir, {"eval-summary", "--refs", refs, "--articles", in.articles});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the first record is scored
  ASSERT_EQ(r.err_lines.size(), 4u) << r.err;
  EXPECT_EQ(r.err_lines[0],
            "recoupe eval-summary: " + refs + ":2: \"slice\" is not an integer within ±2^31");
  EXPECT_EQ(r.err_lines[1], "recoupe eval-summary: " + refs + ":3: \"topic\" is not a string");
  EXPECT_EQ(r.err_lines[2],
            "recoupe eval-summary: " + refs + ":4: a \"summaries\" entry is not a string");
  EXPECT_EQ(r.err_lines[3], "recoupe eval-summary: " + refs + ":5: not a JSON object");

  const std::string pairs = dir.write(
      "pairs_bad.jsonl", slurp(in.pairs) +
                             R"({"same_event": "yes", "first_text": "a", "second_text": "b"})"
                             "\n"
                             R"({"same_event": true, "first_text": {"x": [1]}, "second_text": "b"})"
                             "\n");
  Result p = run(dir, {"eval-pairs", "--gold", pairs});
  EXPECT_EQ(p.exit_code, 1) << p.err;
  ASSERT_EQ(p.err_lines.size(), 2u) << p.err;
  EXPECT_EQ(p.err_lines[0], "recoupe eval-pairs: " + pairs + ":2: no boolean \"same_event\"");
  EXPECT_EQ(p.err_lines[1], "recoupe eval-pairs: " + pairs + ":3: \"first_text\" is not a string");
}

TEST(E2EGoldFiles, DetailsThatCannotBeWrittenIsExit4) {
  TempDir dir;
  Inputs in(dir);
  Result r = run(dir, {"eval-extract", "--gold", in.extraction_gold, "--details",
                       (dir.path() / "no/such/folder/details.jsonl").string()});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  ASSERT_EQ(r.err_lines.size(), 1u) << r.err;
  EXPECT_NE(r.err_lines[0].find("cannot write"), std::string::npos) << r.err;
  EXPECT_NE(r.err_lines[0].find("details.jsonl"), std::string::npos) << r.err;

  const std::string details = (dir.path() / "details.jsonl").string();
  Result ok = run(dir, {"eval-extract", "--gold", in.extraction_gold, "--details", details});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(slurp(details).find("\"missed\""), std::string::npos) << slurp(details);

  // The details file onto the gold file is refused before the gold is touched.
  const std::string before = slurp(in.extraction_gold);
  Result onto =
      run(dir, {"eval-extract", "--gold", in.extraction_gold, "--details", in.extraction_gold});
  EXPECT_EQ(onto.exit_code, 4) << onto.err;
  EXPECT_EQ(slurp(in.extraction_gold), before);
}

TEST(E2EGoldFiles, StdoutThatCannotBeWrittenIsExit4) {
  TempDir dir;
  Inputs in(dir);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"eval", "--gold", in.eval_gold},
           {"eval-pairs", "--gold", in.pairs},
           {"eval-extract", "--gold", in.extraction_gold},
           {"eval-ner", "--corpus", in.ner_dir},
           {"eval-summary", "--refs", in.refs, "--articles", in.articles}}) {
    std::string cmd = quote(RECOUPE_BINARY);
    for (const auto& a : args) cmd += " " + quote(a);
    int status = std::system((cmd + " > /dev/full 2>/dev/null").c_str());
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 4) << args[0];
  }
}

}  // namespace
}  // namespace recoupe
