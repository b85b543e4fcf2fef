#include <gtest/gtest.h>

#include "analyze/person_names.h"
#include "analyze_test_util.h"

namespace recoupe::analyze {
namespace {

std::vector<Quote> quotes(const std::string& text, const std::string& lang) {
  const LanguageResources& r = test_resources().for_language(lang);
  auto tokens = tokenize(text);
  auto sentences = text::split_sentences(text, r.sentences);
  auto names = guess_speaker_names(text, tokens, r.not_names);
  return find_quotes(text, tokens, sentences, names, r.quotes);
}

TEST(Quotes, FrenchVerbAfterWithName) {
  std::string text =
      "« Je suis très content de vous voir. Je vous remercie d'être venu en Russie », a déclaré "
      "Vladimir Poutine, selon des images.";
  auto q = quotes(text, "fr");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Vladimir Poutine");
  EXPECT_EQ(q[0].kind, QuoteKind::kFull);
  EXPECT_EQ(q[0].verb, "déclaré");
  EXPECT_EQ(text.substr(q[0].begin, q[0].end - q[0].begin), q[0].text);
  EXPECT_EQ(text.substr(q[0].speaker_begin, q[0].speaker_end - q[0].speaker_begin),
            "Vladimir Poutine");
}

TEST(Quotes, FrenchPronounResolvesToLastSubject) {
  auto q = quotes(
      "Kim Jong-un a remercié Vladimir Poutine pour son accueil. \"Je suis sûr que nous resterons "
      "unis pour lutter contre l'impérialisme\", a-t-il ajouté avant l'entretien.",
      "fr");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Kim Jong-un");
  EXPECT_EQ(q[0].via, "pronoun");
}

TEST(Quotes, FrenchNameAfterDescriptionAndComplement) {
  auto q = quotes(
      "« Fascinant : un lancement sans Kim dans le pays. Une première », a écrit l'analyste "
      "américain Ankit Panda sur X. Ils doivent parler de « sujets sensibles », avait, lui, "
      "indiqué le porte-parole du Kremlin, Dmitri Peskov.",
      "fr");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Ankit Panda");
  EXPECT_EQ(q[1].speaker, "Dmitri Peskov");
  EXPECT_EQ(q[1].kind, QuoteKind::kPartial);
}

// A colon presents the quotation's speaker, even named as a complement ("le tour de X"); a
// pronoun subject before the colon keeps the quotation with the person named earlier.
TEST(Quotes, FrenchColonPresentsTheSpeaker) {
  auto q = quotes(
      "Le député Paul Marvelle avait protesté le matin. Puis vint le tour d'Amina Diallo, "
      "secrétaire d'État : « Je serais très heureuse de le voir », a-t-elle déclaré.",
      "fr");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Amina Diallo");
  auto q2 = quotes(
      "Le député Paul Marvelle est arrivé. Il a parlé avec Amina Diallo, sa voisine : « Je serai "
      "là demain », a-t-il ajouté.",
      "fr");
  ASSERT_EQ(q2.size(), 1u);
  EXPECT_EQ(q2[0].speaker, "Paul Marvelle") << q2[0].via;
  // Without an apposition, a name right before the colon is the topic, not the speaker.
  auto q3 = quotes(
      "Le député Paul Marvelle est arrivé. Le maire a parlé longtemps de Amina Diallo : « Elle "
      "était là », a-t-il ajouté.",
      "fr");
  ASSERT_EQ(q3.size(), 1u);
  EXPECT_EQ(q3[0].speaker, "Paul Marvelle") << q3[0].via;
}

TEST(Quotes, FrenchVerbBeforeAndSelon) {
  auto q = quotes(
      "À la question de savoir si la Russie aiderait Kim, Poutine a répondu : « C'est pour cela "
      "que nous sommes venus ici. » Les discussions porteront sur des « sujets sensibles », selon "
      "le porte-parole du Kremlin, Dmitri Peskov.",
      "fr");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Poutine");
  EXPECT_EQ(q[0].via, "before");
  EXPECT_EQ(q[1].speaker, "Dmitri Peskov");
  EXPECT_EQ(q[1].via, "according_to");
}

// Verbs of speech beyond "said": an allegation reports the words it quotes ("a allégué que
// … « … »"), a retort or a denial too, in either language.
TEST(Quotes, AllegingRetortingAndInsistingAreSpeech) {
  auto fr = quotes(
      "Le porte-parole du port, Jean Marchal, a allégué que le ministre aurait tenté de "
      "« vendre les docks à un armateur étranger » lors de sa visite.",
      "fr");
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_EQ(fr[0].speaker, "Jean Marchal");
  EXPECT_EQ(fr[0].verb, "allégué");
  auto fr2 = quotes("« Le port restera ouvert tout l'hiver », a rétorqué Claire Vidal.", "fr");
  ASSERT_EQ(fr2.size(), 1u);
  EXPECT_EQ(fr2[0].speaker, "Claire Vidal");
  auto en = quotes("\"The harbour will stay open all winter,\" insists Mr Tomas Reyes.", "en");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].speaker, "Tomas Reyes");
}

// A closing mark printed after the attribution: the quotation's words stop before it.
TEST(Quotes, AnAttributionInsideTheMarksIsNoPartOfTheWords) {
  auto q = quotes(
      "Ana Silva spoke on Monday. \"By reopening the harbour we are keeping our promise to the "
      "town, the two ministers said in a statement.\"",
      "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "By reopening the harbour we are keeping our promise to the town");
  // A comma inside the statement before other words stays: no speech verb follows it.
  q = quotes("\"The harbour will reopen, and the ferries will sail again,\" said Ana Silva.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "The harbour will reopen, and the ferries will sail again,");
}

// The speaker is the person's name alone: an office before it, abbreviated or not, and a
// place or a company describing the person are left out; a name and the words describing
// an unnamed speaker stay together ("Western diplomat").
TEST(Quotes, TheSpeakerIsTheNameAfterItsOfficeOrDescription) {
  auto speaker_of = [](const std::string& who) {
    auto q = quotes("\"The harbour will reopen on Monday,\" said " + who + ".", "en");
    return q.size() == 1 ? q[0].speaker : "(" + std::to_string(q.size()) + " quotes)";
  };
  EXPECT_EQ(speaker_of("Harbour Secretary Ana Silva"), "Ana Silva");
  EXPECT_EQ(speaker_of("Oregon Sen. Ana Silva"), "Ana Silva");
  EXPECT_EQ(speaker_of("Portville resident Ana Silva"), "Ana Silva");
  EXPECT_EQ(speaker_of("Portville businessman and blogger Tomas Reyes"), "Tomas Reyes");
  EXPECT_EQ(speaker_of("Portville police Lt. Tomas Reyes"), "Tomas Reyes");
  EXPECT_EQ(speaker_of("a Portville port official"), "Portville port official");
  EXPECT_EQ(speaker_of("Tomas Reyes"), "Tomas Reyes");
  EXPECT_EQ(speaker_of("Secretary of the Harbour Ana Silva"), "Ana Silva");
  EXPECT_EQ(speaker_of("Secretary of State Ana Silva"), "Ana Silva");
  // Words after the name that are no office: the name is the speaker.
  auto q =
      quotes("Tomas Reyes told the official Portville radio: \"The harbour will reopen.\"", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Tomas Reyes");
}

// The name after a verb of telling is the listener: "…," one man told Ana Silva.
TEST(Quotes, TheNameAfterTellingIsTheListener) {
  auto q = quotes("\"There was nothing we could do,\" one man told Ana Silva on Monday.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "");
  EXPECT_EQ(q[0].verb, "told");
  auto q2 = quotes("\"There was nothing we could do,\" Tomas Reyes told Ana Silva.", "en");
  ASSERT_EQ(q2.size(), 1u);
  EXPECT_EQ(q2[0].speaker, "Tomas Reyes");
}

// Quoted words after a determiner name a thing ("la création d'un « Observatoire … »"): a
// term borrowed, not a statement, however many words it has.
TEST(Quotes, QuotedWordsAfterADeterminerAreATermNotAStatement) {
  auto q = quotes(
      "Le médecin milite pour la création d'un « Observatoire national des pratiques "
      "portuaires en temps de crise » dans chaque région.",
      "fr");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuoteKind::kPartial);
}

TEST(Quotes, PartialWithoutCueHasNoSpeaker) {
  auto q = quotes("Kim et Poutine parleront de « relations commerciales » demain.", "fr");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuoteKind::kPartial);
  EXPECT_TRUE(q[0].speaker.empty());
}

TEST(Quotes, ContinuationKeepsSpeaker) {
  auto q = quotes(
      "« Depuis 2019, il a cessé d'assister à chaque lancement », a écrit Ankit Panda. « Il existe "
      "un précédent pour les lancements sans lui. »",
      "fr");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].speaker, "Ankit Panda");
  EXPECT_EQ(q[1].via, "continuation");
}

TEST(Quotes, English) {
  auto q = quotes(
      "John Kirby spoke on Monday. “We are watching this very closely,” he said. “The talks are "
      "advancing actively,” said Adrienne Watson. According to Jake Sullivan, the deal is “a "
      "grave concern”. Kirby told reporters: “Nothing has been decided yet.”",
      "en");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].speaker, "John Kirby");
  EXPECT_EQ(q[0].via, "pronoun");
  EXPECT_EQ(q[1].speaker, "Adrienne Watson");
  EXPECT_EQ(q[2].speaker, "Jake Sullivan");
  EXPECT_EQ(q[2].kind, QuoteKind::kPartial);
  EXPECT_EQ(q[3].speaker, "Kirby");
}

TEST(Quotes, EnglishNameWithAppositionAndTitle) {
  auto q = quotes(
      "“We have certain disagreements,” Larry Kudlow, Mr. Trump’s chief economic adviser, told "
      "reporters. “I really believe there’s a lot of good will,” Mr. Trump said. The United "
      "States, saying it was “abstract”, left.",
      "en");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, "Larry Kudlow");
  EXPECT_EQ(q[1].speaker, "Trump");
  EXPECT_EQ(q[2].verb, "saying");
}

TEST(Quotes, EnglishNameBeforeVerbAfterQuote) {
  auto q = quotes("\"It was a very good meeting,\" Peskov said on Wednesday.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Peskov");
}

TEST(Quotes, NestedAndUnpaired) {
  auto q = quotes("“He said ‘no way’ to us,” she said. « Ouvert sans fin", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "He said ‘no way’ to us,");
}

// English leaves the closing mark out of every paragraph of a quotation but the last: a
// straight mark opening a paragraph and left open quotes the whole paragraph. A quotation
// opening the sentence after a few words quoted from a named speaker continues that
// speaker's words.
TEST(Quotes, AParagraphLeftOpenIsOneQuotationOfTheSpeakerBefore) {
  auto q = quotes(
      "Mayor Lena Ortiz condemned the looting, saying the town had \"lost its soul\".\n"
      "\"Our town has lost its soul tonight.\n"
      "\"We will rebuild every shop on Main Street.\"",
      "en");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].kind, QuoteKind::kPartial);
  EXPECT_EQ(q[0].speaker, "Lena Ortiz");  // the office before the name left out
  EXPECT_EQ(q[1].text, "Our town has lost its soul tonight.");
  EXPECT_EQ(q[1].speaker, "Lena Ortiz");  // the office before the name left out
  EXPECT_EQ(q[1].via, "continuation");
  EXPECT_EQ(q[2].text, "We will rebuild every shop on Main Street.");
}

// A quotation standing alone in its paragraph without a period is a heading: it does not
// continue the speaker of the partial quotation before it.
TEST(Quotes, AQuotedHeadingDoesNotContinueTheSpeakerBefore) {
  auto q = quotes(
      "Le porte-parole Marc Vidal a déclaré que la réunion porterait sur « les échanges "
      "régionaux ».\n\n"
      "« Nous défendrons notre industrie jusqu'au bout »\n\n"
      "Le dirigeant a ensuite visité l'usine.",
      "fr");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Marc Vidal");
  EXPECT_EQ(q[1].text, "Nous défendrons notre industrie jusqu'au bout");
  EXPECT_TRUE(q[1].speaker.empty()) << q[1].speaker;
}

// A title in quotation marks (a book, a film, a show) is nobody's words.
TEST(Quotes, ATitleInTitleCaseIsNoQuotation) {
  auto q = quotes(
      "Her memoir, \"The Long Road: Letters From the Northern Front,\" came out in 2009. "
      "\"I wrote it for my children,\" Mara Quist said.",
      "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "I wrote it for my children,");
  EXPECT_EQ(q[0].speaker, "Mara Quist");
}

// "a-t-il dit" after a sentence whose subject is unnamed but whose source is: the source
// speaks. A name far after "selon" is no source ("selon un enregistrement obtenu par …").
TEST(Quotes, APronounAfterASentenceGivingItsSourceIsTheSource) {
  auto q = quotes(
      "Le ministre Paul Verdier est reparti le soir. D'après Marc Vidal, porte-parole de "
      "l'association, ce dernier a fait part de sa préoccupation. « La situation reste très "
      "grave pour les familles », a-t-il dit.",
      "fr");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Marc Vidal");
  q = quotes(
      "Le ministre Paul Verdier est reparti le soir. Selon un enregistrement de ses "
      "déclarations obtenu par l'Agence Presse Nord, ce dernier a fait part de sa "
      "préoccupation. « La situation reste très grave pour les familles », a-t-il dit.",
      "fr");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_NE(q[0].speaker, "Agence Presse Nord");
}

TEST(PersonNames, CapitalizedSequences) {
  std::string text =
      "Le président Vladimir Poutine et Kim Jong-un. Interrogé, Siemon T. Wezeman a parlé.";
  const LanguageResources& r = test_resources().for_language("fr");
  std::vector<std::string> got;
  for (const auto& n : guess_speaker_names(text, tokenize(text), r.not_names))
    got.push_back(text.substr(n.begin, n.end - n.begin));
  EXPECT_EQ(got,
            (std::vector<std::string>{"Vladimir Poutine", "Kim Jong-un", "Siemon T. Wezeman"}));
}

}  // namespace
}  // namespace recoupe::analyze
