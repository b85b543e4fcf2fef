// The seeds (examples/vostochny) as one story: the facts issue 6 pins, asserted one by one.
// Also the mechanisms the cleaned seeds cannot show (a caption contradicting the text).

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "analyze/entities.h"
#include "shipped_resources.h"
#include "synth/analyzed_story.h"
#include "synth/cross_check.h"
#include "synth/title.h"
#include "synth_test_util.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe::synth {
namespace {

const std::string kSeeds = std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny";

bool has(const std::string& hay, const std::string& needle) {
  return text::fold(hay).find(text::fold(needle)) != std::string::npos;
}

struct SeedStory {
  AnalyzedStory story;
  CrossCheck cc;
};

const SeedStory& seeds() {
  static const SeedStory* s = [] {
    auto* out = new SeedStory;
    out->story =
        analyze_story("vostochny", testing::read_articles({kSeeds}), testing::analysis_resources(),
                      &recoupe::testing::shipped_resources().entities());
    const auto& resources = recoupe::testing::shipped_resources().synth();
    out->cc = cross_check(out->story.evidence(), resources);
    return out;
  }();
  return *s;
}

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

TEST(SynthSeeds, EventDateAndNeutralTitle) {
  const auto& s = seeds();
  ASSERT_EQ(s.story.articles.size(), 5u);
  EXPECT_EQ(s.cc.event_date, "2023-09-13");
  ASSERT_FALSE(s.cc.title.empty());
  for (const auto& a : s.story.articles)
    if (a.title)
      EXPECT_FALSE(starts_with(text::fold(*a.title), text::fold(s.cc.title))) << s.cc.title;
  EXPECT_TRUE(has(s.cc.title, "Poutine") && has(s.cc.title, "Kim")) << s.cc.title;
}

TEST(SynthSeeds, SingleSourceHandshakeAndMissilesFromPressTv) {
  const auto& s = seeds();
  bool handshake = false, missiles = false;
  for (const auto& c : s.cc.single_source) {
    if (has(c.claim, "40 secondes")) handshake = starts_with(c.article, "004");
    if (has(c.claim, "missiles balistiques")) missiles = starts_with(c.article, "004");
  }
  EXPECT_TRUE(handshake);
  EXPECT_TRUE(missiles);
  for (const auto& c : s.cc.corroborated) {
    EXPECT_FALSE(has(c.claim, "40 secondes")) << c.claim;
    EXPECT_FALSE(has(c.claim, "missiles balistiques")) << c.claim;
  }
}

// The meeting told in other words by the fifth outlet ("se sont rencontrés mercredi 13
// septembre lors d'un sommet au centre spatial Vostochny Cosmodrome", capitalized common word,
// English spelling) is the same fact as "se sont retrouvés ce mercredi au cosmodrome russe de
// Vostotchny": not single-source, and the corroborated meeting cites that outlet too.
TEST(SynthSeeds, MeetingInOtherWordsIsNotSingleSource) {
  const auto& s = seeds();
  for (const auto& c : s.cc.single_source) EXPECT_FALSE(has(c.claim, "centre spatial")) << c.claim;
  bool meeting_cites_fifth = false;
  for (const auto& c : s.cc.corroborated)
    if (has(c.claim, "cosmodrome") && (has(c.claim, "rencontr") || has(c.claim, "retrouv")))
      for (const auto& id : c.articles) meeting_cites_fifth |= starts_with(id, "004");
  EXPECT_TRUE(meeting_cites_fifth);
}

TEST(SynthSeeds, SatellitesAndVladivostok2019Corroborated) {
  const auto& s = seeds();
  int satellites = 0, vladivostok = 0;
  for (const auto& c : s.cc.corroborated) {
    if (has(c.claim, "satellites")) satellites = std::max(satellites, c.outlets);
    if (has(c.claim, "Vladivostok") && has(c.claim, "2019"))
      vladivostok = std::max(vladivostok, c.outlets);
  }
  EXPECT_GE(satellites, 2);
  EXPECT_GE(vladivostok, 3);
}

TEST(SynthSeeds, QuotesWithTheirSpeakers) {
  const auto& s = seeds();
  bool putin = false, kim = false, panda = false;
  for (const auto& q : s.cc.quotes) {
    if (has(q.text, "Je suis très content de vous voir")) putin = has(q.speaker, "Poutine");
    if (has(q.text, "nous resterons unis pour lutter contre l'impérialisme"))
      kim = has(q.speaker, "Kim");
    // The full name as the attribution writes it, not a tagger's "Panda" inside it.
    if (has(q.text, "Fascinant")) panda = q.speaker == "Ankit Panda";
  }
  EXPECT_TRUE(putin);
  EXPECT_TRUE(kim);
  EXPECT_TRUE(panda);
  // The same answer about rockets, translated twice, is one quote with two wordings.
  bool variants = false;
  for (const auto& q : s.cc.quotes)
    if (has(q.text, "nous sommes venus ici") && q.variants.size() >= 2 && q.articles.size() >= 2)
      variants = true;
  EXPECT_TRUE(variants);
}

TEST(SynthSeeds, TimelineDays) {
  const auto& s = seeds();
  auto find = [&](const std::string& date, const std::string& word) {
    for (const auto& t : s.cc.timeline)
      if (t.date == date && has(t.what, word)) return true;
    return false;
  };
  EXPECT_TRUE(find("2019", "Vladivostok"));
  EXPECT_TRUE(find("2023-09-10", "Pyongyang"));
  EXPECT_TRUE(find("2023-09-12", "arriv"));
  EXPECT_TRUE(find("2023-09-13", "Vostotchny"));
  // A week holding day entries is noise ("Comme annoncé en début de semaine").
  for (const auto& t : s.cc.timeline) EXPECT_NE(t.precision, "week") << t.what;
  // A bare reporting clause is not an event when the day has one.
  for (const auto& t : s.cc.timeline) EXPECT_FALSE(has(t.what, "a annoncé mardi")) << t.what;
  EXPECT_TRUE(std::is_sorted(s.cc.timeline.begin(), s.cc.timeline.end(),
                             [](const auto& a, const auto& b) { return a.date < b.date; }));
}

TEST(SynthSeeds, SummaryCitesAndFramingSetsArticlesApart) {
  const auto& s = seeds();
  EXPECT_GE(s.cc.summary.size(), 3u);
  EXPECT_LE(s.cc.summary.size(), 8u);
  for (const auto& x : s.cc.summary) EXPECT_FALSE(x.articles.empty());
  ASSERT_EQ(s.cc.framing.size(), 5u);
  bool imperialism = false;
  for (const auto& f : s.cc.framing)
    if (starts_with(f.article, "004"))
      for (const auto& t : f.distinctive_terms) imperialism |= has(t, "impérialisme");
  EXPECT_TRUE(imperialism);
}

// A caption placing the handshake in Moscow while the same outlet's text says Vostochny: a
// place disagreement, each version with its article. (Two outlets naming two places in
// like sentences are not set against each other: on real stories those were two subjects.)
TEST(SynthDisagreements, CaptionPlacesTheEventElsewhere) {
  std::vector<Article> arts(2);
  arts[0].id = "caption";
  arts[0].source = arts[1].source = "presstv.example";
  arts[0].language = "fr";
  arts[0].text =
      "Kim Jong-un et Vladimir Poutine se sont serrés la main pendant 40 secondes, Moscou, le 13 "
      "septembre 2023.";
  arts[1].id = "text";
  arts[1].language = "fr";
  arts[1].text =
      "Kim Jong-un et Vladimir Poutine se sont serrés la main pendant 40 secondes au cosmodrome "
      "de Vostochny.";
  AnalyzedStory story = analyze_story("s", arts, testing::analysis_resources());
  auto mention = [&](size_t a, const std::string& name) {
    size_t b = story.articles[a].text.find(name);
    return EvidenceMention{a, b, b + name.size()};
  };
  story.entities = {{"Kim Jong-un",
                     "person",
                     {"Kim Jong-un"},
                     {mention(0, "Kim Jong-un"), mention(1, "Kim Jong-un")}},
                    {"Vladimir Poutine",
                     "person",
                     {"Vladimir Poutine"},
                     {mention(0, "Vladimir Poutine"), mention(1, "Vladimir Poutine")}},
                    {"Moscou", "place", {"Moscou"}, {mention(0, "Moscou")}},
                    {"Vostochny", "place", {"Vostochny"}, {mention(1, "Vostochny")}}};
  const auto& resources = recoupe::testing::shipped_resources().synth();
  CrossCheck cc = cross_check(story.evidence(), resources);
  bool found = false;
  for (const auto& d : cc.disagreements) {
    if (d.kind != "place") continue;
    std::vector<std::string> values;
    for (const auto& v : d.versions) values.push_back(v.value + ":" + v.articles.at(0));
    std::sort(values.begin(), values.end());
    found = values == std::vector<std::string>{"Moscou:caption", "Vostochny:text"};
  }
  EXPECT_TRUE(found);
}

// Two French articles "a" and "b" of two outlets.
std::vector<Article> two_outlets(const std::string& text_a, const std::string& text_b) {
  std::vector<Article> arts(2);
  arts[0].id = "a";
  arts[1].id = "b";
  arts[0].source = "a.example";
  arts[1].source = "b.example";
  arts[0].language = arts[1].language = "fr";
  arts[0].text = text_a;
  arts[1].text = text_b;
  return arts;
}

// Two outlets' like sentences, one entity each that the other lacks: `kind` disagreements
// as "value:article" lists.
std::vector<std::vector<std::string>> two_outlet_disputes(
    const std::string& kind, const std::string& text_a, const std::string& name_a,
    const std::string& text_b, const std::string& name_b, const std::string& type) {
  AnalyzedStory story =
      analyze_story("s", two_outlets(text_a, text_b), testing::analysis_resources());
  auto mention = [&](size_t a, const std::string& name) {
    size_t b = story.articles[a].text.find(name);
    return EvidenceMention{a, b, b + name.size()};
  };
  story.entities = {{name_a, type, {name_a}, {mention(0, name_a)}},
                    {name_b, type, {name_b}, {mention(1, name_b)}}};
  CrossCheck cc = cross_check(story.evidence(), recoupe::testing::shipped_resources().synth());
  std::vector<std::vector<std::string>> out;
  for (const auto& d : cc.disagreements) {
    if (d.kind != kind) continue;
    out.emplace_back();
    for (const auto& v : d.versions) out.back().push_back(v.value + ":" + v.articles.at(0));
    std::sort(out.back().begin(), out.back().end());
  }
  return out;
}

// One person's name spelled two ways by two outlets is a disagreement on who it was; two
// different names in like sentences are two subjects; so are two places of two outlets.
TEST(SynthDisagreements, NamesSpelledTwoWaysDisagreeTwoSubjectsDoNot) {
  const std::string said =
      " a déclaré mercredi devant le tribunal de Marseille que l'enfant "
      "était bien le sien.";
  EXPECT_EQ(two_outlet_disputes("name", "Selon la police, Fatma" + said, "Fatma",
                                "Selon la police, Fatna" + said, "Fatna", "person"),
            (std::vector<std::vector<std::string>>{{"Fatma:a", "Fatna:b"}}));
  EXPECT_TRUE(
      two_outlet_disputes("name", "Fatma" + said, "Fatma", "Karima" + said, "Karima", "person")
          .empty());
  const std::string place = "Les deux dirigeants se sont serrés la main pendant 40 secondes à ";
  EXPECT_TRUE(two_outlet_disputes("place", place + "Moscou.", "Moscou", place + "Vostochny.",
                                  "Vostochny", "place")
                  .empty());
}

// In a full name, the other words tell whose it is: one word written a letter or two apart
// is that person's name spelled two ways, no dispute on who it was; another first name
// before the same family name is one.
TEST(SynthDisagreements, AFullNameSpelledALetterApartIsOnePersonsName) {
  const std::string said = " a confirmé mercredi que les deux blessés restaient à l'hôpital.";
  EXPECT_TRUE(two_outlet_disputes("name", "Selon la porte-parole Ilene Wolfe" + said, "Ilene Wolfe",
                                  "Selon la porte-parole Ilene Wolff" + said, "Ilene Wolff",
                                  "person")
                  .empty());
  EXPECT_TRUE(two_outlet_disputes("name", "Selon la porte-parole Betty Mae Page" + said,
                                  "Betty Mae Page", "Selon la porte-parole Bettie Mae Page" + said,
                                  "Bettie Mae Page", "person")
                  .empty());
  EXPECT_EQ(two_outlet_disputes("name", "Selon le conseiller Jean-Luc Romero" + said,
                                "Jean-Luc Romero", "Selon le conseiller Jean-Louis Romero" + said,
                                "Jean-Louis Romero", "person"),
            (std::vector<std::vector<std::string>>{{"Jean-Louis Romero:b", "Jean-Luc Romero:a"}}));
}

// Another first name altogether before the same family name is another person of the
// family (two grandsons quoted by two outlets), and a short form is the same name: neither
// is a dispute on who it was.
TEST(SynthDisagreements, AnotherFirstNameOrAShortFormIsNoDisputeOnWhoItWas) {
  const std::string said = " a confirmé mercredi que son grand-père était mort dans la nuit.";
  EXPECT_TRUE(two_outlet_disputes("name", "Selon son petit-fils Rob Jones" + said, "Rob Jones",
                                  "Selon son petit-fils Nick Jones" + said, "Nick Jones", "person")
                  .empty());
  EXPECT_TRUE(two_outlet_disputes("name", "Selon son petit-fils Chris Jones" + said, "Chris Jones",
                                  "Selon son petit-fils Christopher Jones" + said,
                                  "Christopher Jones", "person")
                  .empty());
}

// One person's name told two ways is a dispute even when an outlet writes both: that outlet
// contradicts itself, and the other one still names the person otherwise.
TEST(SynthDisagreements, AnOutletWritingBothSpellingsOfOnePersonStillDisputesTheOther) {
  const std::string said =
      ", le petit garçon aurait échappé à la surveillance de sa nourrice dans un jardin de la "
      "cité.";
  const std::vector<Article> arts =
      two_outlets("Selon une cousine, Kenza Vasseur" + said,
                  "Selon une cousine, Kenza Vasseur, la nourrice lui a menti pendant douze jours. "
                  "Selon Karima Vasseur" +
                      said);
  AnalyzedStory story = analyze_story("s", arts, testing::analysis_resources());
  auto mention = [&](size_t a, const std::string& name) {
    size_t b = story.articles[a].text.find(name);
    return EvidenceMention{a, b, b + name.size()};
  };
  story.entities = {
      {"Kenza Vasseur",
       "person",
       {"Kenza Vasseur"},
       {mention(0, "Kenza Vasseur"), mention(1, "Kenza Vasseur")}},
      {"Karima Vasseur", "person", {"Karima Vasseur"}, {mention(1, "Karima Vasseur")}}};
  CrossCheck cc = cross_check(story.evidence(), recoupe::testing::shipped_resources().synth());
  std::vector<std::string> names;
  for (const auto& d : cc.disagreements)
    if (d.kind == "name")
      for (const auto& v : d.versions) names.push_back(v.value + ":" + v.articles.at(0));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Karima Vasseur:b", "Kenza Vasseur:a"}));
}

TEST(SynthTitle, CompressesToTheMainClause) {
  std::string claim =
      "Le président russe Vladimir Poutine et le dirigeant nord-coréen Kim Jong-un se sont "
      "retrouvés, ce mercredi 13 septembre, au cosmodrome russe de Vostotchny, dans l'Est de la "
      "Russie.";
  size_t b = claim.find("mercredi");
  EXPECT_EQ(compress_to_main_clause(claim, recoupe::testing::shipped_resources().elisions(),
                                    {{b, b + std::string("mercredi 13 septembre").size()}}),
            "Le président russe Vladimir Poutine et le dirigeant nord-coréen Kim Jong-un se sont "
            "retrouvés au cosmodrome russe de Vostotchny");
}

// A summary states what the sources do not dispute: the caption that puts the handshake in
// "Moscou" is reported as a place disagreement, so no summary sentence repeats it.
TEST(SynthSeeds, SummaryLeavesOutDisputedClaims) {
  const auto& s = seeds();
  bool moscow_disputed = false;
  for (const auto& d : s.cc.disagreements)
    for (const auto& v : d.versions)
      if (v.value == "Moscou") {
        moscow_disputed = true;
        // The caption contradicts its own article: labelled so, not outlets disagreeing.
        EXPECT_TRUE(d.one_outlet);
      }
  ASSERT_TRUE(moscow_disputed);
  ASSERT_FALSE(s.cc.summary.empty());
  for (const auto& sentence : s.cc.summary)
    EXPECT_FALSE(has(sentence.text, "Moscou, le 13 septembre")) << sentence.text;
}

// The story's entity list as a reader sees it: no capitalised sentence opener, no piece of a
// longer name, an institute typed organisation, places named once under one type.
TEST(SynthSeeds, EntityListWithoutTaggerNoise) {
  const auto& s = seeds();
  std::map<std::string, std::string> type_of;
  for (const auto& e : s.cc.entities) {
    EXPECT_FALSE(e.name == "Interrogé" || e.name == "Récemment" || e.name == "Maison" ||
                 e.name == "Fascinant" || e.name == "Kim et Poutine")
        << e.name;
    EXPECT_FALSE(e.type == "person" && e.name.find_first_of("0123456789") != std::string::npos)
        << e.name;
    EXPECT_TRUE(type_of.emplace(e.name, e.type).second) << e.name << " listed twice";
  }
  EXPECT_EQ(type_of["Stockholm International Peace Research Institute"], "organization");
  EXPECT_EQ(type_of["Maison Blanche"], "organization");
  EXPECT_EQ(type_of["Washington"], "place");
  EXPECT_EQ(type_of["Moscou"], "place");
}

// Summary sentences are body sentences: no rubric kicker ("INTERNATIONAL - …"), no line
// without final punctuation (a standfirst or headline run into the text).
TEST(SynthSeeds, SummaryTakesBodySentencesOnly) {
  const auto& s = seeds();
  ASSERT_GE(s.cc.summary.size(), 3u);
  for (const auto& x : s.cc.summary) {
    EXPECT_FALSE(has(x.text, "INTERNATIONAL -")) << x.text;
    std::string t = x.text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '"')) t.pop_back();
    bool final_mark = !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?' ||
                                     t.ends_with("\xC2\xBB") || t.ends_with("\xE2\x80\xA6"));
    EXPECT_TRUE(final_mark) << x.text;
  }
}

// Framing terms are readable phrases that set an article apart: the PressTV-like angle
// ("impérialisme", "bataille sacrée"); no entity name, no reporting verb or weekday, no two
// terms repeating one word.
TEST(SynthSeeds, FramingTermsAreDistinctPhrases) {
  const auto& s = seeds();
  std::set<std::string> names;
  for (const auto& e : s.cc.entities)
    for (const auto& a : e.aliases) names.insert(text::fold(a));
  bool sacred = false;
  for (const auto& f : s.cc.framing) {
    std::set<std::string> words;
    for (const auto& t : f.distinctive_terms) {
      if (starts_with(f.article, "004")) sacred |= has(t, "bataille sacrée");
      EXPECT_FALSE(names.count(text::fold(t))) << t;
      for (const char* plain : {"mardi", "mercredi", "déclaré", "précisant", "septembre"})
        EXPECT_FALSE(text::fold(t) == text::fold(plain)) << t;
      size_t start = 0;
      std::string ft = text::fold(t) + " ";
      for (size_t sp = ft.find(' '); sp != std::string::npos; sp = ft.find(' ', start)) {
        std::string w = ft.substr(start, sp - start);
        start = sp + 1;
        if (w.size() >= 4) EXPECT_TRUE(words.insert(w).second) << w << " twice in " << f.article;
      }
    }
  }
  EXPECT_TRUE(sacred);
}

// A title is what happened: no dateline, no caption, no quotation, not cut after a function
// word.
TEST(SynthTitle, NoDatelineCaptionOrQuote) {
  std::vector<Article> arts(2);
  arts[0].id = "a";
  arts[0].language = "en";
  arts[0].text =
      "\"We will make our voices heard when he arrives on these shores,\" the organisers said.\n\n"
      "WASHINGTON \xE2\x80\x94 President Trump will travel to the United Kingdom in July to meet "
      "Prime Minister Theresa May, the White House said on Friday.\n\n"
      "Members of the protest group at the gates of Downing Street in London";
  arts[1].id = "b";
  arts[1].language = "en";
  arts[1].text =
      "\"We will make our voices heard when he arrives on these shores,\" the organisers said.\n\n"
      "President Trump will travel to the United Kingdom in July to meet Prime Minister Theresa "
      "May, officials said.\n\n"
      "Members of the protest group at the gates of Downing Street in London";
  AnalyzedStory story = analyze_story("s", arts, testing::analysis_resources());
  const auto& resources = recoupe::testing::shipped_resources().synth();
  CrossCheck cc = cross_check(story.evidence(), resources);
  EXPECT_TRUE(starts_with(cc.title, "President Trump will travel")) << cc.title;
}

}  // namespace
}  // namespace recoupe::synth
