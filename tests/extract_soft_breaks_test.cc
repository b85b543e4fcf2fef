// Soft hyphens are layout: a cleaned article reads its words whole.
#include <gtest/gtest.h>

#include "shipped_resources.h"
#include "text/normalize.h"

namespace recoupe {
namespace {

TEST(SoftBreaks, SoftHyphensAndWordJoinersAreDroppedOtherCharactersKept) {
  EXPECT_EQ(text::without_soft_breaks("a mar\u00ADtelé hier"), "a martelé hier");
  EXPECT_EQ(text::without_soft_breaks("Nord\u2060-Corée"), "Nord-Corée");
  // Zero-width joiners make ligatures and emoji in other scripts: kept, as are accents.
  EXPECT_EQ(text::without_soft_breaks("é\u200D\u00E0 — «\u00A0»"), "é\u200D\u00E0 — «\u00A0»");
  EXPECT_EQ(text::without_soft_breaks(""), "");
}

// A French page hyphenates a speech verb with a soft hyphen ("mar­telé"): the cleaned text
// and title read it whole, so the quote before it is credited to the name after it.
TEST(SoftBreaks, ACleanedArticleReadsAWordSplitBySoftHyphensWhole) {
  RawDocument doc;
  doc.id = "a";
  doc.kind = ContentKind::kText;
  doc.language = "fr";
  doc.title = "Les banques n'ont pas be\u00ADsoin de fonds propres";
  doc.content =
      "Reste aux banques françaises à convaincre que la philosophie de l'opération n'est pas "
      "celle que l'on croit. « J'insiste. Nous n'avons pas besoin de fonds propres ! », a "
      "mar\u00ADtelé hier Georges Pauget, directeur général du Crédit agricole, devant la "
      "presse réunie à Paris.";
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  const Article article = pipeline.extract(doc);
  EXPECT_EQ(article.text.find("\u00AD"), std::string::npos);
  EXPECT_EQ(article.title, "Les banques n'ont pas besoin de fonds propres");
  const ArticleAnalysis analysis = pipeline.analyze(article, "2008-10-21");
  ASSERT_FALSE(analysis.quotes.empty());
  EXPECT_EQ(analysis.quotes.front().speaker, "Georges Pauget");
}

}  // namespace
}  // namespace recoupe
