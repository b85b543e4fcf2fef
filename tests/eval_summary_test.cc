// eval/rouge, eval/summary_refs, eval/summary_eval: ROUGE, the references file, the run's
// accumulation and output.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "eval/rouge.h"
#include "eval/summary_eval.h"
#include "eval/summary_refs.h"
#include "shipped_resources.h"

namespace recoupe::eval {
namespace {

TEST(Rouge, CountsOverlapOnFoldedStems) {
  text::Stemmer fr("fr");
  auto s = rouge("Le chat mange la souris.", {"Le chat mange la souris."}, fr,
                 recoupe::testing::shipped_resources().elisions());
  EXPECT_DOUBLE_EQ(s.rouge1, 1.0);
  EXPECT_DOUBLE_EQ(s.rougel, 1.0);
  auto t =
      rouge("chats noirs", {"chat dort"}, fr, recoupe::testing::shipped_resources().elisions());
  EXPECT_GT(t.rouge1, 0.0);  // "chats" and "chat" share a stem
  EXPECT_EQ(t.rouge2, 0.0);
  EXPECT_EQ(rouge("", {"x"}, fr, recoupe::testing::shipped_resources().elisions()).rouge1, 0.0);
}

TEST(Rouge, CandidateIsCutToTheWordBudget) {
  text::Stemmer en("en");
  // Cut to 2 words, "a b" against "a b c d": precision 1, recall 1/2.
  auto s = rouge("a b x y", {"a b c d"}, en, recoupe::testing::shipped_resources().elisions(), 2);
  EXPECT_NEAR(s.rouge1, 2 * 1.0 * 0.5 / 1.5, 1e-12);
}

std::string write_temp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << content;
  return path;
}

TEST(SummaryRefs, ReadsRecordsAndNamesTheLineOfABadOne) {
  std::string path = write_temp("refs.jsonl",
                                "{\"topic\": \"t\", \"slice\": 2, \"summaries\": [\"S one.\", \"S "
                                "two.\"], \"doc_ids\": [\"a\"]}\n"
                                "\n"
                                "not json\n"
                                "{\"summaries\": [\"x\"]}\n"
                                "{\"summaries\": [], \"doc_ids\": [1]}\n");
  auto refs = read_summary_refs(path);
  ASSERT_TRUE(refs);
  ASSERT_EQ(refs->records.size(), 1u);
  EXPECT_EQ(refs->records[0].line, 1u);
  EXPECT_EQ(refs->records[0].topic, "t");
  EXPECT_EQ(refs->records[0].slice, 2);
  EXPECT_EQ(refs->records[0].summaries, (std::vector<std::string>{"S one.", "S two."}));
  ASSERT_EQ(refs->errors.size(), 3u);
  EXPECT_EQ(refs->errors[0].where, path + ":3");
  EXPECT_EQ(refs->errors[1].to_string(), path + ":4: no \"doc_ids\" array (non-empty, of strings)");
  EXPECT_EQ(refs->errors[2].where, path + ":5");
  EXPECT_FALSE(read_summary_refs(path + ".missing"));
}

// Every field with a wrong type, null, nested garbage or a number beyond a double or an int:
// one error naming the line and the field, never an exception (type_error.302 aborted
// `recoupe eval-summary` before).
TEST(SummaryRefs, NamesEachWrongField) {
  const std::string ok = R"("summaries": ["s"], "doc_ids": ["a"])";
  std::string lines;
  for (const std::string& rec : std::vector<std::string>{
           "{" + ok + "}", "{" + ok + R"(, "topic": null, "slice": null})",
           R"({"summaries": ["s", null], "doc_ids": ["a"]})",
           R"({"summaries": [["s"]], "doc_ids": ["a"]})", R"({"summaries": "s", "doc_ids": ["a"]})",
           R"({"summaries": ["s"], "doc_ids": [{"id": "a"}]})",
           R"({"summaries": ["s"], "doc_ids": [1E400]})", R"({"summaries": ["s"], "doc_ids": []})",
           R"({"summaries": ["s"], "doc_ids": null})", "{" + ok + R"(, "topic": 3})",
           "{" + ok + R"(, "topic": {"a": [1, {"b": null}]}})", "{" + ok + R"(, "slice": "2"})",
           "{" + ok + R"(, "slice": 2.5})", "{" + ok + R"(, "slice": 1e300})",
           "{" + ok + R"(, "slice": 99999999999})",
           "{" + ok + R"(, "slice": 18446744073709551615})",
           "{" + ok + R"(, "slice": -2147483648})", std::string("[]"), std::string("null")})
    lines += rec + "\n";
  std::string path = write_temp("refs_bad.jsonl", lines);
  auto refs = read_summary_refs(path);
  ASSERT_TRUE(refs);
  ASSERT_EQ(refs->records.size(), 3u);
  EXPECT_EQ(refs->records[2].slice, -2147483647 - 1);
  std::vector<std::string> why;
  for (const auto& e : refs->errors) why.push_back(e.to_string().substr(path.size()));
  EXPECT_EQ(
      why,
      (std::vector<std::string>{
          ":3: a \"summaries\" entry is not a string", ":4: a \"summaries\" entry is not a string",
          ":5: no \"summaries\" array (non-empty, of strings)",
          ":6: a \"doc_ids\" entry is not a string", ":7: not a JSON object",
          ":8: no \"doc_ids\" array (non-empty, of strings)",
          ":9: no \"doc_ids\" array (non-empty, of strings)", ":10: \"topic\" is not a string",
          ":11: \"topic\" is not a string", ":12: \"slice\" is not an integer within ±2^31",
          ":13: \"slice\" is not an integer within ±2^31",
          ":14: \"slice\" is not an integer within ±2^31",
          ":15: \"slice\" is not an integer within ±2^31",
          ":16: \"slice\" is not an integer within ±2^31", ":18: not a JSON object",
          ":19: not a JSON object"}));
}

TEST(SummaryRefs, ArticlesOfCountsMissingIds) {
  SummaryRef ref;
  ref.doc_ids = {"b", "zz", "a"};
  std::unordered_map<std::string, Article> by_id;
  by_id["a"].id = "a";
  by_id["b"].id = "b";
  int missing = 0;
  auto docs = articles_of(ref, by_id, missing);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "b");
  EXPECT_EQ(missing, 1);
}

TEST(SummaryEval, AveragesRecordsAndRendersBothSystems) {
  SummaryEval e;
  e.words = 100;
  SummaryRef ref;
  ref.topic = "t";
  ref.summaries = {"the cat eats the mouse"};
  e.add(ref, "en", "the cat eats the mouse", "a dog sleeps",
        recoupe::testing::shipped_resources().elisions());
  e.add(ref, "en", "a dog sleeps", "a dog sleeps",
        recoupe::testing::shipped_resources().elisions());
  EXPECT_EQ(e.records, 2);
  EXPECT_DOUBLE_EQ(e.system.mean().rouge1, 0.5);
  EXPECT_DOUBLE_EQ(e.lead.mean().rouge1, 0.0);
  auto j = summary_json(e);
  EXPECT_DOUBLE_EQ(j["recoupe"]["rouge1_f"].get<double>(), 0.5);
  EXPECT_EQ(j["per_record"].size(), 2u);
  EXPECT_EQ(j["per_record"][0]["recoupe_rouge1_f"].get<double>(), 1.0);
  std::string text = summary_text(e, "arts.jsonl");
  EXPECT_NE(text.find("recoupe       0.5000"), std::string::npos) << text;
  EXPECT_EQ(text.find("not found"), std::string::npos);
  e.missing = 3;
  EXPECT_NE(summary_text(e, "arts.jsonl").find("3 article ids not found in arts.jsonl"),
            std::string::npos);
}

}  // namespace
}  // namespace recoupe::eval
