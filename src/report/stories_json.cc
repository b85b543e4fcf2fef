#include "report/stories_json.h"

#include <unordered_map>

#include "report/article_json.h"

namespace recoupe::report {

nlohmann::ordered_json stories_to_json(const std::vector<Article>& articles,
                                       const std::vector<std::optional<std::string>>& duplicate_of,
                                       const std::vector<Story>& stories, bool with_text) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["articles"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    nlohmann::ordered_json x = nlohmann::ordered_json::object();
    x["id"] = a.id;
    x["file"] = a.file;
    x["source"] = string_or_null(a.source);
    x["title"] = string_or_null(a.title);
    x["published"] = string_or_null(a.published);
    x["language"] = string_or_null(a.language);
    x["words"] = a.words;
    x["duplicate_of"] = i < duplicate_of.size() ? string_or_null(duplicate_of[i]) : nullptr;
    if (with_text) x["text"] = a.text;
    j["articles"].push_back(std::move(x));
  }
  j["stories"] = nlohmann::ordered_json::array();
  for (const Story& s : stories) {
    nlohmann::ordered_json x = nlohmann::ordered_json::object();
    x["id"] = s.id;
    x["title"] = string_or_null(s.title);
    x["language"] = string_or_null(s.language);
    x["event_date"] = string_or_null(s.event_date);
    x["articles"] = s.article_ids;
    x["sources"] = s.sources;
    j["stories"].push_back(std::move(x));
  }
  return j;
}

void print_stories_text(std::ostream& out, const std::vector<Article>& articles,
                        const std::vector<std::optional<std::string>>& duplicate_of,
                        const std::vector<Story>& stories) {
  std::unordered_map<std::string, size_t> by_id;
  for (size_t i = 0; i < articles.size(); ++i) by_id.emplace(articles[i].id, i);
  out << stories.size() << (stories.size() == 1 ? " story" : " stories") << " from "
      << articles.size() << (articles.size() == 1 ? " article" : " articles") << "\n";
  for (size_t n = 0; n < stories.size(); ++n) {
    const Story& s = stories[n];
    out << "\n" << n + 1 << ". " << s.title.value_or("(untitled)") << "\n   ";
    out << s.article_ids.size() << (s.article_ids.size() == 1 ? " article" : " articles");
    if (!s.sources.empty())
      out << ", " << s.sources.size() << (s.sources.size() == 1 ? " outlet" : " outlets");
    if (s.event_date) out << ", since " << *s.event_date;
    if (s.language) out << ", " << *s.language;
    out << "  [" << s.id << "]\n";
    for (const auto& id : s.article_ids) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const Article& a = articles[it->second];
      out << "   - " << a.source.value_or("?") << "  " << a.published.value_or("") << "  "
          << a.title.value_or(a.id);
      if (it->second < duplicate_of.size() && duplicate_of[it->second])
        out << "  (reprint of " << *duplicate_of[it->second] << ")";
      out << "\n";
    }
  }
}

}  // namespace recoupe::report
