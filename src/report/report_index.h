// ReportIndex: the articles a report cites, numbered for citation markers ([1], [2]...)
// and looked up by id. Both views number the same way, so "[3]" in the terminal is "[3]"
// in the HTML page of the same report.
//
// Numbering: the articles of the first story in its order, then those of the next story,
// ..., then articles cited nowhere in report order; an id cited by a story (in any section)
// but absent from the report's articles still gets a number (shown as that id, outlet
// unknown). Building costs one pass over the report; lookups are hash lookups. Immutable
// after construction; thread-safe. Holds pointers into `report`: the report must outlive
// the index.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/report.h"

namespace recoupe::report {

struct ArticleRef {
  int number = 0;  // 1-based
  std::string id;
  std::string outlet;  // "" when unknown
  std::string title;
  std::string url;  // "" when unknown
  std::string published;
  std::string language;
  std::string duplicate_of;           // id of the article this one reprints, or ""
  long long words = -1;               // -1 when unknown (not listed)
  const std::string* text = nullptr;  // the cleaned text when the report has it (--with-text)
  bool listed = false;                // present in the report's articles
};

class ReportIndex {
 public:
  explicit ReportIndex(const Report& report);

  // Every numbered article, by number (articles()[n - 1].number == n).
  const std::vector<ArticleRef>& articles() const { return articles_; }

  // The article with this id; nullptr when the report never mentions it.
  const ArticleRef* find(std::string_view id) const;

  // The citation numbers of these ids, ascending, without repeats (unknown ids skipped).
  std::vector<int> numbers_of(const std::vector<std::string>& ids) const;

  // The outlet count a corroborated claim shows: its own count, or for a report written
  // before that count existed (0), the number of distinct outlets its articles cite.
  // Each article of unknown outlet counts as one there, as the engine counted it.
  long long claim_outlet_count(const CorroboratedClaim& c) const;

  // The distinct named outlets of the articles `ids`, in order, then `unknown` once when
  // some article has no known outlet.
  std::vector<std::string> outlets_of(const std::vector<std::string>& ids,
                                      std::string_view unknown) const;

  // Distinct named outlets in the whole report: the stories' sources and the articles'
  // source (articles without one are not counted: they may be any outlet).
  int outlet_count() const { return outlet_count_; }

 private:
  void add(const std::string& id);
  std::vector<ArticleRef> articles_;
  std::unordered_map<std::string, size_t> by_id_;
  int outlet_count_ = 0;
};

}  // namespace recoupe::report
