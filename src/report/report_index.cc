#include "report/report_index.h"

#include <algorithm>
#include <unordered_set>

namespace recoupe::report {
namespace {

// Every article id cited anywhere inside `node`: values of "articles" (list) and
// "article" (one id) at any depth, so that additive fields citing articles are covered.
void collect_cited(const Json& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it.key() == "articles" || it.key() == "article") {
        if (!it.value().is_object()) {
          for (std::string& id : ids_in(it.value())) out.push_back(std::move(id));
          if (!it.value().is_array()) continue;
        }
      }
      collect_cited(it.value(), out);
    }
  } else if (node.is_array()) {
    for (const Json& v : node) collect_cited(v, out);
  }
}

}  // namespace

ReportIndex::ReportIndex(const Json& report) {
  std::unordered_map<std::string, const Json*> listed;
  std::vector<std::string> report_order;
  for (const Json& a : field_list(report, "articles")) {
    std::string id = field_text(a, "id");
    if (id.empty() || listed.count(id)) continue;
    listed.emplace(id, &a);
    report_order.push_back(id);
  }
  std::unordered_set<std::string> outlets;
  for (const Json& story : field_list(report, "stories")) {
    for (std::string& name : field_strings(story, "sources")) outlets.insert(std::move(name));
    for (const std::string& id : field_strings(story, "articles")) add(id);
    std::vector<std::string> cited;
    collect_cited(story, cited);
    for (const std::string& id : cited) add(id);
  }
  for (const std::string& id : report_order) add(id);

  for (ArticleRef& ref : articles_) {
    auto it = listed.find(ref.id);
    if (it == listed.end()) continue;
    const Json& a = *it->second;
    ref.listed = true;
    ref.outlet = field_text(a, "source");
    if (!ref.outlet.empty()) outlets.insert(ref.outlet);
    ref.title = field_text(a, "title");
    ref.published = field_text(a, "published");
    ref.language = field_text(a, "language");
    ref.duplicate_of = field_text(a, "duplicate_of");
    if (auto w = a.find("words"); w != a.end() && w->is_number())
      ref.words = field_count(a, "words").value_or(-1);
    if (auto t = a.find("text");
        t != a.end() && t->is_string() && !t->get_ref<const std::string&>().empty())
      ref.text = &*t;
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

std::vector<std::string> ReportIndex::outlets_of(const std::vector<std::string>& ids,
                                                 std::string_view unknown) const {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const std::string& id : ids) {
    const ArticleRef* ref = find(id);
    if (ref == nullptr) continue;
    if (ref->outlet.empty()) {
      if (seen.insert("\x01" + id).second) out.emplace_back(unknown);
    } else if (seen.insert(ref->outlet).second) {
      out.push_back(ref->outlet);
    }
  }
  return out;
}

}  // namespace recoupe::report
