// engine::Config: one JSON loader for every stage's settings.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "engine/config.h"

namespace recoupe::engine {
namespace {

TEST(Config, ParsesOverridesOfEverySectionOverTheDefaults) {
  auto c = parse_config(R"({"threads": 2,
    "ingest": {"max_json_depth": 10},
    "extract": {"html": {"min_article_chars": 100}, "text": {"use_line_model": false}},
    "analyze": {"quotes": {"full_min_words": 5}},
    "cluster": {"join_threshold": 0.1, "window_hours": 48},
    "synth": {"max_quotes": 7, "align_threshold": 0.4}})");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->threads, 2u);
  EXPECT_EQ(c->ingest.max_json_depth, 10);
  EXPECT_EQ(c->extract.html.min_article_chars, 100);
  EXPECT_FALSE(c->extract.text.use_line_model);
  EXPECT_EQ(c->quotes.full_min_words, 5);
  EXPECT_EQ(c->cluster.join_threshold, 0.1);
  EXPECT_EQ(c->cluster.window_hours, 48);
  EXPECT_EQ(c->cluster.weight_body, cluster::ClusterConfig{}.weight_body);  // untouched
  EXPECT_EQ(c->synth.max_quotes, 7u);
  EXPECT_EQ(c->synth.align_threshold, 0.4);
}

TEST(Config, RefusesWhatItCannotUseAndNamesTheKey) {
  auto message = [](const char* json) {
    auto c = parse_config(json, "my.json");
    return c ? std::string("ok") : c.error().to_string();
  };
  EXPECT_EQ(message(R"({"cluster": {"joinn": 1}})"), "my.json: unknown key cluster.joinn");
  EXPECT_EQ(message(R"({"cluster": {"window_hours": 1.5}})"),
            "my.json: cluster.window_hours must be an integer");
  EXPECT_EQ(message(R"({"synth": {"max_quotes": -1}})"),
            "my.json: synth.max_quotes must not be negative");
  EXPECT_EQ(message(R"({"extract": {"text": {"use_line_model": 1}}})"),
            "my.json: extract.text.use_line_model must be true or false");
  EXPECT_EQ(message(R"({"threads": 100000})"), "my.json: threads must be 0..256 (0: all cores)");
  EXPECT_EQ(message(R"({"cluster": {"lsh_bands": 20}})"),
            "my.json: cluster.lsh_bands × cluster.lsh_rows must be in 1..112");
  EXPECT_EQ(message("[1]"), "my.json: not a JSON object");
  EXPECT_NE(message(R"({"join_threshold": 0.1})").find("unknown key join_threshold"),
            std::string::npos);
  EXPECT_EQ(message(R"({"ingest": {"max_line_bytes": 1e99}})"),
            "my.json: ingest.max_line_bytes must be an integer");
}

TEST(Config, PrintsEveryKeyAndReadsItBack) {
  Config changed;
  changed.cluster.relative_threshold = 0.55;
  changed.synth.max_single_source = 3;
  auto round = parse_config(config_json(changed));
  ASSERT_TRUE(round.ok()) << round.error().to_string();
  EXPECT_EQ(config_json(*round), config_json(changed));
  EXPECT_EQ(round->cluster.relative_threshold, 0.55);
}

// docs/config.md documents every key that `recoupe config --defaults` prints.
TEST(Config, EveryKeyIsDocumented) {
  std::ifstream in(std::string(RECOUPE_TEST_DIR) + "/../docs/config.md");
  ASSERT_TRUE(in) << "docs/config.md missing";
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto j = nlohmann::json::parse(config_json(Config{}));
  std::vector<std::string> missing;
  std::function<void(const nlohmann::json&, const std::string&)> walk =
      [&](const nlohmann::json& node, const std::string& prefix) {
        for (const auto& item : node.items()) {
          std::string key = prefix.empty() ? item.key() : prefix + "." + item.key();
          if (item.value().is_object())
            walk(item.value(), key);
          else if (doc.find("`" + key + "`") == std::string::npos)
            missing.push_back(key);
        }
      };
  walk(j, "");
  EXPECT_TRUE(missing.empty()) << "undocumented: " << missing.front() << " and "
                               << missing.size() - 1 << " more";
}

TEST(Config, FetchAndWatchSections) {
  auto c = parse_config(
      R"json({"fetch": {"user_agent": "newsroom-bot/1 (+mailto:desk@example.org)",
                    "per_host_delay_ms": 0, "max_retries": 4},
          "watch": {"every_seconds": 60, "max_entries": 50}})json");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->fetch.user_agent, "newsroom-bot/1 (+mailto:desk@example.org)");
  EXPECT_EQ(c->fetch.per_host_delay_ms, 0);
  EXPECT_EQ(c->fetch.max_retries, 4);
  EXPECT_EQ(c->fetch.max_redirects, 5);  // untouched keys keep their default
  EXPECT_EQ(c->watch.every_seconds, 60);
  EXPECT_EQ(c->watch.max_entries, 50);
  auto message = [](const char* json) {
    auto r = parse_config(json, "my.json");
    return r ? std::string("ok") : r.error().to_string();
  };
  EXPECT_EQ(message(R"({"fetch": {"user_agent": 7}})"),
            "my.json: fetch.user_agent must be a string");
  EXPECT_EQ(message(R"({"fetch": {"user_agent": ""}})"),
            "my.json: fetch.user_agent must not be empty (it names the crawler to the sites)");
  EXPECT_EQ(message(R"({"fetch": {"max_retries": -1}})"),
            "my.json: fetch.max_retries must not be negative");
  EXPECT_EQ(message(R"({"watch": {"every_seconds": 0}})"),
            "my.json: watch.every_seconds must be at least 1");
  EXPECT_EQ(message(R"({"watch": {"every": 5}})"), "my.json: unknown key watch.every");
}

TEST(Config, ServeSection) {
  auto c =
      parse_config(R"json({"serve": {"group_max_articles": 50, "request_thread_nice": 5}})json");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->serve.group_max_articles, 50);
  EXPECT_EQ(c->serve.group_max_bytes, 16777216);  // untouched: the default
  EXPECT_EQ(c->serve.request_thread_nice, 5);
  auto message = [](const char* json) {
    auto r = parse_config(json, "my.json");
    return r ? std::string("ok") : r.error().to_string();
  };
  EXPECT_EQ(message(R"({"serve": {"group_max_articles": 0}})"),
            "my.json: serve.group_max_articles must be at least 1");
  EXPECT_EQ(message(R"({"serve": {"request_thread_nice": 20}})"),
            "my.json: serve.request_thread_nice must be 0..19");
}

}  // namespace
}  // namespace recoupe::engine
