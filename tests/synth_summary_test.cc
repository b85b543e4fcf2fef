// Summary (synth/summary.h): what a summary sentence may be. Written cases, not copies of
// dev stories.
#include "synth/summary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synth/analyzed_story.h"
#include "synth/claims.h"
#include "synth/sentence_form.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

std::vector<SummarySentence> summary_of(const std::vector<std::string>& texts) {
  std::vector<Article> arts;
  for (size_t i = 0; i < texts.size(); ++i) {
    Article a;
    a.id = std::string(1, static_cast<char>('a' + i));
    a.source = a.id + ".example";
    a.language = "fr";
    a.text = texts[i];
    arts.push_back(std::move(a));
  }
  AnalyzedStory story = analyze_story("s", std::move(arts), testing::analysis_resources(), nullptr);
  const StoryEvidence ev = story.evidence();
  const auto& resources = recoupe::testing::shipped_resources().synth();
  const ClaimSet cs = build_claims(ev, resources, SynthConfig{});
  return summarize(ev, cs, SynthConfig{}, resources.elisions());
}

// A long sentence is cut into clauses; the tail of one ("ainsi que des conducteurs …") that
// every outlet repeats is the best supported claim, but it is no sentence: the summary
// never opens a sentence in lower case.
TEST(Summary, NoSentenceIsTheLowerCaseTailOfAnother) {
  const std::string registry =
      "Publié lundi au Journal officiel, le décret crée un registre national qui recensera "
      "dès dix-huit ans les conducteurs condamnés pour excès de vitesse sur les routes du "
      "pays, ainsi que des conducteurs ayant perdu tous les points de leur permis ou ayant "
      "refusé de se soumettre à un contrôle d'alcoolémie au cours des cinq dernières années.";
  const std::vector<SummarySentence> summary = summary_of({
      registry,
      "Le registre national des conducteurs a été créé par un décret publié lundi. " + registry,
      "Les associations d'automobilistes ont dénoncé le registre dès sa publication. " + registry,
      "Le ministre des Transports a défendu le registre devant les députés mardi.",
  });
  ASSERT_FALSE(summary.empty());
  for (const SummarySentence& s : summary) EXPECT_FALSE(starts_lowercase(s.text)) << s.text;
}

}  // namespace
}  // namespace recoupe::synth
