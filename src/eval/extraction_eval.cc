#include "eval/extraction_eval.h"

#include <fmt/format.h>

#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe::eval {
namespace {

std::string norm_meta(const std::string& s) { return text::collapse_spaces(text::fold(s)); }

nlohmann::ordered_json metadata_json(const MetadataScore& m) {
  return {{"gold", m.gold}, {"found", m.found}, {"correct", m.correct}, {"accuracy", m.accuracy()}};
}

}  // namespace

nlohmann::ordered_json ExtractionEval::add(const ExtractionGold& gold, const Article& a,
                                           double page_seconds, size_t page_bytes, bool details) {
  seconds += page_seconds;
  input_bytes += page_bytes;
  ++pages;
  nlohmann::ordered_json detail = {{"id", a.id}};
  if (gold.has_snippets) {
    snippets.add(score_snippets(a.text, gold.with, gold.without));
    ++snippet_pages;
    if (details) {
      SnippetMisses m = snippet_misses(a.text, gold.with, gold.without);
      detail["missed"] = m.missed;
      detail["kept"] = m.kept;
    }
  }
  if (gold.body) {
    Prf prf = token_prf(a.text, *gold.body);
    body_precision += prf.precision;
    body_recall += prf.recall;
    body_f1 += prf.f1;
    ++body_pages;
    detail["body_f1"] = prf.f1;
  }
  auto meta = [&](MetadataScore& score, const char* key, const std::optional<std::string>& want,
                  const std::optional<std::string>& got, size_t prefix) {
    if (!want) return;
    ++score.gold;
    if (!got) return;
    ++score.found;
    std::string g = norm_meta(*want), f = norm_meta(*got);
    if (prefix) {
      g = g.substr(0, prefix);
      f = f.substr(0, prefix);
    }
    if (g == f) ++score.correct;
    detail[std::string(key) + "_found"] = *got;
  };
  meta(title, "gold_title", gold.title, a.title, 0);
  meta(date, "gold_date", gold.date, a.published, 10);
  meta(author, "gold_author", gold.author, a.author, 0);
  return detail;
}

nlohmann::ordered_json extraction_json(const ExtractionEval& e) {
  nlohmann::ordered_json out = {{"gold", e.gold_path}, {"pages", e.pages}, {"refused", e.refused}};
  if (e.snippet_pages) {
    Prf sp = e.snippets.prf();
    out["snippets"] = {
        {"pages", e.snippet_pages}, {"tp", e.snippets.tp}, {"fn", e.snippets.fn},
        {"tn", e.snippets.tn},      {"fp", e.snippets.fp}, {"precision", sp.precision},
        {"recall", sp.recall},      {"f1", sp.f1},         {"accuracy", e.snippets.accuracy()}};
  }
  if (e.body_pages)
    out["body"] = {{"pages", e.body_pages},
                   {"precision", e.body_precision / e.body_pages},
                   {"recall", e.body_recall / e.body_pages},
                   {"f1", e.body_f1 / e.body_pages}};
  out["metadata"] = {{"title", metadata_json(e.title)},
                     {"date", metadata_json(e.date)},
                     {"author", metadata_json(e.author)}};
  out["seconds"] = e.seconds;
  out["pages_per_second"] = e.pages_per_second();
  out["mb_per_second"] = e.mb_per_second();
  return out;
}

std::string extraction_text(const ExtractionEval& e) {
  std::string out =
      fmt::format("gold: {}  pages: {}  refused: {}\n", e.gold_path, e.pages, e.refused);
  if (e.snippet_pages) {
    Prf sp = e.snippets.prf();
    out += fmt::format(
        "snippets: precision {:.4f}  recall {:.4f}  F1 {:.4f}  accuracy {:.4f}  "
        "(tp {} fn {} tn {} fp {})\n",
        sp.precision, sp.recall, sp.f1, e.snippets.accuracy(), e.snippets.tp, e.snippets.fn,
        e.snippets.tn, e.snippets.fp);
  }
  if (e.body_pages)
    out += fmt::format("body: precision {:.4f}  recall {:.4f}  F1 {:.4f}\n",
                       e.body_precision / e.body_pages, e.body_recall / e.body_pages,
                       e.body_f1 / e.body_pages);
  auto line = [](const char* name, const MetadataScore& m) {
    return fmt::format("{}: {}/{} correct ({} found)", name, m.correct, m.gold, m.found);
  };
  out += "metadata: " + line("title", e.title) + "; " + line("date", e.date) + "; " +
         line("author", e.author) + "\n";
  out += fmt::format("speed: {:.1f} pages/s, {:.1f} MB/s ({:.2f} s extracting)\n",
                     e.pages_per_second(), e.mb_per_second(), e.seconds);
  return out;
}

}  // namespace recoupe::eval
