// Claim alignment (synth/claims.h): which claims of other articles state a claim. Written
// cases, not copies of dev stories.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "synth/analyzed_story.h"
#include "synth/claims.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

Article article(std::string id, std::string text) {
  Article a;
  a.id = std::move(id);
  a.source = a.id + ".example";
  a.language = "fr";
  a.text = std::move(text);
  return a;
}

// The claims of a story of `texts` (one article each), aligned.
struct Aligned {
  AnalyzedStory story;
  StoryEvidence ev;
  ClaimSet cs;
};

Aligned aligned(const std::vector<std::string>& texts) {
  std::vector<Article> arts;
  for (size_t i = 0; i < texts.size(); ++i)
    arts.push_back(article(std::string(1, static_cast<char>('a' + i)), texts[i]));
  Aligned out{analyze_story("s", std::move(arts), testing::analysis_resources(), nullptr), {}, {}};
  out.ev = out.story.evidence();
  out.cs = build_claims(out.ev, recoupe::testing::shipped_resources().synth(), SynthConfig{});
  return out;
}

// The claim of article `a` holding `words`.
size_t claim_with(const ClaimSet& cs, size_t a, const std::string& words) {
  for (size_t c : cs.claims_of_article[a])
    if (cs.claims[c].text.find(words) != std::string::npos) return c;
  ADD_FAILURE() << "no claim of article " << a << " holds " << words;
  return 0;
}

bool supports(const ClaimSet& cs, size_t c, size_t article) {
  return std::binary_search(cs.support[c].begin(), cs.support[c].end(), article);
}

// One sentence bundles the crowd, the fireworks and the start; another outlet gives the
// fireworks alone. Few words in common, but a figure of 29,000 fireworks both give is one
// count: the second states the first's fireworks.
TEST(ClaimAlignment, ASpecificFigureBothGiveAnchorsTwoUnlikeSentences) {
  const Aligned s = aligned({
      "Quelque 15.000 figurants et 29.000 feux d'artifice animeront la cérémonie au stade.",
      "Au total, 29.000 feux d'artifice illumineront le ciel.",
      // Other outlets on the same evening, without the fireworks: what a story reads beside.
      "Les chefs d'Etat sont arrivés au stade en fin d'après-midi sous une forte chaleur.",
      "La délégation française a défilé derrière son porte-drapeau devant la tribune.",
      "Le président du comité a salué une cérémonie grandiose et parfaitement réglée.",
  });
  const size_t bundled = claim_with(s.cs, 0, "29.000 feux");
  const size_t fireworks = claim_with(s.cs, 1, "29.000 feux");
  EXPECT_TRUE(supports(s.cs, bundled, 1));
  EXPECT_TRUE(supports(s.cs, fireworks, 0));
  // Told as a count, not as the lead fact: a title does not count that outlet.
  EXPECT_EQ(s.cs.support_outlets[bundled], 2);
  EXPECT_EQ(s.cs.telling_outlets[bundled], 1);
}

// A small count is given by chance twice: ten killed by one collapse, ten injured by another.
TEST(ClaimAlignment, ASmallCountIsNoAnchor) {
  const Aligned s = aligned({
      "Au total, 10 personnes ont été tuées au village.",
      "Au total, 10 personnes ont été blessées au port.",
      "Les secours ont travaillé toute la nuit dans les décombres de la vieille ville.",
      "Le gouvernement a décrété trois jours de deuil national après la catastrophe.",
  });
  const size_t killed = claim_with(s.cs, 0, "10 personnes");
  EXPECT_FALSE(supports(s.cs, killed, 1));
}

// A claim of two words is in any sentence that uses them: an interviewee's opinion is not
// stated by the outlets that report the decree it is about. A longer claim that another
// outlet's sentence contains is.
TEST(ClaimAlignment, AClaimOfTwoWordsIsNotCoveredByEverySentenceUsingThem) {
  const Aligned s = aligned({
      "La défenseure des enfants a répondu aux questions des lecteurs. Les jeunes sont déjà "
      "assez fichés.",
      "Le décret, publié mardi au Journal officiel, permettra de ficher les jeunes dès "
      "treize ans s'ils troublent l'ordre public.",
      "Le décret a été publié mardi au Journal officiel.",
      "Les syndicats de magistrats ont annoncé un recours devant le Conseil d'Etat.",
  });
  const size_t opinion = claim_with(s.cs, 0, "assez fichés");
  EXPECT_LE(s.cs.claims[opinion].terms.size(), 2u);
  EXPECT_FALSE(supports(s.cs, opinion, 1));
  const size_t published = claim_with(s.cs, 2, "publié mardi");
  EXPECT_TRUE(supports(s.cs, published, 1));
}

// Two claims giving one value of a unit both count agree on it, whatever other values of that
// unit either adds (the half-year loss beside the quarter's, a year-earlier profit).
TEST(ClaimAlignment, AValueInCommonIsNoNumberConflict) {
  Claim half_and_quarter, quarter_and_year_before, magnitude_a, magnitude_b;
  half_and_quarter.numbers = {{948e6, "euro"}, {234e6, "euro"}};
  quarter_and_year_before.numbers = {{234e6, "euro"}, {437e6, "euro"}};
  magnitude_a.numbers = {{5.6, "magnitude"}};
  magnitude_b.numbers = {{5.9, "magnitude"}, {4.0, "magnitude"}};
  const SynthConfig config;
  EXPECT_FALSE(claims_conflict(half_and_quarter, quarter_and_year_before, config));
  EXPECT_FALSE(claims_conflict(quarter_and_year_before, half_and_quarter, config));
  EXPECT_TRUE(claims_conflict(magnitude_a, magnitude_b, config));
  EXPECT_TRUE(claims_conflict(magnitude_b, magnitude_a, config));
}

}  // namespace
}  // namespace recoupe::synth
