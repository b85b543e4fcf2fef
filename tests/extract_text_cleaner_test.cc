// Plain-text cleaning: features, line classes and whole-text behaviour, in French and English.
#include <gtest/gtest.h>

#include "extract/text_classifier.h"
#include "extract/text_cleaner.h"
#include "extract/text_cues.h"
#include "extract/text_lines.h"
#include "shipped_resources.h"

namespace recoupe::extract {
namespace {

const TextCues& cues() {
  const TextCues& c = recoupe::testing::shipped_resources().text_cues();
  return c;
}

LineFeatures feat(const std::string& line) { return features_of(line, cues()); }

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

const char* kFrenchBody1 =
    "Le président a rencontré mercredi son homologue dans la capitale, où les deux dirigeants "
    "ont discuté de la coopération économique et de la situation dans la région.";
const char* kFrenchBody2 =
    "Selon le porte-parole du gouvernement, les discussions ont duré plus de deux heures et "
    "doivent reprendre jeudi matin avec les délégations des deux pays.";
const char* kEnglishBody1 =
    "The president met his counterpart on Wednesday in the capital, where the two leaders "
    "discussed economic cooperation and the situation in the region.";
const char* kEnglishBody2 =
    "According to the government spokesman, the talks lasted more than two hours and will "
    "resume on Thursday morning with both delegations.";

TEST(TextLines, CountsWordsStopWordsAndPunctuation) {
  LineFeatures f = feat(kFrenchBody1);
  EXPECT_GT(f.words, 20);
  EXPECT_GT(f.stop_ratio(), 0.3);
  EXPECT_TRUE(f.ends_sentence);
  EXPECT_TRUE(f.starts_upper);
  LineFeatures menu = feat("Infos / A La Une / Europe / L’INFO EN CONTINU");
  EXPECT_EQ(menu.separators, 3);
  LineFeatures quote = feat("« Je soutiens votre bataille » a-t-il dit");
  EXPECT_TRUE(quote.starts_quote);
  EXPECT_EQ(quote.separators, 0);  // a closing guillemet is not a breadcrumb arrow
  EXPECT_TRUE(feat("Minute.bf avec AFP").has_url);
  EXPECT_TRUE(feat("Kim et Poutine. ©MAXPPP").has_copyright);
}

TEST(TextLines, WhitespaceIsCollapsedAndEmptyLinesDropped) {
  auto lines = line_features("  Un\u00a0 titre  \n\n \t\nDeux", cues());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "Un titre");
}

TEST(TextCues, BoilerplateCuesFrenchAndEnglish) {
  EXPECT_EQ(feat("Lire aussiPoutine invite Kim Jong-un à Vladivostok").cue, CueKind::kBoilerplate);
  EXPECT_EQ(feat("Voir la suite...").cue, CueKind::kBoilerplate);
  EXPECT_EQ(feat("Publicité").cue, CueKind::kBoilerplate);
  EXPECT_EQ(feat("S'il vous plaît entrez votre commentaire!").cue, CueKind::kBoilerplate);
  EXPECT_EQ(feat("LAISSER UN COMMENTAIRE").cue, CueKind::kEnd);
  EXPECT_EQ(feat("À voir également sur Le HuffPost :").cue, CueKind::kTeaser);
  EXPECT_EQ(feat("Read more").cue, CueKind::kBoilerplate);
  EXPECT_EQ(feat("12 comments").cue, CueKind::kEnd);
  EXPECT_EQ(feat("You may also like").cue, CueKind::kTeaser);
  EXPECT_EQ(feat("Related articles").cue, CueKind::kEnd);
  // A one-word cue needs a word boundary; ordinary sentences are not cues.
  EXPECT_EQ(feat("Publicitaires et annonceurs se sont réunis hier.").cue, CueKind::kNone);
  EXPECT_EQ(feat("Share prices fell sharply on Monday.").cue, CueKind::kNone);
}

TEST(TextClassifier, ProseNeedsLengthPunctuationAndStopWords) {
  EXPECT_TRUE(is_prose(feat(kFrenchBody1), {}));
  EXPECT_TRUE(is_prose(feat(kEnglishBody1), {}));
  EXPECT_FALSE(is_prose(feat("Défense : la Russie offre son aide à la Corée du Nord"), {}));
  EXPECT_FALSE(is_prose(feat("Home Products Autopflege Exterieur Interieur Motor Getriebe "
                             "Kühlsystem Klimaanlagen Werkzeuge Bremsen Lenkung Industrie "
                             "Broschüren Kontakt Home Zoom Menu Suche Warenkorb Login Konto"),
                        {}));
}

TEST(TextClassifier, MetadataLines) {
  EXPECT_TRUE(is_metadata_line(feat("Publié le 13-09-2023 par latribune.fr"), cues()));
  EXPECT_TRUE(is_metadata_line(feat("Minute.bf avec AFP"), cues()));
  EXPECT_TRUE(is_metadata_line(feat("SOURCE: FRENCH PRESS TV"), cues()));
  EXPECT_TRUE(is_metadata_line(feat("By John Smith"), cues()));
  EXPECT_TRUE(is_metadata_line(feat("vendredi 29 septembre 2023"), cues()));
  EXPECT_TRUE(is_metadata_line(
      feat("Kim et Poutine se sont serré la main, Moscou, le 13 septembre 2023. ©MAXPPP"), cues()));
  EXPECT_FALSE(is_metadata_line(feat("Par ailleurs, le gouvernement a démenti."), cues()));
  EXPECT_FALSE(is_metadata_line(feat("By then the talks had already ended."), cues()));
  EXPECT_FALSE(is_metadata_line(feat(kFrenchBody1), cues()));
}

TEST(TextLines, CountsChromeTermsAndReaderWords) {
  LineFeatures blurb = feat("Abonniere unseren Newsletter, dann verpasst dir keine Neuigkeit.");
  EXPECT_EQ(blurb.chrome_terms, 2);  // "abonn…", "newsletter"
  EXPECT_EQ(blurb.reader_words, 1);  // "dir"
  // A term counts once however often it occurs; a long compound is matched on its head.
  EXPECT_EQ(feat("Newsletter, Newsletter, Newsletterdienst").chrome_terms, 1);
  EXPECT_EQ(feat("Die Datenschutzgrundverordnung gilt seit 2018.").chrome_terms, 1);
  EXPECT_EQ(feat(kEnglishBody1).chrome_terms, 0);
  // The formal "Sie" is not a reader word (service pages address everyone so); "you" is.
  EXPECT_EQ(feat("Hier finden Sie alle Termine.").reader_words, 0);
  EXPECT_EQ(feat("Enter your email below.").reader_words, 1);
  // Nor is a word that addresses the reader in one language and not in another: German "du"
  // is French "of the".
  EXPECT_EQ(feat("Le courriel du service comptabilité a été rédigé le 14 mai.").reader_words, 0);
}

TEST(TextClassifier, ChromeBlurbsNeedTwoTermsOrTheReader) {
  EXPECT_TRUE(is_chrome_line(feat("Enter your email below to receive our weekly newsletter.")));
  EXPECT_TRUE(
      is_chrome_line(feat("Wenn du mehr lesen willst, melde dich für unseren Newsletter an.")));
  EXPECT_TRUE(
      is_chrome_line(feat("Mit dem Absenden willige ich in den Erhalt des Newsletters und in die "
                          "Datenschutzbestimmungen ein.")));
  // News copy that names one of the words is not chrome.
  EXPECT_FALSE(is_chrome_line(feat("The ministry declined to comment in an email on Tuesday.")));
  EXPECT_FALSE(is_chrome_line(feat("Die Zeitung hat ihren Newsletter im Mai eingestellt.")));
  EXPECT_FALSE(is_chrome_line(
      feat("L'e-mail en question a été rédigé le 14 mai par un cadre du service comptabilité, "
           "qui évoque une inscription au registre et les abonnés de la newsletter.")));
  EXPECT_FALSE(is_chrome_line(feat("Netflix told its subscribers in an email on Monday.")));
  // A quotation is somebody's words, reported: "your … privacy" in a statement is news.
  EXPECT_FALSE(is_chrome_line(
      feat("\"We appreciate your respect for her family's privacy at this time,\" her "
           "spokesman said.")));
  // A long paragraph is an article about the subject, not a blurb.
  std::string long_line = kEnglishBody1;
  long_line += " Your newsletter subscription helps us, the editor wrote. ";
  long_line += kEnglishBody2;
  EXPECT_FALSE(is_chrome_line(feat(long_line)));
}

TEST(TextCleaner, NewsletterBlurbAfterTheArticleIsDropped) {
  const char* blurb =
      "Never miss a story again: subscribe to our free newsletter and get the news straight "
      "to your inbox.";
  std::string text = join({"Leaders meet in the capital", kEnglishBody1, kEnglishBody2, blurb});
  TextExtraction r = clean_text(text, cues());
  EXPECT_EQ(r.paragraphs, (std::vector<std::string>{kEnglishBody1, kEnglishBody2}));
}

TEST(TextClassifier, AuthorNoteNamesSomeoneAndTheirJobAsAWriter) {
  EXPECT_TRUE(is_author_note(
      feat("Jane Doe is a senior editor at the Daily Example, where she covers energy policy."),
      cues()));
  EXPECT_TRUE(is_author_note(
      feat("Max Muster leitet das Ressort Wirtschaft und schreibt über Handel und Industrie."),
      cues()));
  EXPECT_TRUE(
      is_author_note(feat("John Roe writes about courts and prisons for the magazine."), cues()));
  // A sentence of an article: no name before the verb, or no writer's role after it.
  EXPECT_FALSE(
      is_author_note(feat("Es ist noch nicht lange her, dass Autoren darüber stritten."), cues()));
  EXPECT_FALSE(is_author_note(
      feat("Jane Doe is the mayor of the town and met the delegation on Monday."), cues()));
  EXPECT_FALSE(is_author_note(feat(kEnglishBody1), cues()));
}

TEST(TextCleaner, AuthorNoteAfterTheArticleIsDroppedNotInsideIt) {
  const char* note =
      "Jane Doe is a correspondent in the capital and has written about the region for ten "
      "years.";
  std::string after = join({"Leaders meet in the capital", kEnglishBody1, kEnglishBody2, note});
  EXPECT_EQ(clean_text(after, cues()).paragraphs,
            (std::vector<std::string>{kEnglishBody1, kEnglishBody2}));
  // The same line with the article going on for several paragraphs after it is a sentence of
  // the article.
  std::string inside = join({"Leaders meet in the capital", kEnglishBody1, note, kEnglishBody2,
                             kEnglishBody1, kEnglishBody2, kEnglishBody1, kEnglishBody2});
  EXPECT_EQ(clean_text(inside, cues()).paragraphs.size(), 7u);
}

TEST(TextClassifier, CaptionClosedByAPhotoCreditIsMetadata) {
  LineFeatures caption =
      feat("Der Minister verlässt nach der Sitzung am Mittwoch den Saal. Foto: Markus Scholz/dpa");
  EXPECT_TRUE(ends_with_credit(caption, cues()));
  EXPECT_TRUE(is_metadata_line(caption, cues()));
  EXPECT_TRUE(ends_with_credit(
      feat("Er verlor die Kontrolle über das Auto (Bild: Kantonspolizei Aargau)"), cues()));
  EXPECT_TRUE(
      ends_with_credit(feat("Union Station in Chicago, 1960. (Image credit: Archive)"), cues()));
  // A colon inside a sentence, a quote after the cue word, or a long text after it are not
  // credits; "Foto: X" opening a line is the credit cue's own rule.
  EXPECT_FALSE(ends_with_credit(feat("Er sagte der Bild: Das ist alles falsch."), cues()));
  EXPECT_FALSE(ends_with_credit(feat("The minister spoke to the press. Photo: the minister and "
                                     "his two deputies at the opening of the new bridge"),
                                cues()));
  EXPECT_FALSE(ends_with_credit(feat("Foto: Markus Scholz"), cues()));
  EXPECT_FALSE(ends_with_credit(feat(kFrenchBody1), cues()));
}

TEST(TextCleaner, PhotoCaptionBetweenParagraphsIsLeftOut) {
  const char* caption = "Les deux dirigeants au palais présidentiel, mercredi. (Photo: AFP)";
  std::string text =
      join({"Un sommet sous haute surveillance", kFrenchBody1, caption, kFrenchBody2});
  TextExtraction r = clean_text(text, cues());
  EXPECT_EQ(r.paragraphs, (std::vector<std::string>{kFrenchBody1, kFrenchBody2}));
}

TEST(TextCues, RelatedArticleCuesOfSpanishAndFrenchNewsPages) {
  EXPECT_EQ(feat("MIRA: El gobierno anuncia nuevas medidas").cue, CueKind::kBoilerplate);
  EXPECT_EQ(feat("VEA TAMBIÉN: El gobierno anuncia nuevas medidas").cue, CueKind::kBoilerplate);
  EXPECT_EQ(feat("Article suivant Le gouvernement annonce de nouvelles mesures").cue,
            CueKind::kBoilerplate);
  EXPECT_EQ(feat("Mira, el gobierno anunció nuevas medidas.").cue, CueKind::kNone);
}

TEST(TextCleaner, FrenchArticleWithMenuTeasersAndComments) {
  std::string text =
      join({"spot_img", "vendredi 29 septembre 2023", "Accueil", "Politique", "Économie",
            "Un sommet sous haute surveillance dans la capitale", kFrenchBody1,
            "Lire aussi : Le sommet précédent avait échoué", kFrenchBody2, "Les enjeux du sommet",
            kFrenchBody1, "D", "Minute.bf avec AFP", "LAISSER UN COMMENTAIRE",
            "S'il vous plaît entrez votre commentaire!", "Publicité"});
  TextExtraction r = clean_text(text, cues());
  EXPECT_EQ(r.paragraphs, (std::vector<std::string>{kFrenchBody1, kFrenchBody2,
                                                    "Les enjeux du sommet", kFrenchBody1}));
  EXPECT_EQ(r.meta.title, "Un sommet sous haute surveillance dans la capitale");
  EXPECT_EQ(r.meta.agency, "AFP");
  EXPECT_EQ(r.meta.source, "Minute.bf");
  EXPECT_FALSE(r.meta.published) << "the top date widget is the scrape day";
}

TEST(TextCleaner, EnglishArticleWithBylineDateAndRelated) {
  std::string text =
      join({"Skip to content", "Home | World | Business | Sport", "Leaders meet in the capital",
            "By Jane Doe", "Published on September 13, 2023", kEnglishBody1, kEnglishBody2,
            "Related articles", "Markets rally as talks resume", "What the summit means for you?",
            "Share this article"});
  TextExtraction r = clean_text(text, cues());
  EXPECT_EQ(r.paragraphs, (std::vector<std::string>{kEnglishBody1, kEnglishBody2}));
  EXPECT_EQ(r.meta.title, "Leaders meet in the capital");
  EXPECT_EQ(r.meta.author, "Jane Doe");
  EXPECT_EQ(r.meta.published, "2023-09-13");
  EXPECT_FALSE(r.meta.agency);
}

TEST(TextCleaner, AgencyQuotedInTheBodyIsNotACredit) {
  std::string text = join({"Talks in the east", kEnglishBody1,
                           "According to the TASS agency, the talks were held in a "
                           "negotiation room of the cosmodrome in the presence of both "
                           "delegations.",
                           kEnglishBody2});
  EXPECT_FALSE(clean_text(text, cues()).meta.agency);
  std::string dateline = join(
      {"Talks in the east", std::string("MOSCOW (Reuters) - ") + kEnglishBody1, kEnglishBody2});
  EXPECT_EQ(clean_text(dateline, cues()).meta.agency, "Reuters");
}

TEST(TextCleaner, SubheadingInsideBodyIsKeptTrailingOneIsNot) {
  std::string text =
      join({"Un titre assez long pour un article", kFrenchBody1, "« Soutien total » au partenaire",
            kFrenchBody2, "Une dernière partie réservée aux abonnés", "Lire la suite"});
  TextExtraction r = clean_text(text, cues());
  EXPECT_EQ(r.paragraphs, (std::vector<std::string>{kFrenchBody1, "« Soutien total » au partenaire",
                                                    kFrenchBody2}));
}

TEST(TextLines, ALineEndingOnACommaOrAnArticleStopsMidSentence) {
  EXPECT_TRUE(feat("Les délégations se sont retrouvées dans le").runs_on);
  EXPECT_TRUE(feat("selon le porte-parole du gouvernement,").runs_on);
  EXPECT_TRUE(feat("The talks were held in a room of the").runs_on);
  EXPECT_FALSE(feat(kFrenchBody1).runs_on);
  EXPECT_FALSE(feat("Les deux dirigeants se sont vus à Vostotchny").runs_on);
  EXPECT_FALSE(feat("Rencontre au sommet dans l'Est Le").runs_on);  // a capital
}

TEST(TextCleaner, AParagraphCutByALineBreakIsJoinedAgain) {
  // A hard line break inside a sentence ("… et dans le" / "Fichier national …") would make
  // two cut sentences of one: the cleaner gives the paragraph whole.
  const std::string cut_at =
      "Les mineurs qui ont commis une infraction sont déjà répertoriés à la fois dans le "
      "Système de traitement des infractions constatées et dans le";
  const std::string rest = "Fichier national automatisé des empreintes génétiques.";
  TextExtraction r = clean_text(
      join({"Un titre assez long pour un article", kFrenchBody1, cut_at, rest, kFrenchBody2}),
      cues());
  EXPECT_EQ(r.paragraphs,
            (std::vector<std::string>{kFrenchBody1, cut_at + " " + rest, kFrenchBody2}));
  // Lines that end sentences stay paragraphs of their own.
  EXPECT_EQ(
      clean_text(join({"Un titre assez long pour un article", kFrenchBody1, kFrenchBody2}), cues())
          .paragraphs.size(),
      2u);
}

TEST(TextCleaner, EmptyAndJunkInputGiveNoBody) {
  EXPECT_TRUE(clean_text("", cues()).paragraphs.empty());
  EXPECT_TRUE(clean_text("\n\n\n", cues()).paragraphs.empty());
  EXPECT_TRUE(clean_text("Menu\nHome\nContact\n", cues()).paragraphs.empty());
  std::string junk(3000, '\xff');
  EXPECT_TRUE(clean_text(junk, cues()).paragraphs.empty());
}

}  // namespace
}  // namespace recoupe::extract
