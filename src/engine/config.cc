#include "engine/config.h"

#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace recoupe::engine {
namespace {

// One table per section drives parsing and printing, so a new field cannot be forgotten in
// one of them. The key is the field's name in its struct.
template <class F>
void visit_fields(ingest::ReadLimits& c, F&& f) {
  f("max_document_bytes", c.max_document_bytes);
  f("max_line_bytes", c.max_line_bytes);
  f("max_json_depth", c.max_json_depth);
  f("max_html_depth", c.max_html_depth);
}

template <class F>
void visit_fields(extract::ContentConfig& c, F&& f) {
  f("min_scored_chars", c.min_scored_chars);
  f("class_weight", c.class_weight);
  f("max_block_link_density", c.max_block_link_density);
  f("sibling_share", c.sibling_share);
  f("justext_short_chars", c.justext_short_chars);
  f("justext_long_chars", c.justext_long_chars);
  f("justext_stopword_low", c.justext_stopword_low);
  f("justext_stopword_high", c.justext_stopword_high);
  f("justext_max_link_density", c.justext_max_link_density);
  f("fallback_length_ratio", c.fallback_length_ratio);
  f("extend_with_justext", c.extend_with_justext);
  f("min_article_chars", c.min_article_chars);
}

template <class F>
void visit_fields(extract::TextCleanerConfig& c, F&& f) {
  f("prose_min_words", c.prose_min_words);
  f("prose_long_words", c.prose_long_words);
  f("prose_min_stop_ratio", c.prose_min_stop_ratio);
  f("doc_min_stop_ratio", c.doc_min_stop_ratio);
  f("gain_cap_chars", c.gain_cap_chars);
  f("penalty_base", c.penalty_base);
  f("penalty_per_char", c.penalty_per_char);
  f("secondary_region_share", c.secondary_region_share);
  f("secondary_region_min_chars", c.secondary_region_min_chars);
  f("admit_all_inside", c.admit_all_inside);
  f("end_cue_closes", c.end_cue_closes);
  f("subheading_max_words", c.subheading_max_words);
  f("teaser_max_words", c.teaser_max_words);
  f("metadata_max_words", c.metadata_max_words);
  f("dated_line_max_words", c.dated_line_max_words);
  f("caption_max_words", c.caption_max_words);
  f("chrome_max_words", c.chrome_max_words);
  f("chrome_min_terms", c.chrome_min_terms);
  f("credit_max_words", c.credit_max_words);
  f("author_note_max_words", c.author_note_max_words);
  f("author_note_tail_chars", c.author_note_tail_chars);
  f("above_dateline_max_words", c.above_dateline_max_words);
  f("clean_line_min_words", c.clean_line_min_words);
  f("title_min_words", c.title_min_words);
  f("title_max_words", c.title_max_words);
  f("title_window_lines", c.title_window_lines);
  f("title_min_overlap", c.title_min_overlap);
  f("title_body_lines", c.title_body_lines);
  f("use_line_model", c.use_line_model);
}

template <class F>
void visit_fields(analyze::QuoteConfig& c, F&& f) {
  f("full_min_words", c.full_min_words);
  f("full_always_words", c.full_always_words);
  f("verb_window_after", c.verb_window_after);
  f("verb_window_after_name", c.verb_window_after_name);
  f("name_window_after_verb", c.name_window_after_verb);
  f("pronoun_sentences_back", c.pronoun_sentences_back);
  f("context_tokens", c.context_tokens);
}

template <class F>
void visit_fields(cluster::ClusterConfig& c, F&& f) {
  f("idf_offset", c.idf_offset);
  f("idf_prior_documents", c.idf_prior_documents);
  f("centroid_body_terms", c.centroid_body_terms);
  f("centroid_title_terms", c.centroid_title_terms);
  f("centroid_entity_terms", c.centroid_entity_terms);
  f("centroid_number_terms", c.centroid_number_terms);
  f("weight_title", c.weight_title);
  f("weight_body", c.weight_body);
  f("weight_entities", c.weight_entities);
  f("weight_numbers", c.weight_numbers);
  f("linkage_exponent", c.linkage_exponent);
  f("time_sigma_hours", c.time_sigma_hours);
  f("weight_time", c.weight_time);
  f("join_threshold", c.join_threshold);
  f("relative_threshold", c.relative_threshold);
  f("prior_coherence", c.prior_coherence);
  f("prior_coherence_pairs", c.prior_coherence_pairs);
  f("merge_threshold", c.merge_threshold);
  f("reassign_margin", c.reassign_margin);
  f("orphan_relative_threshold", c.orphan_relative_threshold);
  f("orphan_dominance", c.orphan_dominance);
  f("orphan_max_articles", c.orphan_max_articles);
  f("orphan_min_target", c.orphan_min_target);
  f("refine_rounds", c.refine_rounds);
  f("split_threshold", c.split_threshold);
  f("knn_split_neighbours", c.knn_split_neighbours);
  f("knn_split_min_articles", c.knn_split_min_articles);
  f("knn_split_max_articles", c.knn_split_max_articles);
  f("duplicate_jaccard", c.duplicate_jaccard);
  f("lsh_bands", c.lsh_bands);
  f("lsh_rows", c.lsh_rows);
  f("window_hours", c.window_hours);
  f("index_terms", c.index_terms);
  f("query_terms", c.query_terms);
  f("max_candidates", c.max_candidates);
  f("max_postings_per_term", c.max_postings_per_term);
}

template <class F>
void visit_fields(synth::SynthConfig& c, F&& f) {
  f("clause_split_words", c.clause_split_words);
  f("min_claim_words", c.min_claim_words);
  f("max_claim_words", c.max_claim_words);
  f("entity_weight", c.entity_weight);
  f("number_weight", c.number_weight);
  f("date_weight", c.date_weight);
  f("align_threshold", c.align_threshold);
  f("prefix_length", c.prefix_length);
  f("prefix_weight", c.prefix_weight);
  f("min_shared_predicate_terms", c.min_shared_predicate_terms);
  f("common_word_min_lowercase", c.common_word_min_lowercase);
  f("anchored_align_threshold", c.anchored_align_threshold);
  f("cover_threshold", c.cover_threshold);
  f("cover_min_terms", c.cover_min_terms);
  f("candidate_max_df", c.candidate_max_df);
  f("max_corroborated", c.max_corroborated);
  f("max_single_source", c.max_single_source);
  f("max_single_source_per_article", c.max_single_source_per_article);
  f("novelty_weight", c.novelty_weight);
  f("single_source_max_similarity", c.single_source_max_similarity);
  f("exclusive_number_bonus", c.exclusive_number_bonus);
  f("single_source_shared_terms", c.single_source_shared_terms);
  f("single_source_figure_terms", c.single_source_figure_terms);
  f("single_source_max_cover", c.single_source_max_cover);
  f("single_source_cover_min_words", c.single_source_cover_min_words);
  f("single_source_wide_cover_words", c.single_source_wide_cover_words);
  f("single_source_wide_cover", c.single_source_wide_cover);
  f("disagreement_threshold", c.disagreement_threshold);
  f("rival_articles_min_closeness", c.rival_articles_min_closeness);
  f("number_rivals_min_similarity", c.number_rivals_min_similarity);
  f("number_rivals_close_ratio", c.number_rivals_close_ratio);
  f("number_rivals_close_min_similarity", c.number_rivals_close_min_similarity);
  f("title_claim_min_share", c.title_claim_min_share);
  f("number_tolerance", c.number_tolerance);
  f("max_disagreements", c.max_disagreements);
  f("max_number_mentions", c.max_number_mentions);
  f("person_age_max_years_apart", c.person_age_max_years_apart);
  f("detail_min_similarity", c.detail_min_similarity);
  f("detail_min_shared_context", c.detail_min_shared_context);
  f("detail_context_words", c.detail_context_words);
  f("max_detail_mentions", c.max_detail_mentions);
  f("quote_merge_threshold", c.quote_merge_threshold);
  f("quote_version_min_overlap", c.quote_version_min_overlap);
  f("quote_version_min_shared", c.quote_version_min_shared);
  f("quote_version_min_overlap_larger", c.quote_version_min_overlap_larger);
  f("min_partial_quote_words", c.min_partial_quote_words);
  f("max_quotes", c.max_quotes);
  f("max_quotes_merged", c.max_quotes_merged);
  f("timeline_what_words", c.timeline_what_words);
  f("timeline_merge_threshold", c.timeline_merge_threshold);
  f("max_timeline", c.max_timeline);
  f("summary_min_sentences", c.summary_min_sentences);
  f("summary_max_sentences", c.summary_max_sentences);
  f("summary_max_words", c.summary_max_words);
  f("redundancy_weight", c.redundancy_weight);
  f("duplicate_threshold", c.duplicate_threshold);
  f("position_weight", c.position_weight);
  f("centroid_weight", c.centroid_weight);
  f("support_weight", c.support_weight);
  f("summary_min_words", c.summary_min_words);
  f("summary_max_sentence_words", c.summary_max_sentence_words);
  f("framing_terms", c.framing_terms);
  f("framing_phrase_boost", c.framing_phrase_boost);
  f("framing_prior", c.framing_prior);
  f("framing_min_z", c.framing_min_z);
  f("max_entities", c.max_entities);
  f("max_article_bytes", c.max_article_bytes);
  f("max_story_bytes", c.max_story_bytes);
  f("max_reprints_read", c.max_reprints_read);
}

template <class F>
void visit_fields(fetch::FetchConfig& c, F&& f) {
  f("user_agent", c.user_agent);
  f("robots_agent", c.robots_agent);
  f("obey_robots", c.obey_robots);
  f("robots_max_age_ms", c.robots_max_age_ms);
  f("max_redirects", c.max_redirects);
  f("max_body_bytes", c.max_body_bytes);
  f("connect_timeout_ms", c.connect_timeout_ms);
  f("total_timeout_ms", c.total_timeout_ms);
  f("per_host_delay_ms", c.per_host_delay_ms);
  f("max_crawl_delay_ms", c.max_crawl_delay_ms);
  f("max_retries", c.max_retries);
  f("retry_delay_ms", c.retry_delay_ms);
  f("max_concurrent", c.max_concurrent);
}

template <class F>
void visit_fields(feeds::WatchConfig& c, F&& f) {
  f("every_seconds", c.every_seconds);
  f("parallel_sources", c.parallel_sources);
  f("max_entries", c.max_entries);
  f("max_pages_per_round", c.max_pages_per_round);
  f("pages_per_batch", c.pages_per_batch);
  f("page_attempts", c.page_attempts);
}

template <class F>
void visit_fields(server::ServeConfig& c, F&& f) {
  f("group_max_articles", c.group_max_articles);
  f("group_max_bytes", c.group_max_bytes);
  f("request_thread_nice", c.request_thread_nice);
  f("check_after_answer", c.check_after_answer);
  f("check_stories_per_step", c.check_stories_per_step);
  f("large_story_articles", c.large_story_articles);
  f("large_story_checkers", c.large_story_checkers);
}

// Reads the keys of `j` into `section` (named `name` in messages); the first problem wins.
template <class Section>
std::string read_section(const nlohmann::json& j, const std::string& name, Section& section) {
  if (!j.is_object()) return name + " must be a JSON object";
  std::string error;
  size_t known = 0;
  visit_fields(section, [&](const char* key, auto& field) {
    auto it = j.find(key);
    if (it == j.end() || !error.empty()) return;
    ++known;
    using T = std::decay_t<decltype(field)>;
    const std::string path = name + "." + key;
    if constexpr (std::is_same_v<T, std::string>) {
      if (!it->is_string())
        error = path + " must be a string";
      else
        field = it->template get<std::string>();
    } else if constexpr (std::is_same_v<T, bool>) {
      if (!it->is_boolean())
        error = path + " must be true or false";
      else
        field = it->template get<bool>();
    } else if constexpr (std::is_integral_v<T>) {
      if (!it->is_number_integer()) {
        error = path + " must be an integer";
      } else if (std::is_unsigned_v<T> && !it->is_number_unsigned()) {
        error = path + " must not be negative";
      } else if (it->is_number_unsigned()
                     ? it->template get<uint64_t>() > uint64_t(std::numeric_limits<T>::max())
                     : it->template get<int64_t>() < int64_t(std::numeric_limits<T>::min())) {
        error = path + " is out of range";
      } else {
        field = it->template get<T>();
      }
    } else {
      if (!it->is_number())
        error = path + " must be a number";
      else
        field = it->template get<T>();
    }
  });
  if (!error.empty()) return error;
  if (known != j.size())
    for (const auto& item : j.items()) {
      const std::string key = item.key();  // clang 14 cannot capture a structured binding
      bool found = false;
      visit_fields(section, [&](const char* k, auto&) { found |= key == k; });
      if (!found) return "unknown key " + name + "." + key;
    }
  return {};
}

template <class Section>
nlohmann::ordered_json section_json(Section section) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  visit_fields(section, [&](const char* key, auto& field) { j[key] = field; });
  return j;
}

// Range checks that the types alone do not make.
std::string check_ranges(const Config& c) {
  if (c.threads > 256) return "threads must be 0..256 (0: all cores)";
  const auto& k = c.cluster;
  if (k.lsh_bands <= 0 || k.lsh_rows <= 0 || k.lsh_bands * k.lsh_rows > 112)
    return "cluster.lsh_bands × cluster.lsh_rows must be in 1..112";
  if (k.time_sigma_hours <= 0) return "cluster.time_sigma_hours must be > 0";
  if (c.ingest.max_json_depth < 2) return "ingest.max_json_depth must be at least 2";
  if (c.ingest.max_html_depth < 1) return "ingest.max_html_depth must be at least 1";
  if (c.fetch.user_agent.empty())
    return "fetch.user_agent must not be empty (it names the crawler to the sites)";
  const auto& f = c.fetch;
  for (auto [name, v] : {std::pair{"fetch.max_redirects", f.max_redirects},
                         std::pair{"fetch.connect_timeout_ms", f.connect_timeout_ms},
                         std::pair{"fetch.total_timeout_ms", f.total_timeout_ms},
                         std::pair{"fetch.per_host_delay_ms", f.per_host_delay_ms},
                         std::pair{"fetch.max_crawl_delay_ms", f.max_crawl_delay_ms},
                         std::pair{"fetch.max_retries", f.max_retries},
                         std::pair{"fetch.retry_delay_ms", f.retry_delay_ms},
                         std::pair{"fetch.robots_max_age_ms", f.robots_max_age_ms}})
    if (v < 0) return std::string(name) + " must not be negative";
  if (c.serve.request_thread_nice < 0 || c.serve.request_thread_nice > 19)
    return "serve.request_thread_nice must be 0..19";
  if (c.serve.large_story_articles < 0) return "serve.large_story_articles must be 0 or more";
  if (f.max_body_bytes < 1024) return "fetch.max_body_bytes must be at least 1024";
  if (f.total_timeout_ms < 100) return "fetch.total_timeout_ms must be at least 100";
  const auto& w = c.watch;
  for (auto [name, v] : {std::pair{"fetch.max_concurrent", f.max_concurrent},
                         std::pair{"watch.every_seconds", w.every_seconds},
                         std::pair{"watch.parallel_sources", w.parallel_sources},
                         std::pair{"watch.max_entries", w.max_entries},
                         std::pair{"watch.max_pages_per_round", w.max_pages_per_round},
                         std::pair{"watch.pages_per_batch", w.pages_per_batch},
                         std::pair{"watch.page_attempts", w.page_attempts},
                         std::pair{"serve.group_max_articles", c.serve.group_max_articles},
                         std::pair{"serve.group_max_bytes", c.serve.group_max_bytes},
                         std::pair{"serve.check_stories_per_step", c.serve.check_stories_per_step},
                         std::pair{"serve.large_story_checkers", c.serve.large_story_checkers}})
    if (v < 1) return std::string(name) + " must be at least 1";
  return {};
}

}  // namespace

Expected<Config> parse_config(std::string_view text, const std::string& where) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Error{where, "not a JSON object"};
  Config c;
  std::string error;
  for (const auto& item : j.items()) {
    const std::string key = item.key();
    const nlohmann::json& v = item.value();
    if (!error.empty()) break;
    if (key == "threads") {
      if (!v.is_number_unsigned())
        error = "threads must be a non-negative integer";
      else if (v.get<uint64_t>() > 256)
        error = "threads must be 0..256 (0: all cores)";
      else
        c.threads = v.get<unsigned>();
    } else if (key == "ingest") {
      error = read_section(v, key, c.ingest);
    } else if (key == "extract") {
      if (!v.is_object()) {
        error = "extract must be a JSON object";
        break;
      }
      for (const auto& sub : v.items()) {
        if (!error.empty()) break;
        if (sub.key() == "html")
          error = read_section(sub.value(), "extract.html", c.extract.html);
        else if (sub.key() == "text")
          error = read_section(sub.value(), "extract.text", c.extract.text);
        else
          error = "unknown key extract." + sub.key();
      }
    } else if (key == "analyze") {
      if (!v.is_object()) {
        error = "analyze must be a JSON object";
        break;
      }
      for (const auto& sub : v.items()) {
        if (!error.empty()) break;
        if (sub.key() == "quotes")
          error = read_section(sub.value(), "analyze.quotes", c.quotes);
        else
          error = "unknown key analyze." + sub.key();
      }
    } else if (key == "cluster") {
      error = read_section(v, key, c.cluster);
    } else if (key == "synth") {
      error = read_section(v, key, c.synth);
    } else if (key == "fetch") {
      error = read_section(v, key, c.fetch);
    } else if (key == "watch") {
      error = read_section(v, key, c.watch);
    } else if (key == "serve") {
      error = read_section(v, key, c.serve);
    } else {
      error =
          "unknown key " + key +
          " (sections: threads, ingest, extract, analyze, cluster, synth, fetch, watch, serve; see "
          "docs/config.md)";
    }
  }
  if (error.empty()) error = check_ranges(c);
  if (!error.empty()) return Error{where, error};
  return c;
}

Expected<Config> load_config(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path, "cannot read config file"};
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_config(ss.str(), path);
}

std::string config_json(const Config& c) {
  nlohmann::ordered_json j;
  j["threads"] = c.threads;
  j["ingest"] = section_json(c.ingest);
  j["extract"]["html"] = section_json(c.extract.html);
  j["extract"]["text"] = section_json(c.extract.text);
  j["analyze"]["quotes"] = section_json(c.quotes);
  j["cluster"] = section_json(c.cluster);
  j["synth"] = section_json(c.synth);
  j["fetch"] = section_json(c.fetch);
  j["watch"] = section_json(c.watch);
  j["serve"] = section_json(c.serve);
  return j.dump(2);
}

}  // namespace recoupe::engine
