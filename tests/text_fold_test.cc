#include "text/fold.h"

#include <gtest/gtest.h>

namespace recoupe::text {
namespace {

TEST(Fold, FoldDropsCaseAndDiacriticsAndTypography) {
  EXPECT_EQ(fold("Élysée Kim Jong-Un"), "elysee kim jong-un");
  EXPECT_EQ(fold("l\u2019État"), "l'etat");
  EXPECT_EQ(fold("Straße \u0152uvre"), "strasse oeuvre");
  EXPECT_EQ(fold("a\u2013b\u00A0c"), "a-b c");
  EXPECT_EQ(fold("PARIS"), "paris");  // ASCII fast path
}

TEST(Fold, AsciiLowerTouchesOnlyAscii) {
  EXPECT_EQ(ascii_lower("Report.JSONL"), "report.jsonl");
  EXPECT_EQ(ascii_lower("ÉTAT"), "\xC3\x89tat");  // É stays
}

TEST(Fold, Latin1LowerKeepsAccents) {
  EXPECT_EQ(latin1_lower("ÉTAT À Paris"), "état à paris");
  EXPECT_EQ(latin1_lower("×"), "×");          // U+00D7 is not a letter
  EXPECT_EQ(latin1_lower("ŒUVRE"), "Œuvre");  // beyond Latin-1: untouched
}

TEST(Fold, LowerCaseKeepsAccents) {
  EXPECT_EQ(lower_case("ŒUVRE À l'ÉTAT"), "œuvre à l'état");
  EXPECT_EQ(lower_case("ΟΔΟΣ"), "οδοσ");             // one code point at a time
  EXPECT_EQ(lower_case_in_context("ΟΔΟΣ"), "οδος");  // final sigma in context
}

TEST(Fold, FoldKeyKeepsLettersAndDigits) {
  EXPECT_EQ(fold_key("Côte d'Ivoire"), "cotedivoire");
  EXPECT_EQ(fold_key("Kim Jong-Un"), "kimjongun");
  EXPECT_EQ(fold_key("Ærø Straße G7"), "aerostrasseg7");
  EXPECT_EQ(fold_key("Þórshöfn"), "thorshofn");
}

TEST(Fold, TranslitKeyJoinsSpellingFamilies) {
  EXPECT_EQ(translit_key("Vostotchny"), translit_key("Vostochny"));
  EXPECT_EQ(translit_key("Wostotschny"), translit_key("Vostochny"));
  EXPECT_EQ(translit_key("Sergueï"), translit_key("Sergei"));
  EXPECT_EQ(translit_key("Dmitriy"), translit_key("Dmitri"));
  EXPECT_EQ(translit_key("Prigojine"), translit_key("Prigozhin"));
  EXPECT_EQ(translit_key("Poutine"), translit_key("Putin"));
  EXPECT_NE(translit_key("Paris"), translit_key("Perse"));
}

}  // namespace
}  // namespace recoupe::text
