// Inputs that must never be mixed, lost or shown as what they are not, end to end through
// the `recoupe` binary (issue 11): duplicate ids, folder entries that cannot be read, text
// over the line limit, zstd over the decoder's window limit, input order, invalid dates and
// unsupported options. Inputs are generated in a temporary folder at test time.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zstd.h>

#include <dirent.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest_test_util.h"

namespace recoupe {
namespace {

namespace fs = std::filesystem;
using recoupe::testing::TempDir;

struct Run {
  int exit_code = -1;
  std::string out;
  std::vector<std::string> err_lines;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `recoupe COMMAND ARGS` with stdin from /dev/null, killed after 60 s (a hang is a
// failure, exit 124). `as_user` (e.g. "setpriv --reuid=65534 …") runs it under another user.
Run recoupe(const TempDir& dir, const std::string& command, const std::vector<std::string>& args,
            const std::string& as_user = "") {
  std::string cmd = "timeout 60 " + as_user + quote(RECOUPE_BINARY) + " " + command;
  for (const auto& a : args) cmd += " " + quote(a);
  auto out = dir.path() / "stdout.txt", err = dir.path() / "stderr.txt";
  cmd += " < /dev/null > " + quote(out.string()) + " 2> " + quote(err.string());
  int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out);
  std::istringstream lines(slurp(err));
  for (std::string line; std::getline(lines, line);) r.err_lines.push_back(line);
  return r;
}

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << line.substr(0, 200);
    v.push_back(j);
  }
  return v;
}

// The stderr lines that start with "recoupe: WHERE: " (or "recoupe: WHERE" when `where` ends
// with ':', any line number) and contain `words`.
size_t count_lines(const Run& r, const std::string& where, const std::string& words) {
  std::string prefix = "recoupe: " + where + (where.back() == ':' ? "" : ": ");
  return std::count_if(r.err_lines.begin(), r.err_lines.end(), [&](const std::string& l) {
    return l.rfind(prefix, 0) == 0 && l.find(words) != std::string::npos;
  });
}

std::string dump(const Run& r) {
  std::string s = "exit " + std::to_string(r.exit_code) + "\n";
  for (const auto& l : r.err_lines) s += l + "\n";
  return s;
}

std::string record(const std::string& id, const std::string& source, const std::string& title,
                   const std::string& published, const std::string& text) {
  nlohmann::json j = {{"id", id}, {"source", source}, {"title", title}, {"text", text}};
  if (!published.empty()) j["published"] = published;
  return j.dump() + "\n";
}

const char* kPutinText =
    "Russian President Vladimir Putin met North Korean leader Kim Jong-un at the Vostochny "
    "cosmodrome on Wednesday. The two leaders discussed military cooperation and satellites "
    "for five hours. Kim arrived in Russia by armoured train on Tuesday.";
const char* kBudgetText =
    "The Springfield city council approved a road budget of 12 million dollars on Thursday. "
    "Mayor Quimby said the potholes of Evergreen Terrace would be fixed first. The vote was "
    "seven to two after a long debate about bus lanes.";
const char* kFloodText =
    "Heavy rain flooded the lower town of Valence on Friday night and firefighters evacuated "
    "two hundred residents. The river rose by three metres in six hours, the prefecture said. "
    "Schools will stay closed on Monday.";

// ---- 1. Duplicate ids.

TEST(InputIntegrity, DuplicateIdsNeverMixTwoArticlesInReport) {
  TempDir dir;
  auto a = dir.write(
      "a.jsonl", record("1", "a.com", "Putin meets Kim at Vostochny", "2023-09-13", kPutinText));
  auto b = dir.write("b.jsonl", record("1", "b.com", "Springfield approves road budget",
                                       "2023-09-14", kBudgetText));
  auto r = recoupe(dir, "report", {a, b, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << dump(r);
  EXPECT_EQ(count_lines(r, b + ":1", "warning: id \"1\" is already the id of " + a + ":1"), 1u)
      << dump(r);
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out.substr(0, 300);
  ASSERT_EQ(j["articles"].size(), 2u);
  std::map<std::string, std::string> source_of;  // article id → outlet
  for (const auto& art : j["articles"]) source_of[art["id"]] = art["source"];
  EXPECT_EQ(source_of["1"], "a.com");
  EXPECT_EQ(source_of["1#2"], "b.com");
  ASSERT_EQ(j["stories"].size(), 2u);
  EXPECT_NE(j["stories"][0]["id"], j["stories"][1]["id"]);
  for (const auto& s : j["stories"]) {
    ASSERT_EQ(s["articles"].size(), 1u);
    ASSERT_EQ(s["sources"].size(), 1u);
    std::string id = s["articles"][0], title = s["title"].dump();
    EXPECT_EQ(s["sources"][0], source_of[id]) << s.dump();  // the outlet of its own article
    bool putin =
        title.find("Putin") != std::string::npos || title.find("Vostochny") != std::string::npos;
    EXPECT_EQ(putin, source_of[id] == "a.com") << title;  // the title of its own article
  }
}

TEST(InputIntegrity, ThreeArticlesSharingAnIdGetThreeIdsAndStoriesEverywhere) {
  TempDir dir;
  auto f = dir.write("same.jsonl", record("7", "a.com", "Putin meets Kim", "", kPutinText) +
                                       record("7", "b.com", "Road budget", "", kBudgetText) +
                                       record("7", "c.com", "Floods in Valence", "", kFloodText));
  auto report = recoupe(dir, "report", {f, "--format", "json", "--no-cross-check"});
  EXPECT_EQ(report.exit_code, 0) << dump(report);
  auto j = nlohmann::json::parse(report.out);
  std::set<std::string> story_ids, article_ids;
  for (const auto& s : j["stories"]) story_ids.insert(s["id"].get<std::string>());
  for (const auto& a : j["articles"]) article_ids.insert(a["id"].get<std::string>());
  EXPECT_EQ(story_ids.size(), 3u);
  EXPECT_EQ(article_ids, (std::set<std::string>{"7", "7#2", "7#3"}));
  EXPECT_EQ(count_lines(report, f + ":", "warning: id \"7\" is already the id of"), 2u)
      << dump(report);

  // The arrival-ordered commands rename in input order: the first record keeps "7".
  auto stream = recoupe(dir, "stream", {f});
  EXPECT_EQ(stream.exit_code, 0) << dump(stream);
  auto lines = json_lines(stream.out);
  ASSERT_EQ(lines.size(), 3u);
  std::set<std::string> streamed_stories;
  for (const auto& l : lines) streamed_stories.insert(l["story"].get<std::string>());
  EXPECT_EQ(lines[0]["id"], "7");
  EXPECT_EQ(lines[1]["id"], "7#2");
  EXPECT_EQ(lines[2]["id"], "7#3");
  EXPECT_EQ(streamed_stories.size(), 3u);
  EXPECT_EQ(count_lines(stream, f + ":3", "warning: id \"7\" is already the id of " + f + ":1"), 1u)
      << dump(stream);

  for (const char* command : {"extract", "analyze"}) {
    auto r = recoupe(dir, command, {f});
    EXPECT_EQ(r.exit_code, 0) << command << dump(r);
    auto out = json_lines(r.out);
    ASSERT_EQ(out.size(), 3u) << command;
    EXPECT_EQ(out[0]["id"], "7") << command;
    EXPECT_EQ(out[1]["id"], "7#2") << command;
    EXPECT_EQ(out[2]["id"], "7#3") << command;
    EXPECT_EQ(count_lines(r, f + ":2", "warning: id \"7\""), 1u) << command << dump(r);
  }
  auto extract = json_lines(recoupe(dir, "extract", {f}).out);
  EXPECT_FALSE(extract[0].contains("warnings"));
  ASSERT_TRUE(extract[1].contains("warnings"));
  EXPECT_NE(extract[1]["warnings"][0].get<std::string>().find("\"7#2\""), std::string::npos);
}

TEST(InputIntegrity, AnIdThatLooksRenamedIsNotTakenTwice) {
  TempDir dir;
  auto f = dir.write("ids.jsonl", record("x#2", "a.com", "One", "", kPutinText) +
                                      record("x", "b.com", "Two", "", kBudgetText) +
                                      record("x", "c.com", "Three", "", kFloodText));
  auto out = json_lines(recoupe(dir, "extract", {f}).out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0]["id"], "x#2");
  EXPECT_EQ(out[1]["id"], "x");
  EXPECT_EQ(out[2]["id"], "x#3");
}

// ---- 7. Folder entries that cannot be read are refused, never skipped in silence.

TEST(InputIntegrity, BrokenAndLoopingLinksAndFifosInAFolderAreRefused) {
  TempDir dir;
  fs::path in = dir.path() / "in";
  dir.write("in/good.txt", "Le Monde\n\nKim Jong-un est arrivé mardi au cosmodrome.\n");
  fs::create_symlink(in / "missing.txt", in / "broken.txt");
  fs::create_symlink(in / "loop.txt", in / "loop.txt");
  ASSERT_EQ(::mkfifo((in / "pipe.txt").c_str(), 0644), 0);
  ASSERT_EQ(::mkfifo((in / "pipe_not_an_article").c_str(), 0644), 0);  // skipped: not named so
  fs::create_symlink(in, in / "sub_link");  // a link back to the folder: not read twice
  auto r = recoupe(dir, "extract", {in.string()});
  EXPECT_EQ(r.exit_code, 1) << dump(r);  // 124 would be a hang on the FIFO
  EXPECT_EQ(count_lines(r, (in / "broken.txt").string(), "broken symbolic link"), 1u) << dump(r);
  EXPECT_EQ(count_lines(r, (in / "loop.txt").string(), "link loop"), 1u) << dump(r);
  EXPECT_EQ(count_lines(r, (in / "pipe.txt").string(), "FIFO"), 1u) << dump(r);
  EXPECT_EQ(count_lines(r, (in / "sub_link").string(), "already read"), 1u) << dump(r);
  EXPECT_EQ(r.err_lines.size(), 4u) << dump(r);
  auto out = json_lines(r.out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["id"], "good.txt");
}

TEST(InputIntegrity, LinksToFoldersAreFollowed) {
  TempDir dir;
  dir.write("elsewhere/linked.txt", "Le Monde\n\nVladimir Poutine a reçu Kim Jong-un mercredi.\n");
  dir.write("in/good.txt", "Le Monde\n\nKim Jong-un est arrivé mardi au cosmodrome.\n");
  fs::create_symlink(dir.path() / "elsewhere", dir.path() / "in" / "more");
  auto r = recoupe(dir, "extract", {(dir.path() / "in").string()});
  EXPECT_EQ(r.exit_code, 0) << dump(r);
  EXPECT_EQ(json_lines(r.out).size(), 2u);
}

TEST(InputIntegrity, UnreadableSubFolderIsRefused) {
  TempDir dir;
  fs::path in = dir.path() / "in";
  dir.write("in/good.txt", "Le Monde\n\nKim Jong-un est arrivé mardi au cosmodrome.\n");
  dir.write("in/locked/hidden.txt", "Le Monde\n\nUn article que personne ne peut lire.\n");
  fs::path locked = in / "locked";
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  // Root (CAP_DAC_OVERRIDE) reads a chmod-000 folder: then run the binary as "nobody"
  // (setpriv, util-linux) when that user can reach the binary and the folder; else skip.
  std::string as_user;
  if (DIR* probe = ::opendir(locked.c_str())) {
    ::closedir(probe);
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    std::string check = as_user + quote(RECOUPE_BINARY) + " --version >/dev/null 2>&1 && " +
                        as_user + "test -r " + quote((in / "good.txt").string()) + " && ! " +
                        as_user + "test -r " + quote((locked / "hidden.txt").string());
    if (geteuid() != 0 || std::system(check.c_str()) != 0) {
      ::chmod(locked.c_str(), 0755);
      GTEST_SKIP() << "this user reads a chmod 000 folder and cannot run as another user";
    }
  }
  auto r = recoupe(dir, "extract", {in.string()}, as_user);
  ::chmod(locked.c_str(), 0755);  // so that TempDir can remove it
  EXPECT_EQ(r.exit_code, 1) << dump(r);
  EXPECT_EQ(count_lines(r, locked.string(), "cannot read folder"), 1u) << dump(r);
  EXPECT_EQ(json_lines(r.out).size(), 1u);
}

// ---- 10. A line over the 1 MiB limit is cut at a sentence end and says so; a zstd frame
// over the decoder's window limit is not called corrupt or truncated.

TEST(InputIntegrity, OverlongLineIsCutAtASentenceEndWithAWarning) {
  TempDir dir;
  std::string sentence = "The council met on Tuesday and approved the plan for the new bridge. ";
  std::string line;
  while (line.size() < (2u << 20)) line += sentence;
  auto f = dir.write("long.txt", "Big news\n\n" + line + "\n");
  auto r = recoupe(dir, "extract", {f});
  EXPECT_EQ(r.exit_code, 0) << dump(r);
  EXPECT_EQ(count_lines(r, f, "warning: a line of 2.0 MB is over the 1 MiB limit"), 1u) << dump(r);
  auto out = json_lines(r.out);
  ASSERT_EQ(out.size(), 1u);
  std::string text = out[0]["text"];
  EXPECT_GT(text.size(), 1000000u);
  EXPECT_LE(text.size(), 1u << 20);
  EXPECT_EQ(text.substr(text.size() - sentence.size() + 1), sentence.substr(0, sentence.size() - 1))
      << text.substr(text.size() - 80);  // ends on a whole sentence
  ASSERT_TRUE(out[0].contains("warnings"));
  EXPECT_NE(out[0]["warnings"][0].get<std::string>().find("left out"), std::string::npos);
}

std::string zstd_compress(const std::string& s) {
  std::string out(ZSTD_compressBound(s.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), s.data(), s.size(), 3));
  return out;
}

TEST(InputIntegrity, ZstdOverTheWindowLimitSaysSoAndTruncatedStillSaysTruncated) {
  TempDir dir;
  // A frame header asking for a 2 GB window (zstd --long=31): magic, descriptor with no
  // content size, window descriptor 2^(10+21), then one raw last block of 2 bytes.
  std::string wide = std::string("\x28\xB5\x2F\xFD", 4) + std::string("\x00", 1) + "\xA8" +
                     std::string("\x11\x00\x00", 3) + "{}";
  auto w = dir.write("wide.jsonl.zst", wide);
  auto r = recoupe(dir, "extract", {w});
  EXPECT_EQ(r.exit_code, 3) << dump(r);
  ASSERT_EQ(r.err_lines.size(), 1u) << dump(r);
  EXPECT_EQ(count_lines(r, w, "window over the 128 MB limit"), 1u) << dump(r);
  EXPECT_EQ(r.err_lines[0].find("truncated"), std::string::npos);
  EXPECT_EQ(r.err_lines[0].find("corrupt"), std::string::npos);

  std::string jsonl =
      record("z1", "a.com", "One", "", kPutinText) + record("z2", "b.com", "Two", "", kBudgetText);
  std::string packed = zstd_compress(jsonl);
  auto cut = dir.write("cut.jsonl.zst", packed.substr(0, packed.size() - 6));
  r = recoupe(dir, "extract", {cut});
  EXPECT_EQ(count_lines(r, cut, "truncated zstd data"), 1u) << dump(r);
  auto upper = dir.write("UPPER.JSONL.ZST", packed);  // compressed whatever the case of its name
  r = recoupe(dir, "extract", {upper});
  EXPECT_EQ(r.exit_code, 0) << dump(r);
  EXPECT_EQ(json_lines(r.out).size(), 2u);
}

// ---- 11. The same inputs in another order give the same report, byte for byte.

TEST(InputIntegrity, ReportDoesNotDependOnInputOrder) {
  TempDir dir;
  std::vector<std::string> inputs;
  for (const auto& e : fs::directory_iterator(std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny"))
    if (e.path().extension() == ".txt") inputs.push_back(e.path().string());
  std::sort(inputs.begin(), inputs.end());
  // Same day, same hour, no ids to tell them apart but the file: order must come from the
  // articles, not from the command line.
  inputs.push_back(
      dir.write("x.jsonl", record("b", "b.com", "Road budget", "2023-09-13", kBudgetText) +
                               record("f", "c.com", "Floods", "", kFloodText)));
  inputs.push_back(
      dir.write("y.jsonl", record("a", "a.com", "Putin meets Kim", "2023-09-13", kPutinText) +
                               record("f2", "d.com", "Valence flooded", "", kFloodText)));
  std::vector<std::string> reversed(inputs.rbegin(), inputs.rend());
  std::vector<std::string> rotated = inputs;
  std::rotate(rotated.begin(), rotated.begin() + 3, rotated.end());
  for (const char* format : {"json", "text"}) {
    std::vector<std::string> outs;
    for (const auto* order : {&inputs, &reversed, &rotated}) {
      std::vector<std::string> args = *order;
      for (const char* a : {"--format", format, "--color", "never"}) args.push_back(a);
      auto r = recoupe(dir, "report", args);
      EXPECT_EQ(r.exit_code, 0) << dump(r);
      outs.push_back(r.out);
    }
    EXPECT_FALSE(outs[0].empty());
    EXPECT_EQ(outs[0], outs[1]) << format;
    EXPECT_EQ(outs[0], outs[2]) << format;
  }
}

// ---- 12. Invalid dates are never echoed; unsupported options are refused.

TEST(InputIntegrity, InvalidPublishedIsLeftOutWithAWarning) {
  TempDir dir;
  auto f = dir.write("dates.jsonl",
                     record("bad", "a.com", "One", "9999999999-99-99", kPutinText) +
                         record("feb30", "b.com", "Two", "2023-02-30", kBudgetText) +
                         record("hour", "c.com", "Three", "2023-09-13T99:00", kFloodText) +
                         record("ok", "d.com", "Four", "2023-09-13T10:30:00+02:00", kFloodText));
  auto r = recoupe(dir, "extract", {f});
  EXPECT_EQ(r.exit_code, 0) << dump(r);
  auto out = json_lines(r.out);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[0]["published"].is_null());
  EXPECT_TRUE(out[1]["published"].is_null());
  EXPECT_EQ(out[2]["published"], "2023-09-13");
  EXPECT_EQ(out[3]["published"], "2023-09-13T10:30:00+02:00");
  EXPECT_FALSE(out[3].contains("warnings"));
  EXPECT_EQ(count_lines(r, f + ":1", "warning: published \"9999999999-99-99\" is not a date"), 1u)
      << dump(r);
  EXPECT_EQ(count_lines(r, f + ":2", "is not a date"), 1u) << dump(r);
  EXPECT_EQ(count_lines(r, f + ":3", "only the date 2023-09-13 is kept"), 1u) << dump(r);

  auto report = recoupe(dir, "report", {f, "--format", "json", "--no-cross-check"});
  EXPECT_EQ(report.out.find("9999999999"), std::string::npos);
  EXPECT_EQ(report.out.find("2023-02-30"), std::string::npos);
  auto stream = recoupe(dir, "stream", {f});
  EXPECT_EQ(stream.out.find("9999999999"), std::string::npos);
}

TEST(InputIntegrity, UnsupportedLabelLanguageAndBadThreadsAreUsageErrors) {
  TempDir dir;
  auto f = dir.write("a.jsonl", record("1", "a.com", "Putin meets Kim", "", kPutinText));
  auto de = recoupe(dir, "report", {f, "--lang", "de"});
  EXPECT_EQ(de.exit_code, 2) << dump(de);
  ASSERT_FALSE(de.err_lines.empty());
  EXPECT_NE(de.err_lines[0].find("--lang must be one of en, fr"), std::string::npos)
      << de.err_lines[0];
  EXPECT_TRUE(de.out.empty());
  for (const char* ok : {"fr", "en", "fr-CA", "EN_gb"})
    EXPECT_EQ(recoupe(dir, "report", {f, "--lang", ok, "--no-cross-check"}).exit_code, 0) << ok;
  for (const char* bad : {"abc", "-1", "1e3", "100000", ""}) {
    auto r = recoupe(dir, "report", {f, "--threads", bad});
    EXPECT_EQ(r.exit_code, 2) << bad << dump(r);
    ASSERT_FALSE(r.err_lines.empty()) << bad;
    // An empty value is refused by the option parser before the value is read.
    const std::string want = *bad ? "--threads must be an integer" : "--threads needs a value";
    EXPECT_NE(r.err_lines[0].find(want), std::string::npos) << r.err_lines[0];
  }
}

// `-o` on a device or a pipe ("-o /dev/null", a FIFO) writes into it: the temporary file that
// keeps a regular output whole until it is complete must not be renamed over it (that made
// /dev/null a plain file, and every later "> /dev/null" of the machine failed).
TEST(InputIntegrity, OutputToAPipeIsWrittenIntoThePipe) {
  TempDir dir;
  auto f = dir.write("a.jsonl", record("1", "a.com", "Putin meets Kim", "", kPutinText));
  const fs::path pipe = dir.path() / "out.fifo";
  ASSERT_EQ(mkfifo(pipe.c_str(), 0600), 0);
  // Opened for reading first (without waiting for a writer); the report is small enough for
  // the pipe's buffer, so the run never waits for this reader.
  const int fd = open(pipe.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(fd, 0);
  auto r = recoupe(dir, "report", {f, "--no-cross-check", "-o", pipe.string()});
  EXPECT_EQ(r.exit_code, 0) << dump(r);
  std::string got;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) got.append(buf, size_t(n));
  close(fd);
  EXPECT_TRUE(fs::is_fifo(pipe)) << "the pipe was replaced";
  EXPECT_NE(got.find("Putin meets Kim"), std::string::npos) << got;
  EXPECT_FALSE(fs::exists(dir.path() / "out.fifo.recoupe-tmp"));
}

// An output named inside an input folder, on a file the run reads, would overwrite that
// input: refused before anything is read or written, and the input is left as it was.
TEST(InputIntegrity, OutputOverAnInputInsideAnInputFolderIsRefused) {
  TempDir dir;
  fs::create_directories(dir.path() / "in" / "sub");
  std::ofstream(dir.path() / "in" / "a.txt") << kPutinText;
  std::ofstream(dir.path() / "in" / "sub" / "b.txt") << kBudgetText;
  for (const std::string target : {"in/a.txt", "in/sub/b.txt"}) {
    const fs::path out = dir.path() / target;
    const std::string before = slurp(out);
    auto r = recoupe(dir, "report", {(dir.path() / "in").string(), "-o", out.string()});
    EXPECT_EQ(r.exit_code, 2) << dump(r);
    ASSERT_FALSE(r.err_lines.empty());
    EXPECT_NE(r.err_lines[0].find("is also an input"), std::string::npos) << dump(r);
    EXPECT_EQ(slurp(out), before) << target;
  }
  // A new file in the folder, or a file outside it, is fine.
  auto ok = recoupe(dir, "report",
                    {(dir.path() / "in").string(), "-o", (dir.path() / "report.txt").string()});
  EXPECT_EQ(ok.exit_code, 0) << dump(ok);
}

}  // namespace
}  // namespace recoupe
