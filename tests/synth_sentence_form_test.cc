// Sentence form: rubrics and datelines, body sentences versus captions and headings.
#include <gtest/gtest.h>

#include "shipped_resources.h"
#include "synth/sentence_form.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {
namespace {

TEST(SentenceForm, RubricsAndDatelines) {
  std::string_view kicker = "INTERNATIONAL - Premières images d’une rencontre très scrutée.";
  EXPECT_EQ(kicker.substr(rubric_end(kicker)), "Premières images d’une rencontre très scrutée.");
  std::string_view dateline = "TEL AVIV (Reuters) - Israel presented on Monday what it said.";
  EXPECT_EQ(dateline.substr(rubric_end(dateline)), "Israel presented on Monday what it said.");
  std::string_view em = "WASHINGTON \xE2\x80\x94 President Trump spoke.";
  EXPECT_EQ(em.substr(rubric_end(em)), "President Trump spoke.");
  // Not a rubric: lower case before the dash, or a dash far into the sentence.
  EXPECT_EQ(rubric_end("Les deux hommes se sont serrés la main - pendant 40 secondes."), 0u);
  EXPECT_EQ(rubric_end("Kim Jong-un est arrivé."), 0u);
  EXPECT_EQ(rubric_end(""), 0u);
}

TEST(SentenceForm, BodySentencesOnly) {
  EXPECT_TRUE(reads_as_sentence("Kim Jong-un est arrivé en Russie mardi."));
  EXPECT_TRUE(reads_as_sentence("Il a dit « très heureux »."));
  EXPECT_TRUE(reads_as_sentence("\"It is a horrible agreement,\" he said!"));
  EXPECT_TRUE(reads_as_sentence("\"Iran lied.\""));
  // A headline or standfirst run into the text, a caption with its credit.
  EXPECT_FALSE(reads_as_sentence(
      "Lors de cette rencontre, Vladimir Poutine a annoncé que la Russie soutiendrait la Corée"));
  EXPECT_FALSE(reads_as_sentence("Kim et Poutine, Moscou, le 13 septembre 2023. ©MAXPPP"));
  // A clause: cut at ';' it is a statement, cut at a comma a fragment.
  EXPECT_TRUE(reads_as_sentence("Les deux pays coopèrent déjà", ';'));
  EXPECT_TRUE(reads_as_sentence("Le président a démissionné", '\xE2'));  // before " – "
  EXPECT_FALSE(reads_as_sentence("Si les États-Unis craignent un accord d'armes", ','));
  std::string_view sentence =
      "Si les États-Unis craignent un accord d'armes, le président a indiqué son but. ";
  EXPECT_EQ(clause_cut(sentence, "Si les États-Unis craignent un accord d'armes"), ',');
  EXPECT_EQ(clause_cut(sentence, "le président a indiqué son but."), '\0');
  EXPECT_EQ(clause_cut(sentence, "absent"), '\0');
  EXPECT_FALSE(reads_as_sentence(""));
}

// A word or a phrase of a few words pointing back at the sentence before ("Mais…", « L'un
// d'eux… », "One of them…"); the same words further in, or a phrase that names its noun
// (« L'un des plongeurs »), do not.
TEST(SentenceForm, ABackReferenceIsAWordOrAPhraseOpeningTheSentence) {
  const SynthResources& r = recoupe::testing::shipped_resources().synth();
  const auto& elisions = recoupe::testing::shipped_resources().elisions();
  const auto& fr = r.back_reference_openers("fr");
  const auto& en = r.back_reference_openers("en");
  EXPECT_TRUE(opens_with_back_reference("Mais la Chine a protesté.", fr, elisions));
  EXPECT_TRUE(
      opens_with_back_reference("L’un d’eux a qualifié le président de criminel.", fr, elisions));
  EXPECT_TRUE(
      opens_with_back_reference("One of them told the judge he needed more time.", en, elisions));
  // A phrase followed by its comma: a gloss of the sentence before.
  EXPECT_TRUE(
      opens_with_back_reference("Autrement dit, les équipes n'ont rien reçu.", fr, elisions));
  EXPECT_TRUE(opens_with_back_reference("In other words, the teams got nothing.", en, elisions));
  EXPECT_FALSE(opens_with_back_reference("L'un des plongeurs a trouvé une épave.", fr, elisions));
  EXPECT_FALSE(
      opens_with_back_reference("One diver told the judge he needed more time.", en, elisions));
  EXPECT_FALSE(opens_with_back_reference("The judge gave one of them a deadline.", en, elisions));
  EXPECT_FALSE(opens_with_back_reference("", en, elisions));
  // An indefinite pronoun as subject is some of a group named before; with its noun, not.
  EXPECT_TRUE(opens_with_back_reference("Certains ont quitté le port dès lundi.", fr, elisions));
  EXPECT_TRUE(opens_with_back_reference("Others were rescued by the crew.", en, elisions));
  EXPECT_FALSE(
      opens_with_back_reference("Certains pêcheurs ont quitté le port dès lundi.", fr, elisions));
  EXPECT_FALSE(opens_with_back_reference("Some residents were rescued.", en, elisions));
}

}  // namespace
}  // namespace recoupe::synth

namespace recoupe::synth {
namespace {

TEST(SentenceForm, ATailCutAtACommaStartsLowerCase) {
  EXPECT_TRUE(starts_lowercase("ce qui n'a pas empêché Jacques Rogge de juger ces Jeux."));
  EXPECT_TRUE(starts_lowercase("« parmi lesquels le président américain »"));
  EXPECT_TRUE(starts_lowercase("été comme hiver, le port reste ouvert."));  // é is a letter
  EXPECT_FALSE(starts_lowercase("Ce qui compte, a-t-il dit, c'est la paix."));
  EXPECT_FALSE(starts_lowercase("« Nous sommes venus ici », a dit Vladimir Poutine."));
  EXPECT_FALSE(starts_lowercase("15.000 personnes ont assuré le spectacle."));
  EXPECT_FALSE(starts_lowercase("Élu en 2008, il a démissionné."));
  EXPECT_FALSE(starts_lowercase(""));
}

// The head of a sentence cut at a comma: a fragment when its main verb comes after the cut
// (a subject with its relative clause, a subordinate clause), a fact when it comes before.
TEST(SentenceForm, AHeadCutBeforeItsMainVerbHasNoMainClause) {
  const auto& resources = recoupe::testing::shipped_resources();
  const auto& elisions = resources.elisions();
  const ClauseWords& fr = resources.synth().clause_words("fr");
  const ClauseWords& en = resources.synth().clause_words("en");
  auto fragment = [&](std::string_view head, const ClauseWords& words) {
    return head_without_main_clause(head, words, elisions);
  };
  EXPECT_TRUE(fragment("Le nouveau maire de la ville, qui a pris ses fonctions en mars", fr));
  EXPECT_TRUE(fragment("La femme qui s’était présentée comme la mère de l’enfant", fr));
  EXPECT_TRUE(fragment("Selon un rapport de la Cour des comptes dont le journal fait état", fr));
  EXPECT_TRUE(fragment("Si les deux pays signent un accord sur le gaz avant l'hiver", fr));
  EXPECT_TRUE(fragment("The 61-year-old driver, who was arrested on Friday night", en));
  EXPECT_TRUE(fragment("According to the report of the city's auditors", en));
  // The main verb before the cut: a fact.
  EXPECT_FALSE(fragment("La cour d'appel doit décider mardi si elle maintient le juge", fr));
  EXPECT_FALSE(fragment("Un salarié de la banque a été placé en garde à vue mercredi", fr));
  EXPECT_FALSE(fragment("Le maire, dans un entretien au journal local, a démenti la rumeur", fr));
  EXPECT_FALSE(fragment("Police said the driver who hit the girl had been drinking", en));
  // The relative clause's verb, then the main one: a fact.
  EXPECT_FALSE(
      fragment("Les épreuves qui se sont déroulées cet été n'ont pas fait taire les "
               "critiques",
               fr));
  EXPECT_FALSE(fragment("Ce qui est arrivé à la banque n'a rien à voir avec sa stratégie", fr));
  // « à » is no « a »: the preposition is not the auxiliary.
  EXPECT_TRUE(fragment("Le coureur arrivé à Paris, qui a gagné trois étapes", fr));
  // A subordinate clause with its main clause after its own comma: a fact.
  EXPECT_FALSE(fragment("Dès qu'elle a reconnu l'enfant, sa cousine a alerté la police", fr));
  // A relative clause far into the head qualifies an object of an unlisted verb: kept.
  EXPECT_FALSE(
      fragment("A year ago, the club fired its president and replaced him with "
               "John Smith, who gave the coach a new contract",
               en));
  // Nothing the lists know decides: kept.
  EXPECT_FALSE(fragment("Le gouvernement prépare un plan de relance pour les régions", fr));
}

// A clause whose first finite verb is a pluperfect auxiliary tells what came before the event.
TEST(SentenceForm, APluperfectClauseTellsTheBackstory) {
  const auto& resources = recoupe::testing::shipped_resources();
  const auto& elisions = resources.elisions();
  const ClauseWords& fr = resources.synth().clause_words("fr");
  const ClauseWords& en = resources.synth().clause_words("en");
  EXPECT_TRUE(tells_backstory("Le garçon avait été trouvé seul sur une place", fr, elisions));
  EXPECT_TRUE(tells_backstory("The club had opened its season with four losses", en, elisions));
  // The event, then a pluperfect in a later clause: the first finite verb decides.
  EXPECT_FALSE(
      tells_backstory("La mère a été libérée, elle avait été arrêtée mardi", fr, elisions));
  EXPECT_FALSE(tells_backstory("The striker scored twice in the final", en, elisions));
  EXPECT_FALSE(tells_backstory("The club had opened its season", ClauseWords{}, elisions));
}

TEST(SentenceForm, AnElidedOpeningWordIsReadWithTheNextOne) {
  const auto& elisions = recoupe::testing::shipped_resources().elisions();
  EXPECT_EQ(opening_word("S'il n'a pas rencontré le chef de l'État", elisions), "s'il");
  EXPECT_EQ(opening_word("D’après la police, rien n'a été volé.", elisions), "d'apres");
  EXPECT_EQ(opening_word("Élysée : le président reçoit", elisions), "elysee");
  EXPECT_EQ(opening_word("  « Nous exigeons », dit-elle.", elisions), "nous");
  EXPECT_EQ(opening_word("…", elisions), "");
}

}  // namespace
}  // namespace recoupe::synth
