#include "report/report_json.h"

#include <climits>
#include <utility>

#include "core/json_depth.h"

namespace recoupe::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kMaxDepth = 64;  // a report nests 7 levels; anything deeper is not one

// ---- Writing ----

Json string_or_null(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }
Json null_if_empty(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json article_json(const ReportArticle& a) {
  Json j = Json::object();
  j["id"] = a.id;
  j["file"] = a.file;
  j["source"] = string_or_null(a.source);
  j["url"] = string_or_null(a.url);
  j["title"] = string_or_null(a.title);
  j["published"] = string_or_null(a.published);
  j["language"] = string_or_null(a.language);
  j["words"] = a.words;
  j["duplicate_of"] = string_or_null(a.duplicate_of);
  if (a.text) j["text"] = *a.text;
  return j;
}

Json quote_json(const MergedQuote& q) {
  Json j = Json::object();
  j["speaker"] = null_if_empty(q.speaker);
  j["text"] = q.text;
  j["articles"] = q.articles;
  j["kind"] = q.kind;
  if (!q.variants.empty()) {
    Json vs = Json::array();
    for (const auto& v : q.variants) vs.push_back({{"text", v.text}, {"articles", v.articles}});
    j["variants"] = std::move(vs);
  }
  return j;
}

// The eight sections, in docs/formats.md order. `Sections` is a ReportStory or a CrossCheck:
// both name them alike.
template <class Sections>
void add_sections(const Sections& s, Json& j) {
  Json summary = Json::array();
  for (const auto& x : s.summary) summary.push_back({{"text", x.text}, {"articles", x.articles}});
  j["summary"] = std::move(summary);
  Json corroborated = Json::array();
  for (const auto& c : s.corroborated)
    corroborated.push_back({{"claim", c.claim}, {"articles", c.articles}, {"outlets", c.outlets}});
  j["corroborated"] = std::move(corroborated);
  Json single = Json::array();
  for (const auto& c : s.single_source)
    single.push_back({{"claim", c.claim}, {"article", c.article}, {"articles", c.articles}});
  j["single_source"] = std::move(single);
  Json disagreements = Json::array();
  for (const auto& d : s.disagreements) {
    Json versions = Json::array();
    for (const auto& v : d.versions)
      versions.push_back({{"value", v.value}, {"articles", v.articles}});
    Json item = {{"about", d.about}, {"kind", d.kind}, {"versions", std::move(versions)}};
    if (d.one_outlet) item["one_outlet"] = true;
    disagreements.push_back(std::move(item));
  }
  j["disagreements"] = std::move(disagreements);
  Json quotes = Json::array();
  for (const auto& q : s.quotes) quotes.push_back(quote_json(q));
  j["quotes"] = std::move(quotes);
  Json entities = Json::array();
  for (const auto& e : s.entities)
    entities.push_back({{"name", e.name},
                        {"type", e.type},
                        {"aliases", e.aliases},
                        {"mentions", e.mentions},
                        {"articles", e.articles}});
  j["entities"] = std::move(entities);
  Json timeline = Json::array();
  for (const auto& t : s.timeline)
    timeline.push_back(
        {{"date", t.date}, {"precision", t.precision}, {"what", t.what}, {"articles", t.articles}});
  j["timeline"] = std::move(timeline);
  Json framing = Json::array();
  for (const auto& f : s.framing)
    framing.push_back({{"article", f.article},
                       {"headline", null_if_empty(f.headline)},
                       {"distinctive_terms", f.distinctive_terms}});
  j["framing"] = std::move(framing);
  // Additive: only a story over a limit of the cross-check has notices.
  if (!s.notices.empty()) j["notices"] = s.notices;
  // Additive: only a story with a section past its limit says how many items it left out.
  if (!s.more.empty()) j["more"] = s.more;
}

Json story_json(const ReportStory& s) {
  Json j = Json::object();
  j["id"] = s.id;
  j["title"] = string_or_null(s.title);
  j["language"] = string_or_null(s.language);
  j["event_date"] = string_or_null(s.event_date);
  j["articles"] = s.articles;
  j["sources"] = s.sources;
  if (s.cross_checked) add_sections(s, j);
  return j;
}

// ---- Reading ----
// Each field read is one line: a bad field throws BadField, caught at the entry point and
// returned as an Error (nothing escapes this file).

struct BadField {
  std::string where;
  std::string message;
};

std::string at(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string at(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

class Reader {
 public:
  // obj[key], which must be there.
  static const Json& need(const Json& obj, std::string_view key, const std::string& path) {
    auto it = obj.find(std::string(key));
    if (it == obj.end()) throw BadField{at(path, key), "missing"};
    return *it;
  }

  static const Json* find(const Json& obj, std::string_view key) {
    auto it = obj.find(std::string(key));
    return it == obj.end() ? nullptr : &*it;
  }

  static void expect_object(const Json& v, const std::string& path) {
    if (!v.is_object()) throw BadField{path, "expected an object"};
  }

  static std::string text(const Json& v, const std::string& path) {
    if (!v.is_string()) throw BadField{path, "expected a string"};
    return v.get<std::string>();
  }

  static std::string text(const Json& obj, std::string_view key, const std::string& path) {
    return text(need(obj, key, path), at(path, key));
  }

  // A string or null; null reads as nullopt.
  static std::optional<std::string> nullable(const Json& obj, std::string_view key,
                                             const std::string& path) {
    const Json& v = need(obj, key, path);
    if (v.is_null()) return std::nullopt;
    if (!v.is_string()) throw BadField{at(path, key), "expected a string or null"};
    return v.get<std::string>();
  }

  // Written as null when empty: null reads as "".
  static std::string empty_if_null(const Json& obj, std::string_view key, const std::string& path) {
    return nullable(obj, key, path).value_or("");
  }

  static int count(const Json& v, const std::string& path) {
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > INT_MAX)
      throw BadField{path, "expected a whole number >= 0"};
    return static_cast<int>(v.get<long long>());
  }

  static const Json& list(const Json& v, const std::string& path) {
    if (!v.is_array()) throw BadField{path, "expected an array"};
    return v;
  }

  static std::vector<std::string> strings(const Json& v, const std::string& path) {
    std::vector<std::string> out;
    out.reserve(list(v, path).size());
    for (const Json& x : v) {
      if (!x.is_string()) throw BadField{at(path, out.size()), "expected a string"};
      out.push_back(x.get<std::string>());
    }
    return out;
  }

  static std::vector<std::string> strings(const Json& obj, std::string_view key,
                                          const std::string& path) {
    return strings(need(obj, key, path), at(path, key));
  }

  // obj[key] read by `read(item, item_path)` for each item of the array.
  template <class T, class F>
  static std::vector<T> items(const Json& obj, std::string_view key, const std::string& path,
                              F read) {
    const std::string list_path = at(path, key);
    std::vector<T> out;
    size_t i = 0;
    for (const Json& x : list(need(obj, key, path), list_path)) {
      const std::string item_path = at(list_path, i++);
      expect_object(x, item_path);
      out.push_back(read(x, item_path));
    }
    return out;
  }
};

using R = Reader;

ReportArticle read_article(const Json& j, const std::string& p) {
  ReportArticle a;
  a.id = R::text(j, "id", p);
  a.file = R::text(j, "file", p);
  a.source = R::nullable(j, "source", p);
  if (R::find(j, "url")) a.url = R::nullable(j, "url", p);  // reports before 0.4 lack it
  a.title = R::nullable(j, "title", p);
  a.published = R::nullable(j, "published", p);
  a.language = R::nullable(j, "language", p);
  a.words = R::count(R::need(j, "words", p), at(p, "words"));
  a.duplicate_of = R::nullable(j, "duplicate_of", p);
  if (R::find(j, "text")) a.text = R::text(j, "text", p);
  return a;
}

MergedQuote read_quote(const Json& j, const std::string& p) {
  MergedQuote q;
  q.speaker = R::empty_if_null(j, "speaker", p);
  q.text = R::text(j, "text", p);
  q.articles = R::strings(j, "articles", p);
  q.kind = R::find(j, "kind") ? R::text(j, "kind", p) : "";
  if (R::find(j, "variants"))
    q.variants = R::items<QuoteVariant>(j, "variants", p, [](const Json& v, const std::string& vp) {
      return QuoteVariant{R::text(v, "text", vp), R::strings(v, "articles", vp)};
    });
  return q;
}

constexpr const char* kSections[] = {"summary", "corroborated", "single_source", "disagreements",
                                     "quotes",  "entities",     "timeline",      "framing"};

void read_sections(const Json& j, const std::string& p, ReportStory& s) {
  int present = 0;
  for (const char* key : kSections) present += R::find(j, key) != nullptr;
  if (present == 0) return;
  // Half a cross-check would render as a story whose missing parts found nothing.
  for (const char* key : kSections) R::need(j, key, p);
  s.cross_checked = true;
  s.summary = R::items<SummarySentence>(j, "summary", p, [](const Json& x, const std::string& xp) {
    return SummarySentence{R::text(x, "text", xp), R::strings(x, "articles", xp)};
  });
  s.corroborated =
      R::items<CorroboratedClaim>(j, "corroborated", p, [](const Json& x, const std::string& xp) {
        CorroboratedClaim c{R::text(x, "claim", xp), R::strings(x, "articles", xp)};
        if (const Json* n = R::find(x, "outlets")) c.outlets = R::count(*n, at(xp, "outlets"));
        return c;
      });
  s.single_source =
      R::items<SingleSourceClaim>(j, "single_source", p, [](const Json& x, const std::string& xp) {
        SingleSourceClaim c{R::text(x, "claim", xp), R::text(x, "article", xp), {}};
        if (R::find(x, "articles")) c.articles = R::strings(x, "articles", xp);
        return c;
      });
  s.disagreements =
      R::items<Disagreement>(j, "disagreements", p, [](const Json& x, const std::string& xp) {
        Disagreement d;
        d.about = R::text(x, "about", xp);
        d.kind = R::find(x, "kind") ? R::text(x, "kind", xp) : "";
        if (const Json* one = R::find(x, "one_outlet"); one && one->is_boolean())
          d.one_outlet = one->get<bool>();
        d.versions = R::items<DisagreementVersion>(
            x, "versions", xp, [](const Json& v, const std::string& vp) {
              return DisagreementVersion{R::text(v, "value", vp), R::strings(v, "articles", vp)};
            });
        return d;
      });
  s.quotes = R::items<MergedQuote>(j, "quotes", p, read_quote);
  s.entities = R::items<StoryEntity>(j, "entities", p, [](const Json& x, const std::string& xp) {
    StoryEntity e;
    e.name = R::text(x, "name", xp);
    e.type = R::text(x, "type", xp);
    e.aliases = R::strings(x, "aliases", xp);
    e.mentions = R::count(R::need(x, "mentions", xp), at(xp, "mentions"));
    e.articles = R::strings(x, "articles", xp);
    return e;
  });
  s.timeline = R::items<TimelineEntry>(j, "timeline", p, [](const Json& x, const std::string& xp) {
    TimelineEntry t;
    t.date = R::text(x, "date", xp);
    t.precision = R::find(x, "precision") ? R::text(x, "precision", xp) : "";
    t.what = R::text(x, "what", xp);
    t.articles = R::strings(x, "articles", xp);
    return t;
  });
  s.framing = R::items<ArticleFraming>(j, "framing", p, [](const Json& x, const std::string& xp) {
    return ArticleFraming{R::text(x, "article", xp), R::empty_if_null(x, "headline", xp),
                          R::strings(x, "distinctive_terms", xp)};
  });
  if (R::find(j, "notices")) s.notices = R::strings(j, "notices", p);
  if (const Json* more = R::find(j, "more")) {
    if (!more->is_object()) throw BadField{at(p, "more"), "expected an object"};
    for (const auto& [section, n] : more->items())
      s.more[section] = static_cast<size_t>(R::count(n, at(at(p, "more"), section)));
  }
}

ReportStory read_story(const Json& j, const std::string& p) {
  ReportStory s;
  s.id = R::text(j, "id", p);
  s.title = R::nullable(j, "title", p);
  s.language = R::nullable(j, "language", p);
  s.event_date = R::nullable(j, "event_date", p);
  s.articles = R::strings(j, "articles", p);
  s.sources = R::strings(j, "sources", p);
  read_sections(j, p, s);
  return s;
}

}  // namespace

Json to_json(const Report& report) {
  Json j = Json::object();
  j["articles"] = Json::array();
  for (const ReportArticle& a : report.articles) j["articles"].push_back(article_json(a));
  j["stories"] = Json::array();
  for (const ReportStory& s : report.stories) j["stories"].push_back(story_json(s));
  return j;
}

std::string to_json_text(const Report& report) {
  return to_json(report).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json to_json(const CrossCheck& cc) {
  Json j = Json::object();
  j["title"] = null_if_empty(cc.title);
  j["event_date"] = null_if_empty(cc.event_date);
  add_sections(cc, j);
  return j;
}

Expected<Report> report_from_json(std::string_view text) {
  if (json_depth(text, kMaxDepth) > kMaxDepth)
    return Error{"", "nested deeper than " + std::to_string(kMaxDepth) + " levels: not a report"};
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::exception& e) {
    // Not only parse_error: a number too large for a double ("1E400") is out_of_range.
    return Error{"", std::string("not JSON: ") + e.what()};
  }
  try {
    R::expect_object(doc, "report");
    Report report;
    report.articles = R::items<ReportArticle>(doc, "articles", "", read_article);
    report.stories = R::items<ReportStory>(doc, "stories", "", read_story);
    return report;
  } catch (const BadField& bad) {
    return Error{bad.where, bad.message};
  }
}

}  // namespace recoupe::report
