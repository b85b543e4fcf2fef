// The terminal view on the hand-written sample report (tests/data/report_sample.json, the
// seeds of examples/vostochny) and on broken or hostile reports.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "report/text_layout.h"
#include "report/text_view.h"
#include "report/view_labels.h"
#include "report_test_util.h"

namespace recoupe::report {
namespace {

using testing::load_sample;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The line holding `needle`, or "".
std::string line_with(const std::string& text, const std::string& needle) {
  for (const std::string& line : lines_of(text))
    if (line.find(needle) != std::string::npos) return line;
  return "";
}

// Wide enough that nothing wraps: content checks see whole items on one line.
std::string render_unwrapped(const Report& report, std::string lang = "en") {
  TextViewOptions options;
  options.width = 1000;
  options.lang = std::move(lang);
  return render_text(report, options);
}

TEST(TextView, SampleShowsEveryPartOfTheStory) {
  const std::string out = render_unwrapped(load_sample());
  EXPECT_NE(out.find("1 story · 5 articles · 4 outlets"), std::string::npos) << out;
  EXPECT_NE(out.find("1. Vladimir Poutine et Kim Jong-un se rencontrent au cosmodrome"),
            std::string::npos);
  EXPECT_NE(out.find("2023-09-13 · 5 articles · 4 outlets: Minute.bf, latribune.fr, Le HuffPost, "
                     "PressTV · fr"),
            std::string::npos);
  for (const char* heading :
       {"Summary", "Agreed by several outlets", "Only one outlet", "Where they differ",
        "Who said what", "People, places, organisations", "Timeline", "Framing", "Sources"})
    EXPECT_NE(line_with(out, heading), "") << heading;
}

TEST(TextView, CitationsMapToTheNumberedSourceList) {
  const std::string out = render_unwrapped(load_sample());
  // Articles are numbered in the story's order: Minute.bf (12 Sept.) first, PressTV last.
  EXPECT_NE(line_with(out, "[1] Minute.bf — Guerre en Ukraine"), "");
  EXPECT_NE(line_with(out, "[3] unknown outlet — 001_8298768d8e847e79.txt"), "");
  EXPECT_NE(line_with(out, "[5] PressTV — Pyongyang aux côtés de Moscou"), "");
  EXPECT_NE(out.find("en Russie le mardi 12 septembre.\u00A0[1][5]"), std::string::npos);
  // The 40-second handshake is PressTV's alone.
  const std::string handshake = line_with(out, "pendant 40 secondes");
  EXPECT_NE(handshake.find("— PressTV\u00A0[5]"), std::string::npos) << handshake;
  EXPECT_EQ(handshake.find("[2]"), std::string::npos);
}

TEST(TextView, CorroborationDisagreementsQuotesEntities) {
  const std::string out = render_unwrapped(load_sample());
  const std::string satellites = line_with(out, "• La Russie aidera la Corée du Nord");
  EXPECT_NE(satellites.find("(4 outlets)\u00A0[2][3][4][5]"), std::string::npos) << satellites;
  // No "outlets" field: counted from the articles (the unnamed aggregator counts as one).
  EXPECT_NE(line_with(out, "• Le porte-parole du Kremlin").find("(3 outlets)\u00A0[1][3][4]"),
            std::string::npos);

  EXPECT_NE(line_with(out, "Lieu de la poignée de main").find("(place)"), std::string::npos);
  EXPECT_NE(line_with(out, "«\u00A0Moscou (légende de la photo)\u00A0»").find("— PressTV\u00A0[5]"),
            std::string::npos);
  EXPECT_NE(line_with(out, "«\u00A0cosmodrome de Vostotchny\u00A0»")
                .find("— latribune.fr, Le HuffPost, PressTV\u00A0[2][4][5]"),
            std::string::npos);

  EXPECT_NE(out.find("• Kim Jong-un: «\u00A0Je suis sûr que nous resterons unis pour lutter contre "
                     "l'impérialisme\u00A0» (direct)\u00A0[5]"),
            std::string::npos);
  EXPECT_NE(out.find("• Vladimir Poutine: «\u00A0Je suis très content de vous voir."),
            std::string::npos);
  EXPECT_NE(out.find("≈ «\u00A0C'est pour cela que nous sommes venus ici."), std::string::npos);

  EXPECT_NE(out.find("People: Vladimir Poutine (also Poutine, vladimir poutine) ×31 · Kim Jong-un "
                     "(also Kim, Kim Jong Un, Kim-Jong-Un, KJU) ×29"),
            std::string::npos);
  EXPECT_NE(line_with(out, "Organisations: Kremlin").find("Agence France-Presse (also AFP)"),
            std::string::npos);
  EXPECT_NE(line_with(out, "Other: Covid-19"), "");

  EXPECT_NE(out.find("2019 (year)  Première rencontre"), std::string::npos);
  EXPECT_NE(out.find("2023-09-12   Kim Jong-un arrive en Russie, à Khassan.\u00A0[1][5]"),
            std::string::npos);
  EXPECT_NE(line_with(out, "[5] PressTV — «\u00A0Pyongyang aux côtés"), "");
  EXPECT_NE(line_with(out, "distinctive terms: impérialisme, bataille sacrée, Occident"), "");
}

// Two wordings of one quote are one remark printed two ways, not a contradiction on a fact:
// the item says so in the reader's language.
TEST(TextView, AQuoteInTwoWordingsIsLabelledWordedDifferently) {
  Report report = load_sample();
  report.stories.front().disagreements.push_back(
      {"Ken Salazar", "quote", {{"the right thing", {"a1"}}, {"the correct thing", {"a2"}}}});
  EXPECT_NE(line_with(render_unwrapped(report), "• Ken Salazar").find("(quote worded differently)"),
            std::string::npos);
  EXPECT_NE(line_with(render_unwrapped(report, "fr"), "• Ken Salazar")
                .find("(citation formulée autrement)"),
            std::string::npos);
}

TEST(TextView, FrenchLabels) {
  const std::string out = render_unwrapped(load_sample(), "fr");
  for (const char* heading : {"Résumé", "Recoupé par plusieurs médias", "Une seule source",
                              "Divergences", "Qui a dit quoi", "Chronologie", "Angles"})
    EXPECT_NE(line_with(out, heading), "") << heading;
  EXPECT_NE(out.find("1 sujet · 5 articles · 4 médias"), std::string::npos);
  EXPECT_NE(out.find("[3] média inconnu"), std::string::npos);
}

TEST(TextView, ReportLanguagePicksLabels) {
  EXPECT_EQ(report_language(load_sample()), "fr");
  Report mixed;
  for (const char* lang : {"en", "de", "de"}) mixed.articles.emplace_back().language = lang;
  mixed.articles.emplace_back();  // unknown language: not counted
  EXPECT_EQ(report_language(mixed), "de");
  Report no_article_language;
  no_article_language.stories.emplace_back().language = "es";
  EXPECT_EQ(report_language(no_article_language), "es");
  EXPECT_EQ(report_language(Report{}), "");
  EXPECT_EQ(labels_for("fr-CA").corroborated, "Recoupé par plusieurs médias");
  EXPECT_EQ(labels_for("de").corroborated, "Agreed by several outlets");  // no German yet
  EXPECT_EQ(labels_for("").lang, "en");
}

TEST(TextView, RespectsTheWidth) {
  const Report report = load_sample();
  for (int width : {20, 40, 60, 80, 120}) {
    TextViewOptions options;
    options.width = width;
    const std::string out = render_text(report, options);
    for (const std::string& line : lines_of(out))
      EXPECT_LE(display_width(line), width) << "width " << width << ": " << line;
  }
}

TEST(TextView, ColorOnlyWhenAsked) {
  const Report report = load_sample();
  TextViewOptions options;
  options.width = 80;
  const std::string plain = render_text(report, options);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  options.color = true;
  const std::string colored = render_text(report, options);
  EXPECT_NE(colored.find("\x1b[1;34mSummary\x1b[0m"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[36m[1][5]\x1b[0m"), std::string::npos);
  for (const std::string& line : lines_of(colored)) EXPECT_LE(display_width(line), 80) << line;
}

TEST(TextView, EmptyAndUnknownPartsRenderGracefully) {
  EXPECT_NE(render_unwrapped(Report{}).find("0 stories · 0 articles · 0 outlets"),
            std::string::npos);
  EXPECT_NE(render_unwrapped(Report{}).find("No story found."), std::string::npos);

  Report bare;
  bare.stories.push_back({});
  EXPECT_NE(render_unwrapped(bare).find("1. (untitled story)"), std::string::npos);
  EXPECT_EQ(render_unwrapped(bare).find("Summary"), std::string::npos);  // empty parts left out

  // Unknown values (nullopt, the engine's null), empty items, an id cited but not listed.
  Report odd;
  odd.articles.emplace_back().id = "a";
  ReportStory story;
  story.id = "1";
  story.title = "42";
  story.articles = {"a", "ghost"};
  story.cross_checked = true;
  story.summary = {{"Only text.", {}}, {"", {"a"}}};
  story.corroborated = {{"Both.", {"a", "ghost"}, 0}};  // no outlet count: counted here
  story.single_source = {{"One.", "a", {}}, {"Orphan.", "", {}}};
  story.disagreements = {{"Count", "", {{"3", {}}, {"", {}}}}, {"", "", {}}};
  story.quotes = {{"", "Hello", {}, "", {}},
                  {"Nobody", "", {}, "", {}},
                  {"", "Hi", {}, "", {{"Hey", {}}, {"Hi", {}}}}};
  story.entities = {
      {"X", "", {}, 0, {}}, {"Y", "spaceship", {"Z", ""}, 0, {}}, {"", "person", {}, 0, {}}};
  story.timeline = {{"", "", "Undated.", {}}, {"2020", "", "", {}}, {}};
  story.framing = {{"ghost", "", {}}, {"a", "H", {}}};
  odd.stories.push_back(story);
  const std::string out = render_unwrapped(odd);
  EXPECT_NE(out.find("1. 42"), std::string::npos);
  EXPECT_NE(out.find("Only text."), std::string::npos);
  EXPECT_NE(out.find("• Both. (2 outlets)\u00A0[1][2]"), std::string::npos);  // "ghost" is cited
  EXPECT_NE(out.find("• One. — unknown outlet\u00A0[1]"), std::string::npos);
  EXPECT_NE(out.find("• Orphan."), std::string::npos);
  EXPECT_NE(out.find("“3”"), std::string::npos);
  EXPECT_NE(out.find("• Unattributed: “Hello”"), std::string::npos);
  EXPECT_EQ(out.find("Nobody"), std::string::npos);  // a quote without words is left out
  EXPECT_NE(out.find("≈ “Hey”"), std::string::npos);
  EXPECT_EQ(out.find("≈ “Hi”"), std::string::npos);  // the quote's own wording is no variant
  EXPECT_NE(out.find("Other: X · Y (also Z)"), std::string::npos);
  EXPECT_NE(out.find("?     Undated."), std::string::npos);
  EXPECT_NE(out.find("[2] unknown outlet — ghost"), std::string::npos);
}

TEST(TextView, HostileStringsCannotDriveTheTerminal) {
  Report evil;
  ReportArticle& a = evil.articles.emplace_back();
  a.id = "a";
  a.source = "\x1b]0;pwned\x07Outlet";
  a.title = "\x1b[2JGone";
  ReportStory story;
  story.title = "Title\x1b[31m red";
  story.articles = {"a"};
  story.cross_checked = true;
  story.summary = {{"x\r\x1b[1Aup", {"a"}}};
  evil.stories.push_back(story);
  const std::string out = render_unwrapped(evil);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(out.find('\x07'), std::string::npos);
  EXPECT_EQ(out.find('\r'), std::string::npos);
  EXPECT_NE(out.find("Title[31m red"), std::string::npos);  // visible, inert
}

}  // namespace
}  // namespace recoupe::report
