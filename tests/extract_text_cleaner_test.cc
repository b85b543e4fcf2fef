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

TEST(TextCleaner, EmptyAndJunkInputGiveNoBody) {
  EXPECT_TRUE(clean_text("", cues()).paragraphs.empty());
  EXPECT_TRUE(clean_text("\n\n\n", cues()).paragraphs.empty());
  EXPECT_TRUE(clean_text("Menu\nHome\nContact\n", cues()).paragraphs.empty());
  std::string junk(3000, '\xff');
  EXPECT_TRUE(clean_text(junk, cues()).paragraphs.empty());
}

}  // namespace
}  // namespace recoupe::extract
