#include "report/view_labels.h"

#include <unordered_map>
#include <vector>

namespace recoupe::report {
namespace {

constexpr ViewLabels kEnglish{
    .lang = "en",
    .report_title = "Cross-checked stories",
    .summary = "Summary",
    .corroborated = "Agreed by several outlets",
    .single_source = "Only one outlet",
    .disagreements = "Where they differ",
    .quotes = "Who said what",
    .entities = "People, places, organisations",
    .people = "People",
    .places = "Places",
    .organizations = "Organisations",
    .other_entities = "Other",
    .timeline = "Timeline",
    .framing = "Framing",
    .sources = "Sources",
    .articles_heading = "Articles",
    .untitled = "(untitled story)",
    .unknown_outlet = "unknown outlet",
    .one_outlet = "within one outlet",
    .year_not_stated = "year not stated",
    .unattributed = "Unattributed",
    .also_called = "also",
    .other_wordings = "Other wordings",
    .reprint_of = "reprint of",
    .full_text = "Full text",
    .distinctive_terms = "distinctive terms",
    .more = "more",
    .no_stories = "No story found.",
    .footer = "Made with recoupe. Every claim links to the articles that carry it.",
    .story = "story",
    .stories = "stories",
    .article = "article",
    .articles = "articles",
    .outlet = "outlet",
    .outlets = "outlets",
    .mention = "mention",
    .mentions = "mentions",
    .word = "word",
    .words = "words",
    .zero_is_singular = false,
};

constexpr ViewLabels kFrench{
    .lang = "fr",
    .report_title = "Sujets recoupés",
    .summary = "Résumé",
    .corroborated = "Recoupé par plusieurs médias",
    .single_source = "Une seule source",
    .disagreements = "Divergences",
    .quotes = "Qui a dit quoi",
    .entities = "Personnes, lieux, organisations",
    .people = "Personnes",
    .places = "Lieux",
    .organizations = "Organisations",
    .other_entities = "Autres",
    .timeline = "Chronologie",
    .framing = "Angles",
    .sources = "Sources",
    .articles_heading = "Articles",
    .untitled = "(sujet sans titre)",
    .unknown_outlet = "média inconnu",
    .one_outlet = "au sein d'un même média",
    .year_not_stated = "année non précisée",
    .unattributed = "Non attribué",
    .also_called = "aussi",
    .other_wordings = "Autres formulations",
    .reprint_of = "reprise de",
    .full_text = "Texte intégral",
    .distinctive_terms = "termes propres",
    .more = "de plus",
    .no_stories = "Aucun sujet trouvé.",
    .footer = "Produit par recoupe. Chaque affirmation renvoie aux articles qui la portent.",
    .story = "sujet",
    .stories = "sujets",
    .article = "article",
    .articles = "articles",
    .outlet = "média",
    .outlets = "médias",
    .mention = "mention",
    .mentions = "mentions",
    .word = "mot",
    .words = "mots",
    .zero_is_singular = true,
};

}  // namespace

const ViewLabels& labels_for(std::string_view lang) {
  if (lang.size() >= 2 && (lang[0] == 'f' || lang[0] == 'F') &&
      (lang[1] == 'r' || lang[1] == 'R') && (lang.size() == 2 || lang[2] == '-' || lang[2] == '_'))
    return kFrench;
  return kEnglish;
}

bool has_labels(std::string_view lang) {
  std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
  auto is = [&](std::string_view code) {
    return primary.size() == 2 && (primary[0] | 0x20) == code[0] && (primary[1] | 0x20) == code[1];
  };
  return is("en") || is("fr");
}

std::string report_language(const Report& report) {
  std::unordered_map<std::string, int> counts;
  std::vector<std::string> order;
  for (const ReportArticle& a : report.articles) {
    if (!a.language || a.language->empty()) continue;
    if (counts[*a.language]++ == 0) order.push_back(*a.language);
  }
  std::string best;
  for (const std::string& lang : order)
    if (best.empty() || counts[lang] > counts[best]) best = lang;
  if (best.empty() && !report.stories.empty()) best = report.stories.front().language.value_or("");
  return best;
}

std::string_view kind_label(const ViewLabels& labels, std::string_view kind) {
  struct Row {
    std::string_view kind, en, fr;
  };
  static constexpr Row kRows[] = {
      {"number", "number", "nombre"},
      {"date", "date", "date"},
      {"place", "place", "lieu"},
      {"name", "name", "nom"},
      // A quote printed in two wordings: one remark, not two outlets contradicting each
      // other on a fact; the label says so.
      {"quote", "quote worded differently", "citation formulée autrement"},
      {"detail", "detail", "détail"},
      {"full", "full", "entière"},
      {"partial", "partial", "partielle"},
  };
  for (const Row& r : kRows)
    if (r.kind == kind) return labels.lang == "fr" ? r.fr : r.en;
  return kind;
}

std::string count_of(const ViewLabels& labels, long long n, std::string_view singular,
                     std::string_view plural) {
  const bool one = n == 1 || (n == 0 && labels.zero_is_singular);
  return std::to_string(n) + " " + std::string(one ? singular : plural);
}

}  // namespace recoupe::report

namespace recoupe::report {

std::string date_label(const ViewLabels& labels, std::string_view date) {
  if (!date.starts_with("XXXX-")) return std::string(date);
  return std::string(date.substr(5)) + " (" + std::string(labels.year_not_stated) + ")";
}

}  // namespace recoupe::report
