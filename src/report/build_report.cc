#include "report/build_report.h"

#include <utility>

namespace recoupe::report {
namespace {

std::optional<std::string> unless_empty(std::string s) {
  if (s.empty()) return std::nullopt;
  return s;
}

ReportArticle report_article(const Article& a, const std::optional<std::string>& duplicate_of,
                             bool with_text) {
  ReportArticle r;
  r.id = a.id;
  r.file = a.file;
  r.source = a.source;
  r.url = a.url;
  r.title = a.title;
  r.published = a.published;
  r.language = a.language;
  r.words = a.words;
  r.duplicate_of = duplicate_of;
  if (with_text) r.text = a.text;
  return r;
}

void add_cross_check(CrossCheck&& cc, ReportStory& story) {
  story.title = unless_empty(std::move(cc.title));
  story.event_date = unless_empty(std::move(cc.event_date));
  story.cross_checked = true;
  story.summary = std::move(cc.summary);
  story.corroborated = std::move(cc.corroborated);
  story.single_source = std::move(cc.single_source);
  story.disagreements = std::move(cc.disagreements);
  story.quotes = std::move(cc.quotes);
  story.entities = std::move(cc.entities);
  story.timeline = std::move(cc.timeline);
  story.framing = std::move(cc.framing);
  story.notices = std::move(cc.notices);
  story.more = std::move(cc.more);
}

}  // namespace

Report build_report(const std::vector<Article>& articles,
                    const std::vector<std::optional<std::string>>& duplicate_of,
                    const std::vector<Story>& stories, std::vector<CrossCheck> checks,
                    bool with_text) {
  Report report;
  report.articles.reserve(articles.size());
  for (size_t i = 0; i < articles.size(); ++i)
    report.articles.push_back(report_article(
        articles[i], i < duplicate_of.size() ? duplicate_of[i] : std::nullopt, with_text));
  report.stories.reserve(stories.size());
  for (size_t i = 0; i < stories.size(); ++i) {
    const Story& s = stories[i];
    ReportStory story;
    story.id = s.id;
    story.title = s.title;
    story.language = s.language;
    story.event_date = s.event_date;
    story.articles = s.article_ids;
    story.sources = s.sources;
    if (i < checks.size()) add_cross_check(std::move(checks[i]), story);
    report.stories.push_back(std::move(story));
  }
  return report;
}

}  // namespace recoupe::report
