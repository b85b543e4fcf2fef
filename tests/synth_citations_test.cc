// Every claim, quote, summary sentence and timeline entry cites articles that really contain
// it, on every gold clustering set of ../shared/data/clustering/ (stories = gold events).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "shipped_resources.h"
#include "synth/analyzed_story.h"
#include "synth/content_words.h"
#include "synth/cross_check.h"
#include "synth_test_util.h"
#include "text/normalize.h"

namespace recoupe::synth {
namespace {

namespace fs = std::filesystem;

const std::string kSets = std::string(RECOUPE_TEST_DIR) + "/../../shared/data/clustering";

std::string norm(const std::string& s) { return text::collapse_spaces(s); }

// Folded words joined by one space: quotes are merged by their words, so punctuation may
// differ from one article's print to another's.
std::string words_of(const std::string& s) {
  std::string out;
  for (const auto& w : folded_words(s, recoupe::testing::shipped_resources().elisions()))
    out += w + " ";
  return out;
}

// Independent of the aligner: the claim's stems (stop words out) and numbers against the
// article's best sentence: at least 2 shared and at least 25 % of the smaller set.
std::set<std::string> stems_and_numbers(const std::string& raw, const text::StopWords& stop,
                                        const text::Stemmer& stemmer) {
  // A compound's parts count as words: "the 9-acre complex" names the acres of "a nine acre
  // block".
  std::string s = raw;
  std::replace(s.begin(), s.end(), '-', ' ');
  std::set<std::string> out;
  for (const auto& w :
       content_words(s, stop, stemmer, recoupe::testing::shipped_resources().elisions()))
    out.insert(w.stem);
  for (const auto& w : folded_words(s, recoupe::testing::shipped_resources().elisions()))
    if (!w.empty() && w[0] >= '0' && w[0] <= '9') out.insert(w);
  return out;
}

bool article_states(const AnalyzedStory& story, size_t a, const std::string& claim,
                    const text::StopWords& stop, const text::Stemmer& stemmer) {
  std::set<std::string> cs = stems_and_numbers(claim, stop, stemmer);
  if (norm(story.articles[a].text).find(norm(claim)) != std::string::npos) return true;
  for (const auto& s : story.analyses[a].sentences) {
    std::set<std::string> ss = stems_and_numbers(s.text, stop, stemmer);
    size_t shared = 0;
    for (const auto& x : cs) shared += ss.count(x);
    if (shared >= 2 && shared * 4 >= std::min(cs.size(), ss.size())) return true;
  }
  return false;
}

TEST(SynthCitations, EveryCitationIsBackedOnEveryClusteringSet) {
  if (!fs::exists(kSets))
    GTEST_SKIP() << "../shared/data/clustering not found: citation test skipped";
  std::vector<std::string> sets;
  for (const auto& e : fs::directory_iterator(kSets))
    if (e.path().extension() == ".jsonl") sets.push_back(e.path().string());
  std::sort(sets.begin(), sets.end());
  ASSERT_FALSE(sets.empty());
  size_t stories_checked = 0, citations = 0;
  for (const auto& set : sets) {
    auto articles = testing::read_articles({set});
    ASSERT_FALSE(articles.empty()) << set;
    std::map<std::string, std::vector<Article>> by_event;
    for (auto& a : articles) by_event[a.event.value_or(a.id)].push_back(a);
    for (auto& [event_label, docs] : by_event) {
      // A plain variable: clang 14 cannot capture a structured binding in a lambda.
      const std::string event = event_label;
      auto story = analyze_story(event, std::move(docs), testing::analysis_resources());
      const auto& resources = recoupe::testing::shipped_resources().synth();
      const auto& stop = resources.stop_words(story.language);
      text::Stemmer stemmer(story.language);
      auto ev = story.evidence();
      CrossCheck cc = cross_check(ev, resources);
      std::map<std::string, size_t> index;
      for (size_t i = 0; i < story.articles.size(); ++i) index[story.articles[i].id] = i;
      auto check = [&](const std::string& what, const std::string& text,
                       const std::vector<std::string>& ids) {
        ASSERT_FALSE(ids.empty()) << what << ": " << text;
        bool verbatim = false;
        for (const auto& id : ids) {
          ASSERT_TRUE(index.count(id)) << what << " cites unknown " << id;
          size_t a = index[id];
          verbatim |= norm(story.articles[a].text).find(norm(text)) != std::string::npos;
          EXPECT_TRUE(article_states(story, a, text, stop, stemmer))
              << set << " " << event << " " << what << " cites " << id << " for: " << text;
          ++citations;
        }
        EXPECT_TRUE(verbatim) << what << " is in none of its articles: " << text;
      };
      for (const auto& s : cc.summary) check("summary", s.text, s.articles);
      for (const auto& c : cc.corroborated) {
        check("corroborated", c.claim, c.articles);
        EXPECT_GE(c.outlets, 2);
      }
      for (const auto& s : cc.single_source) check("single_source", s.claim, {s.article});
      for (const auto& q : cc.quotes) {
        if (q.variants.empty()) {
          for (const auto& id : q.articles)
            EXPECT_NE(words_of(story.articles[index[id]].text).find(words_of(q.text)),
                      std::string::npos)
                << "quote not in " << id << ": " << q.text;
        } else {
          for (const auto& v : q.variants)
            for (const auto& id : v.articles)
              EXPECT_NE(words_of(story.articles[index[id]].text).find(words_of(v.text)),
                        std::string::npos)
                  << "quote variant not in " << id << ": " << v.text;
        }
      }
      for (const auto& t : cc.timeline)
        for (const auto& id : t.articles) {
          const auto& dates = story.analyses[index[id]].dates;
          EXPECT_TRUE(std::any_of(dates.begin(), dates.end(),
                                  [&](const DateMention& d) { return d.value == t.date; }))
              << "timeline " << t.date << " cites " << id << " without that date";
        }
      if (story.articles.size() >= 3 && cc.summary.size() > 0) {
        EXPECT_LE(cc.summary.size(), 8u);
      }
      ++stories_checked;
    }
  }
  EXPECT_GT(stories_checked, 50u);
  EXPECT_GT(citations, 1000u);
}

}  // namespace
}  // namespace recoupe::synth
