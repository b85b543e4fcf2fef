// Quote wordings as disagreements: only between outlets, trims left out; kinds in the
// reader's language.
#include <gtest/gtest.h>

#include "report/view_labels.h"
#include "shipped_resources.h"
#include "synth/disagreements.h"

namespace recoupe::synth {
namespace {

// A story of three articles (a and b of one outlet, c of another) where Benjamin Netanyahu
// and Jerusalem are entities.
struct QuoteStory {
  std::vector<Article> arts = std::vector<Article>(3);
  StoryEvidence ev;
  ClaimSet cs;
  QuoteStory() {
    arts[0].id = "a";
    arts[1].id = "b";
    arts[2].id = "c";
    for (const auto& a : arts) ev.articles.push_back(&a);
    ev.language = "en";
    ev.entities = {{"Benjamin Netanyahu", "person", {"Netanyahu"}, {}},
                   {"Jerusalem", "place", {}, {}}};
    cs.outlet_of = {0, 0, 1};
  }
  std::vector<Disagreement> disagreements(const MergedQuote& q) const {
    return find_disagreements(ev, cs, {q}, recoupe::testing::shipped_resources().synth(),
                              SynthConfig{});
  }
};

TEST(QuoteDisagreements, BetweenOutletsWithoutTrims) {
  QuoteStory story;
  MergedQuote q;
  q.speaker = "Netanyahu";
  q.variants = {{"Iran lied about never having a nuclear weapons program", {"a"}},
                {"Tonight I am here to tell you one thing: Iran lied", {"b"}},
                {"Iran lied", {"a"}}};
  // Two wordings of one outlet: two passages, not a disagreement.
  EXPECT_TRUE(story.disagreements(q).empty());
  // A third outlet's wording makes it one; the trim "Iran lied" is no version.
  q.variants.push_back({"Iran lied about not ever having an atomic arms program", {"c"}});
  auto ds = story.disagreements(q);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, "quote");
  EXPECT_EQ(ds[0].about, "Netanyahu");
  for (const auto& v : ds[0].versions) EXPECT_NE(v.value, "Iran lied");
}

TEST(QuoteDisagreements, AnArticlePrintingTwoOfTheWordingsQuotesTwoPassages) {
  QuoteStory story;
  MergedQuote q;
  q.speaker = "Netanyahu";
  q.variants = {{"Iran lied about never having a nuclear weapons program", {"a"}},
                {"Iran lied about not ever having an atomic arms program", {"c"}}};
  ASSERT_EQ(story.disagreements(q).size(), 1u);
  // a also prints another passage that c's wording matches as well: which one did c quote?
  q.variants.push_back({"Iran lied about its weapons program, never having admitted it", {"a"}});
  EXPECT_TRUE(story.disagreements(q).empty());
}

TEST(QuoteDisagreements, ANumberWrittenInWordsOrInDigitsIsTheSameWording) {
  QuoteStory story;
  MergedQuote q;
  q.speaker = "Netanyahu";
  q.variants = {{"By rolling back this eleventh-hour regulation, we protect the coast", {"a"}},
                {"By rolling back this 11th hour regulation, we protect the coast", {"c"}}};
  EXPECT_TRUE(story.disagreements(q).empty());
}

TEST(QuoteDisagreements, ATimeWrittenWithItsZoneOrOnTheClockIsTheSameWording) {
  QuoteStory story;
  MergedQuote q;
  q.speaker = "Netanyahu";
  q.variants = {{"The talks ended at 6:41pm PST this evening in the capital", {"a"}},
                {"The talks ended at 18:41 this evening in the capital", {"c"}}};
  EXPECT_TRUE(story.disagreements(q).empty());
  // A word in capitals that no figure comes right before is the speaker's.
  q.variants = {{"The talks ended at 6:41pm this evening at the NATO headquarters", {"a"}},
                {"The talks ended at 18:41 this evening at the EU headquarters", {"c"}}};
  EXPECT_EQ(story.disagreements(q).size(), 1u);
}

TEST(QuoteDisagreements, OnlyForAPersonOfTheStory) {
  QuoteStory story;
  MergedQuote q;
  q.variants = {{"Iran lied about never having a nuclear weapons program", {"a"}},
                {"Iran lied about not ever having an atomic arms program", {"c"}}};
  q.speaker = "Jerusalem";  // a place read as a speaker
  EXPECT_TRUE(story.disagreements(q).empty());
  q.speaker = "";
  EXPECT_TRUE(story.disagreements(q).empty());
  q.speaker = "Benjamin Netanyahu";
  EXPECT_EQ(story.disagreements(q).size(), 1u);
}

TEST(QuoteDisagreements, TheSameWordsAreNoVersions) {
  QuoteStory story;
  MergedQuote q;
  q.speaker = "Netanyahu";
  // A writer's insertion in brackets, a British spelling, or two passages sharing a name.
  q.variants = {
      {"We respect her (Tara Reid) and her family's privacy in this neighbourhood", {"a"}},
      {"We respect her and her family's privacy in this neighborhood", {"c"}}};
  EXPECT_TRUE(story.disagreements(q).empty());
  q.variants = {{"Nous nous opposons à la libération de Jérôme Kerviel", {"a"}},
                {"Libérez Jérôme Kerviel !", {"c"}}};
  EXPECT_TRUE(story.disagreements(q).empty());
  // One time written two ways: figures are no wording.
  q.variants = {{"My dear friend and client passed away at 6:41pm this evening in a Los Angeles "
                 "hospital",
                 {"a"}},
                {"My dear friend and client passed away at 18:41 this evening in a Los Angeles "
                 "hospital",
                 {"c"}}};
  EXPECT_TRUE(story.disagreements(q).empty());
  // Two statements of one speaker on one subject share words, not a wording (0.6 of them).
  // (4 of the smaller one's 7 content words shared.)
  q.variants = {{"The new vaccine will protect children from measles and mumps this winter", {"a"}},
                {"Parents should bring their children for the new vaccine against measles before "
                 "schools open",
                 {"c"}}};
  EXPECT_TRUE(story.disagreements(q).empty());
}

TEST(QuoteDisagreements, AWordingWithAFewWordsLeftOutIsACut) {
  QuoteStory story;
  MergedQuote q;
  q.speaker = "Netanyahu";
  // c drops "about his plans" from the middle: the same words, cut, not another wording.
  q.variants = {{"He called me every day to ask about his plans. The trouble is that he lied "
                 "to me for twelve days",
                 {"a"}},
                {"He called me every day to ask. The trouble is that he lied to me for twelve "
                 "days",
                 {"c"}}};
  EXPECT_TRUE(story.disagreements(q).empty());
  // A changed word is a version.
  q.variants[1].text =
      "He phoned me every day to ask. The trouble is that he lied to me for twelve days";
  EXPECT_EQ(story.disagreements(q).size(), 1u);
}

// A short sentence whose few words a long passage of the speaker also uses is another
// statement, not a version of it: the words in common must be a fair share of both.
TEST(QuoteDisagreements, AShortStatementIsNoVersionOfALongPassageSharingItsWords) {
  QuoteStory story;
  MergedQuote q;
  q.speaker = "Netanyahu";
  q.variants = {{"I would be very glad to meet the Nobel peace laureate", {"a"}},
                {"The duty of a prime minister is to meet every Nobel peace laureate who wishes "
                 "to meet him, whatever his origins, his convictions or the cause he defends, "
                 "and our country would betray its history otherwise",
                 {"c"}}};
  EXPECT_TRUE(story.disagreements(q).empty());
  SynthConfig loose;
  loose.quote_version_min_overlap_larger = 0.0;  // the smaller one's share alone: a version
  EXPECT_EQ(find_disagreements(story.ev, story.cs, {q},
                               recoupe::testing::shipped_resources().synth(), loose)
                .size(),
            1u);
}

TEST(ViewLabels, KindsInTheReadersLanguage) {
  EXPECT_EQ(report::kind_label(report::labels_for("fr"), "place"), "lieu");
  EXPECT_EQ(report::kind_label(report::labels_for("en"), "place"), "place");
  EXPECT_EQ(report::kind_label(report::labels_for("fr"), "partial"), "partielle");
  EXPECT_EQ(report::kind_label(report::labels_for("fr"), "unknown"), "unknown");
}

}  // namespace
}  // namespace recoupe::synth
