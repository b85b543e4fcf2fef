// recoupe eval-extract: extraction quality and speed against a gold set.

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "eval/extraction_scores.h"
#include "extract/extractor.h"
#include "ingest/lines.h"
#include "ingest/reader.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-extract --gold FILE.jsonl[.zst] [--format text|json] [--limit N]\n"
    "                            [--details FILE]\n\n"
    "Extracts every page of a gold set and scores the main text:\n"
    "  snippet gold (records with \"with\"/\"without\" lists, trafilatura's method): each\n"
    "    \"with\" snippet must appear in the text, each \"without\" must not; P, R, F1, accuracy;\n"
    "  body gold (records with \"body\"): mean per-page bag-of-words P, R, F1.\n"
    "Records hold \"html\" or \"text\" (scraped plain text). Also reports metadata accuracy\n"
    "where the gold has gold_title / gold_date / gold_author, and speed (pages/s, MB/s of\n"
    "input, extraction only).\n\n"
    "  --details FILE   one JSON line per page: missed \"with\" and kept \"without\" snippets\n";

std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string norm_meta(const std::string& s) { return text::collapse_spaces(text::fold(s)); }

struct MetaScore {
  long gold = 0;
  long found = 0;
  long correct = 0;
  nlohmann::ordered_json json() const {
    return {{"gold", gold},
            {"found", found},
            {"correct", correct},
            {"accuracy", gold ? static_cast<double>(correct) / gold : 0.0}};
  }
};

}  // namespace

int run_eval_extract(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"--gold", "--format", "--limit", "--details"}, {"--help"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  std::string format = args.get("--format").value_or("text");
  if (!args.error.empty() || !args.get("--gold") || (format != "json" && format != "text")) {
    std::fprintf(stderr, "recoupe eval-extract: %s\n%s",
                 !args.error.empty() ? args.error.c_str() : "--gold FILE is required", kHelp);
    return kExitUsage;
  }
  const std::string gold_path = *args.get("--gold");
  long limit = -1;
  if (auto l = args.get("--limit")) limit = std::atol(l->c_str());
  std::ofstream details;
  if (auto d = args.get("--details")) details.open(*d);

  eval::SnippetCounts snippets;
  double body_p = 0, body_r = 0, body_f = 0;
  long snippet_pages = 0, body_pages = 0, pages = 0, bad = 0;
  MetaScore title, date, author;
  double seconds = 0;
  size_t input_bytes = 0;
  ingest::ReadLimits limits;

  auto lines = ingest::for_each_line(
      gold_path, limits.max_line_bytes, [&](std::string_view line, size_t n, bool oversized) {
        if (limit >= 0 && pages >= limit) return;
        std::string where = fmt::format("{}:{}", gold_path, n);
        if (oversized || line.find_first_not_of(" \t\r") == std::string_view::npos) return;
        nlohmann::json gold = nlohmann::json::parse(line, nullptr, false);
        if (gold.is_discarded() || !gold.is_object()) {
          ++bad;
          std::fprintf(stderr, "recoupe: %s: not valid JSON\n", where.c_str());
          return;
        }
        auto start = std::chrono::steady_clock::now();
        auto doc = ingest::parse_jsonl_record(line, where, limits);
        if (!doc) {
          ++bad;
          std::fprintf(stderr, "recoupe: %s\n", doc.error().to_string().c_str());
          return;
        }
        // Score the page as a user gets it: the given title must not help.
        doc->title.reset();
        doc->published.reset();
        Article a = extract::extract_article(*doc);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        input_bytes += doc->content.size();
        ++pages;

        nlohmann::ordered_json detail = {{"id", a.id}};
        if (gold.contains("with") || gold.contains("without")) {
          auto with = string_list(gold, "with"), without = string_list(gold, "without");
          eval::SnippetCounts c = eval::score_snippets(a.text, with, without);
          snippets.add(c);
          ++snippet_pages;
          if (details.is_open()) {
            std::vector<std::string> missed, kept;
            for (const auto& s : with)
              if (eval::score_snippets(a.text, {s}, {}).fn) missed.push_back(s);
            for (const auto& s : without)
              if (eval::score_snippets(a.text, {}, {s}).fp) kept.push_back(s);
            detail["missed"] = missed;
            detail["kept"] = kept;
          }
        }
        if (auto it = gold.find("body"); it != gold.end() && it->is_string()) {
          eval::Prf prf = eval::token_prf(a.text, it->get<std::string>());
          body_p += prf.precision;
          body_r += prf.recall;
          body_f += prf.f1;
          ++body_pages;
          detail["body_f1"] = prf.f1;
        }
        auto meta = [&](MetaScore& score, const char* key, const std::optional<std::string>& got,
                        size_t prefix) {
          auto it = gold.find(key);
          if (it == gold.end() || !it->is_string() || it->get<std::string>().empty()) return;
          ++score.gold;
          if (!got) return;
          ++score.found;
          std::string g = norm_meta(it->get<std::string>()), f = norm_meta(*got);
          if (prefix) {
            g = g.substr(0, prefix);
            f = f.substr(0, prefix);
          }
          if (g == f) ++score.correct;
          detail[std::string(key) + "_found"] = *got;
        };
        meta(title, "gold_title", a.title, 0);
        meta(date, "gold_date", a.published, 10);
        meta(author, "gold_author", a.author, 0);
        if (details.is_open())
          details << detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      });
  if (!lines) {
    std::fprintf(stderr, "recoupe: %s\n", lines.error().to_string().c_str());
    return kExitNothingProcessed;
  }
  if (pages == 0) {
    std::fprintf(stderr, "recoupe: %s: no page could be scored\n", gold_path.c_str());
    return kExitNothingProcessed;
  }

  eval::Prf sp = snippets.prf();
  nlohmann::ordered_json out = {{"gold", gold_path}, {"pages", pages}, {"refused", bad}};
  if (snippet_pages)
    out["snippets"] = {
        {"pages", snippet_pages}, {"tp", snippets.tp}, {"fn", snippets.fn},
        {"tn", snippets.tn},      {"fp", snippets.fp}, {"precision", sp.precision},
        {"recall", sp.recall},    {"f1", sp.f1},       {"accuracy", snippets.accuracy()}};
  if (body_pages)
    out["body"] = {{"pages", body_pages},
                   {"precision", body_p / body_pages},
                   {"recall", body_r / body_pages},
                   {"f1", body_f / body_pages}};
  out["metadata"] = {{"title", title.json()}, {"date", date.json()}, {"author", author.json()}};
  out["seconds"] = seconds;
  out["pages_per_second"] = seconds > 0 ? pages / seconds : 0.0;
  out["mb_per_second"] = seconds > 0 ? input_bytes / 1048576.0 / seconds : 0.0;

  if (format == "json") {
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << fmt::format("gold: {}  pages: {}  refused: {}\n", gold_path, pages, bad);
    if (snippet_pages)
      std::cout << fmt::format(
          "snippets: precision {:.4f}  recall {:.4f}  F1 {:.4f}  accuracy {:.4f}  "
          "(tp {} fn {} tn {} fp {})\n",
          sp.precision, sp.recall, sp.f1, snippets.accuracy(), snippets.tp, snippets.fn,
          snippets.tn, snippets.fp);
    if (body_pages)
      std::cout << fmt::format("body: precision {:.4f}  recall {:.4f}  F1 {:.4f}\n",
                               body_p / body_pages, body_r / body_pages, body_f / body_pages);
    auto line = [](const char* name, const MetaScore& m) {
      return fmt::format("{}: {}/{} correct ({} found)", name, m.correct, m.gold, m.found);
    };
    std::cout << "metadata: " << line("title", title) << "; " << line("date", date) << "; "
              << line("author", author) << "\n";
    std::cout << fmt::format("speed: {:.1f} pages/s, {:.1f} MB/s ({:.2f} s extracting)\n",
                             out["pages_per_second"].get<double>(),
                             out["mb_per_second"].get<double>(), seconds);
  }
  return bad ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace recoupe::cli
