#include <gtest/gtest.h>

#include "index/term_extractor.h"
#include "shipped_resources.h"
#include "text/data_dir.h"

namespace recoupe::index {
namespace {

std::vector<std::string> keys(const TermDictionary& d, const std::vector<TermWeight>& v) {
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(d.key(e.term));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(TermExtractor, StemsNamesAndNumbers) {
  TermDictionary dict;
  StopWordLibrary lib(text::find_data_dir(), recoupe::testing::shipped_resources().stop_words());
  TermExtractor ex(dict, lib, recoupe::testing::shipped_resources().elisions());
  RawTerms r =
      ex.extract("fr", "Poutine reçoit Kim",
                 "Vladimir Poutine a reçu Kim Jong-un mercredi 13 septembre 2023 au "
                 "cosmodrome. Le dirigeant nord-coréen est venu en train. Mercredi, "
                 "Poutine a parlé de satellites, de 1000 soldats et d'une fusée de 6,5 tonnes.");
  auto ents = keys(dict, r.entities);
  EXPECT_TRUE(std::count(ents.begin(), ents.end(), "e:putin")) << ::testing::PrintToString(ents);
  EXPECT_TRUE(std::count(ents.begin(), ents.end(), "e:kim"));
  // Sentence-initial "Le" is no name; weekday names are not names either.
  EXPECT_FALSE(std::count(ents.begin(), ents.end(), "e:le"));
  EXPECT_FALSE(std::count(ents.begin(), ents.end(), "e:mercredi"));
  auto nums = keys(dict, r.numbers);
  EXPECT_EQ(nums, (std::vector<std::string>{"n:1000", "n:13", "n:2023", "n:6.5"}));
  auto title = keys(dict, r.title);
  EXPECT_TRUE(std::count(title.begin(), title.end(), "kim"));
  EXPECT_GT(r.words, 20);
  EXPECT_EQ(r.signature.size(), size_t(kMinHashSize));
}

TEST(TermExtractor, ADatelineAndTheRowHeadsOfATableAreNoWordsOfTheEvent) {
  TermDictionary dict;
  StopWordLibrary lib(text::find_data_dir(), recoupe::testing::shipped_resources().stop_words());
  TermExtractor ex(dict, lib, recoupe::testing::shipped_resources().elisions());
  RawTerms r = ex.extract("en", "MICKELBERRY CORP <MBC> 4TH QTR NET",
                          "NEW YORK, March 26 - Shr profit 61 cts vs loss five cts\n"
                          "Net profit 3,568,000 vs loss 2,598,000\n"
                          "Revs 34.6 mln vs 31.6 mln\n"
                          "Year\n"
                          "Shr profit 56 cts vs loss 32 cts\n"
                          "The company said its printing business grew.");
  // The dateline is no name and no number; "Shr" after it opens the text, no name either.
  EXPECT_TRUE(r.entities.empty()) << ::testing::PrintToString(keys(dict, r.entities));
  auto nums = keys(dict, r.numbers);
  EXPECT_FALSE(std::count(nums.begin(), nums.end(), "n:26"));
  EXPECT_TRUE(std::count(nums.begin(), nums.end(), "n:3568000"));
  // The body holds the prose line's words and the table's figures, not its row heads ("five"
  // is a number word: its row is a row) nor the heading between two rows.
  auto body = keys(dict, r.body);
  for (const char* head : {"shr", "revs", "rev", "profit", "loss", "year", "new", "york"})
    EXPECT_FALSE(std::count(body.begin(), body.end(), head)) << head;
  EXPECT_TRUE(std::count(body.begin(), body.end(), "n:3568000"));
  EXPECT_TRUE(std::count(body.begin(), body.end(), "print"));

  // A dash in a sentence's first words is no dateline: the words are the event's.
  RawTerms prose =
      ex.extract("en", "", "The minister - and Laurent Fabius - said 40 soldiers were sent.");
  auto prose_body = keys(dict, prose.body);
  EXPECT_TRUE(std::count(prose_body.begin(), prose_body.end(), "minist"));
  EXPECT_TRUE(std::count(prose_body.begin(), prose_body.end(), "soldier"));
  auto prose_names = keys(dict, prose.entities);
  EXPECT_TRUE(std::count(prose_names.begin(), prose_names.end(), "e:fabius"));
}

TEST(TermExtractor, OneKeyPerNameAndNumberAcrossLanguages) {
  TermDictionary dict;
  StopWordLibrary lib(text::find_data_dir(), recoupe::testing::shipped_resources().stop_words());
  TermExtractor ex(dict, lib, recoupe::testing::shipped_resources().elisions());
  RawTerms fr = ex.extract(
      "fr", "", "Au cosmodrome, Poutine a reçu Kim Jong-un à Vostotchny : 6,1 et 1,500.");
  RawTerms en = ex.extract(
      "en", "", "At the cosmodrome, Putin received Kim Jong Un at Vostochny: 6.1 and 1,500.");
  EXPECT_EQ(keys(dict, fr.entities), keys(dict, en.entities));
  EXPECT_EQ(keys(dict, fr.numbers), (std::vector<std::string>{"n:1500", "n:6.1"}));
  EXPECT_EQ(keys(dict, fr.numbers), keys(dict, en.numbers));
}

TEST(TermExtractor, TransliteratesNonLatinNames) {
  TermDictionary dict;
  StopWordLibrary lib(text::find_data_dir(), recoupe::testing::shipped_resources().stop_words());
  TermExtractor ex(dict, lib, recoupe::testing::shipped_resources().elisions());
  EXPECT_EQ(ex.latin("путин"), "putin");
  EXPECT_EQ(ex.latin("putin"), "putin");
  RawTerms r = ex.extract("ru", "", "Вчера Путин встретился с Ким Чен Ыном.");
  auto ents = keys(dict, r.entities);
  EXPECT_TRUE(std::count(ents.begin(), ents.end(), "e:putin")) << ::testing::PrintToString(ents);
}

TEST(TermExtractor, GivenEntityNamesReplaceTheProxy) {
  TermDictionary dict;
  StopWordLibrary lib(text::find_data_dir(), recoupe::testing::shipped_resources().stop_words());
  TermExtractor ex(dict, lib, recoupe::testing::shipped_resources().elisions());
  EntityHints hints;
  hints.names = std::vector<std::string>{"Kim Jong-un"};
  RawTerms r = ex.extract("en", "", "Yesterday Putin met Kim Jong-un.", hints);
  EXPECT_EQ(keys(dict, r.entities), (std::vector<std::string>{"e:jong", "e:kim"}));
}

}  // namespace
}  // namespace recoupe::index
