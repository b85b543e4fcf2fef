#include "report/report_index.h"

#include <algorithm>
#include <unordered_set>

namespace recoupe::report {
namespace {

// Every article id a story cites, section by section in document order: its articles,
// then each section's "articles" lists and "article" ids (single_source cites its
// article before that outlet's other copies).
std::vector<const std::string*> cited_by(const ReportStory& s) {
  std::vector<const std::string*> out;
  auto add = [&](const std::vector<std::string>& ids) {
    for (const std::string& id : ids) out.push_back(&id);
  };
  add(s.articles);
  for (const auto& x : s.summary) add(x.articles);
  for (const auto& x : s.corroborated) add(x.articles);
  for (const auto& x : s.single_source) {
    out.push_back(&x.article);
    add(x.articles);
  }
  for (const auto& d : s.disagreements)
    for (const auto& v : d.versions) add(v.articles);
  for (const auto& q : s.quotes) {
    add(q.articles);
    for (const auto& v : q.variants) add(v.articles);
  }
  for (const auto& e : s.entities) add(e.articles);
  for (const auto& t : s.timeline) add(t.articles);
  for (const auto& f : s.framing) out.push_back(&f.article);
  return out;
}

}  // namespace

ReportIndex::ReportIndex(const Report& report) {
  std::unordered_map<std::string, const ReportArticle*> listed;
  for (const ReportArticle& a : report.articles)
    if (!a.id.empty()) listed.emplace(a.id, &a);  // a repeated id: the first one counts
  std::unordered_set<std::string> outlets;
  for (const ReportStory& story : report.stories) {
    for (const std::string& name : story.sources)
      if (!name.empty()) outlets.insert(name);
    for (const std::string* id : cited_by(story)) add(*id);
  }
  for (const ReportArticle& a : report.articles) add(a.id);

  for (ArticleRef& ref : articles_) {
    auto it = listed.find(ref.id);
    if (it == listed.end()) continue;
    const ReportArticle& a = *it->second;
    ref.listed = true;
    ref.outlet = a.source.value_or("");
    ref.url = a.url.value_or("");
    if (!ref.outlet.empty()) outlets.insert(ref.outlet);
    ref.title = a.title.value_or("");
    ref.published = a.published.value_or("");
    ref.language = a.language.value_or("");
    ref.duplicate_of = a.duplicate_of.value_or("");
    ref.words = a.words;
    if (a.text && !a.text->empty()) ref.text = &*a.text;
  }
  outlet_count_ = static_cast<int>(outlets.size());
}
void ReportIndex::add(const std::string& id) {
  if (id.empty() || by_id_.count(id)) return;
  by_id_.emplace(id, articles_.size());
  ArticleRef ref;
  ref.number = static_cast<int>(articles_.size()) + 1;
  ref.id = id;
  articles_.push_back(std::move(ref));
}

const ArticleRef* ReportIndex::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &articles_[it->second];
}

std::vector<int> ReportIndex::numbers_of(const std::vector<std::string>& ids) const {
  std::vector<int> numbers;
  for (const std::string& id : ids)
    if (const ArticleRef* ref = find(id)) numbers.push_back(ref->number);
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  return numbers;
}

long long ReportIndex::claim_outlet_count(const CorroboratedClaim& c) const {
  if (c.outlets > 0) return c.outlets;
  std::unordered_set<std::string> outlets;
  long long unknown = 0;
  for (const std::string& id : c.articles)
    if (const ArticleRef* ref = find(id); ref != nullptr) {
      if (ref->outlet.empty())
        ++unknown;
      else
        outlets.insert(ref->outlet);
    }
  return static_cast<long long>(outlets.size()) + unknown;
}

std::vector<std::string> ReportIndex::outlets_of(const std::vector<std::string>& ids,
                                                 std::string_view unknown) const {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  bool any_unknown = false;
  for (const std::string& id : ids) {
    const ArticleRef* ref = find(id);
    if (ref == nullptr) continue;
    if (ref->outlet.empty())
      any_unknown = true;
    else if (seen.insert(ref->outlet).second)
      out.push_back(ref->outlet);
  }
  // Articles of unknown outlet may all be one outlet: named once, never counted as several.
  if (any_unknown) out.emplace_back(unknown);
  return out;
}

}  // namespace recoupe::report
