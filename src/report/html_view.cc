#include "report/html_view.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "report/report_index.h"
#include "report/safe_text.h"
#include "report/view_labels.h"
#include "report/web_assets.h"

namespace recoupe::report {
namespace {

std::string esc(std::string_view s) { return html_escape(s); }

// A language code usable in a lang attribute (letters, digits, '-'), else "".
std::string lang_code(std::string_view s) {
  if (s.empty() || s.size() > 35) return "";
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return "";
  return std::string(s);
}

class HtmlRenderer {
 public:
  HtmlRenderer(const Report& report, const HtmlViewOptions& options)
      : report_(report), options_(options), labels_(labels_for(options.lang)), index_(report) {}

  std::string render() {
    const std::vector<ReportStory>& stories = report_.stories;
    std::string title = options_.title;
    if (title.empty() && !stories.empty()) title = stories[0].title.value_or("");
    if (title.empty()) title = labels_.report_title;

    out_ += "<!doctype html>\n<html lang=\"" + std::string(labels_.lang) + "\">\n<head>\n";
    out_ += "<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta name=\"generator\" content=\"recoupe\">\n";
    out_ += "<title>" + esc(title) + "</title>\n";
    out_ += "<style>\n";
    out_ += web::kReportCss;
    out_ += "</style>\n</head>\n<body>\n";

    render_header(stories);
    out_ += "<main>\n";
    if (stories.empty()) out_ += "<p>" + esc(labels_.no_stories) + "</p>\n";
    int rank = 0;
    for (const ReportStory& story : stories) render_story(story, ++rank);
    render_articles();
    out_ += "</main>\n<footer><p>" + esc(labels_.footer) + "</p></footer>\n";
    out_ += "<script>\n";
    out_ += web::kReportJs;
    out_ += "</script>\n</body>\n</html>\n";
    return out_;
  }

 private:
  std::string count(long long n, std::string_view one, std::string_view many) const {
    return esc(count_of(labels_, n, one, many));
  }

  void render_header(const std::vector<ReportStory>& stories) {
    out_ += "<header class=\"report-head\">\n<h1>" + esc(labels_.report_title) + "</h1>\n";
    out_ +=
        "<p class=\"counts\">" +
        count(static_cast<long long>(stories.size()), labels_.story, labels_.stories) + " · " +
        count(static_cast<long long>(index_.articles().size()), labels_.article, labels_.articles) +
        " · " + count(index_.outlet_count(), labels_.outlet, labels_.outlets) + "</p>\n";
    if (stories.size() > 1) {
      out_ += "<ol class=\"toc\">\n";
      int rank = 0;
      for (const ReportStory& s : stories) {
        const std::string t = s.title.value_or("");
        out_ += "<li><a href=\"#s" + std::to_string(++rank) + "\">" +
                esc(t.empty() ? labels_.untitled : t) + "</a></li>\n";
      }
      out_ += "</ol>\n";
    }
    out_ += "</header>\n";
  }

  // <span class="cites">&#160;<a href="#a3" title="outlet — headline">[3]</a>...</span>
  std::string cites(const std::vector<std::string>& ids) const {
    std::string links;
    for (int number : index_.numbers_of(ids)) {
      const ArticleRef* ref = &index_.articles()[number - 1];
      std::string tip = outlet_of(*ref);
      if (!ref->title.empty()) tip += " — " + ref->title;
      const std::string n = std::to_string(ref->number);
      links += "<a href=\"#a" + n + "\" title=\"" + esc(tip) + "\">[" + n + "]</a>";
    }
    // The no-break space inside the no-wrap span glues the markers to the preceding word.
    return links.empty() ? "" : "<span class=\"cites\">&#160;" + links + "</span>";
  }

  // `inner` as a link to `url` when it is a web address (http or https only: a report must
  // not carry a "javascript:" link from its input); else `inner` alone.
  static std::string linked(const std::string& url, const std::string& inner) {
    if (!url.starts_with("https://") && !url.starts_with("http://")) return inner;
    return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + inner + "</a>";
  }

  std::string outlet_of(const ArticleRef& ref) const {
    return ref.outlet.empty() ? std::string(labels_.unknown_outlet) : ref.outlet;
  }

  std::string outlets_text(const std::vector<std::string>& ids) const {
    std::string s;
    for (const std::string& o : index_.outlets_of(ids, labels_.unknown_outlet)) {
      if (!s.empty()) s += ", ";
      s += o;
    }
    return s;
  }

  std::string lang_attr(const std::string& lang) const {
    std::string code = lang_code(lang);
    return code.empty() ? "" : " lang=\"" + code + "\"";
  }

  void section_open(std::string_view cls, std::string_view heading) {
    out_ += "<section class=\"" + std::string(cls) + "\">\n<h3>" + esc(heading) + "</h3>\n";
  }

  void render_story(const ReportStory& story, int rank) {
    story_lang_ = lang_attr(story.language.value_or(""));
    const std::string title = story.title.value_or("");
    out_ += "<article class=\"story\" id=\"s" + std::to_string(rank) + "\">\n";
    out_ += "<h2><span class=\"rank\">" + std::to_string(rank) + ".</span><span" + story_lang_ +
            ">" + esc(title.empty() ? labels_.untitled : title) + "</span></h2>\n";

    const std::vector<std::string>& ids = story.articles;
    // Named outlets only: articles of unknown outlet never make the count grow.
    const std::vector<std::string>& outlets = story.sources;
    std::vector<std::string> meta;
    if (std::string date = story.event_date.value_or(""); !date.empty())
      meta.push_back(date.starts_with("XXXX-")  // a yearless date string is valid HTML ("07-02")
                         ? "<time datetime=\"" + esc(date.substr(5)) + "\">" +
                               esc(date_label(labels_, date)) + "</time>"
                         : "<time datetime=\"" + esc(date) + "\">" + esc(date) + "</time>");
    meta.push_back(count(static_cast<long long>(ids.size()), labels_.article, labels_.articles));
    if (!outlets.empty()) {
      std::string o =
          count(static_cast<long long>(outlets.size()), labels_.outlet, labels_.outlets) + ": ";
      for (size_t i = 0; i < outlets.size(); ++i)
        o += (i ? ", " : "") + std::string("<span class=\"outlet\">") + esc(outlets[i]) + "</span>";
      meta.push_back(o);
    }
    if (std::string lang = story.language.value_or(""); !lang.empty()) meta.push_back(esc(lang));
    out_ += "<p class=\"meta\">";
    for (size_t i = 0; i < meta.size(); ++i) out_ += (i ? " · " : "") + meta[i];
    out_ += "</p>\n";
    for (const std::string& notice : story.notices)
      out_ += "<p class=\"meta notice\">" + esc(notice) + "</p>\n";

    render_summary(story);
    render_corroborated(story);
    render_more(story, "corroborated");
    render_single_source(story);
    render_more(story, "single_source");
    render_disagreements(story);
    render_more(story, "disagreements");
    render_quotes(story);
    render_more(story, "quotes");
    render_entities(story);
    render_more(story, "entities");
    render_timeline(story);
    render_more(story, "timeline");
    render_framing(story);
    render_story_sources(ids);
    out_ += "</article>\n";
  }

  void render_summary(const ReportStory& story) {
    std::string body;
    for (const SummarySentence& s : story.summary) {
      if (s.text.empty()) continue;
      if (!body.empty()) body += " ";
      body += esc(s.text) + cites(s.articles);
    }
    if (body.empty()) return;
    section_open("summary", labels_.summary);
    out_ += "<p" + story_lang_ + ">" + body + "</p>\n</section>\n";
  }

  // "+7 more (synth.max_corroborated)" under a section cut at its limit.
  void render_more(const ReportStory& story, const std::string& section) {
    auto it = story.more.find(section);
    if (it == story.more.end() || it->second == 0) return;
    out_ += "<p class=\"meta more\">+" + std::to_string(it->second) + " " +
            esc(std::string(labels_.more)) + " (synth.max_" + esc(section) + ")</p>\n";
  }

  void render_corroborated(const ReportStory& story) {
    std::string items;
    for (const CorroboratedClaim& c : story.corroborated) {
      if (c.claim.empty()) continue;
      const std::vector<std::string>& ids = c.articles;
      long long n = index_.claim_outlet_count(c);
      items += "<li><span" + story_lang_ + ">" + esc(c.claim) + "</span>";
      if (n > 0)
        items += " <span class=\"badge\" title=\"" + esc(outlets_text(ids)) + "\">" +
                 count(n, labels_.outlet, labels_.outlets) + "</span>";
      items += cites(ids) + "</li>\n";
    }
    if (items.empty()) return;
    section_open("agreed", labels_.corroborated);
    out_ += "<ul class=\"claims\">\n" + items + "</ul>\n</section>\n";
  }

  void render_single_source(const ReportStory& story) {
    std::string items;
    for (const SingleSourceClaim& c : story.single_source) {
      if (c.claim.empty()) continue;
      const std::vector<std::string> ids =
          c.article.empty() ? c.articles : std::vector<std::string>{c.article};
      items += "<li><span" + story_lang_ + ">" + esc(c.claim) + "</span>";
      if (std::string o = outlets_text(ids); !o.empty())
        items += " <span class=\"badge\">" + esc(o) + "</span>";
      items += cites(ids) + "</li>\n";
    }
    if (items.empty()) return;
    section_open("single", labels_.single_source);
    out_ += "<ul class=\"claims\">\n" + items + "</ul>\n</section>\n";
  }

  void render_disagreements(const ReportStory& story) {
    std::string body;
    for (const Disagreement& d : story.disagreements) {
      if (d.about.empty() && d.versions.empty()) continue;
      // A quote in two wordings is set apart from facts in dispute (class "wording").
      body += std::string("<div class=\"disagreement") + (d.kind == "quote" ? " wording" : "") +
              "\">\n<p class=\"about\"><span" + story_lang_ + ">" +
              esc(d.about.empty() ? "?" : d.about) + "</span>";
      if (!d.kind.empty())
        body += " <span class=\"tag\">" + esc(std::string(kind_label(labels_, d.kind))) + "</span>";
      if (d.one_outlet)
        body += " <span class=\"tag\">" + esc(std::string(labels_.one_outlet)) + "</span>";
      body += "</p>\n<ul class=\"versions\">\n";
      for (const DisagreementVersion& v : d.versions) {
        const std::vector<std::string>& ids = v.articles;
        body += "<li><q class=\"value\"" + story_lang_ + ">" + esc(v.value) + "</q>";
        if (std::string o = outlets_text(ids); !o.empty())
          body += " <span class=\"who\">— " + esc(o) + "</span>";
        body += cites(ids) + "</li>\n";
      }
      body += "</ul>\n</div>\n";
    }
    if (body.empty()) return;
    section_open("differ", labels_.disagreements);
    out_ += body + "</section>\n";
  }

  void render_quotes(const ReportStory& story) {
    std::string body;
    for (const MergedQuote& q : story.quotes) {
      if (q.text.empty()) continue;
      body += "<figure class=\"quote\">\n<blockquote" + story_lang_ + "><p>" + esc(q.text) +
              "</p></blockquote>\n<figcaption>— <span class=\"speaker\">" +
              esc(q.speaker.empty() ? labels_.unattributed : q.speaker) + "</span>";
      if (!q.kind.empty())
        body += " <span class=\"tag\">" + esc(std::string(kind_label(labels_, q.kind))) + "</span>";
      body += cites(q.articles) + "</figcaption>\n";
      std::string variants;
      int n = 0;
      for (const QuoteVariant& v : q.variants) {
        if (v.text.empty() || v.text == q.text) continue;
        ++n;
        variants +=
            "<li><q" + story_lang_ + ">" + esc(v.text) + "</q>" + cites(v.articles) + "</li>\n";
      }
      if (n > 0)
        body += "<details class=\"variants\"><summary>" + esc(labels_.other_wordings) + " (" +
                std::to_string(n) + ")</summary>\n<ul>\n" + variants + "</ul>\n</details>\n";
      body += "</figure>\n";
    }
    if (body.empty()) return;
    section_open("quotes", labels_.quotes);
    out_ += body + "</section>\n";
  }

  void render_entities(const ReportStory& story) {
    struct Group {
      std::string_view type;
      std::string_view label;
      std::string chips;
    };
    std::vector<Group> groups = {{"person", labels_.people, {}},
                                 {"place", labels_.places, {}},
                                 {"organization", labels_.organizations, {}},
                                 {"other", labels_.other_entities, {}}};
    for (const StoryEntity& e : story.entities) {
      const std::string& name = e.name;
      if (name.empty()) continue;
      std::string_view type =
          e.type == "organisation" ? std::string_view("organization") : std::string_view(e.type);
      auto g = std::find_if(groups.begin(), groups.end() - 1,
                            [&](const Group& x) { return x.type == type; });
      std::vector<std::string> aliases;
      for (const std::string& a : e.aliases)
        if (!a.empty() && a != name) aliases.push_back(a);
      std::string tip;
      for (const std::string& a : aliases) tip += (tip.empty() ? "" : ", ") + a;
      if (!tip.empty()) tip = std::string(labels_.also_called) + ": " + tip;
      const int mentions = e.mentions;
      const std::vector<std::string>& ids = e.articles;
      std::string facts;
      if (mentions > 0) facts = count_of(labels_, mentions, labels_.mention, labels_.mentions);
      if (!ids.empty())
        facts += (facts.empty() ? "" : ", ") + count_of(labels_, static_cast<long long>(ids.size()),
                                                        labels_.article, labels_.articles);
      if (!facts.empty()) tip += (tip.empty() ? "" : " · ") + facts;
      g->chips += "<li class=\"chip " + std::string(g->type) + "\"" +
                  (tip.empty() ? "" : " title=\"" + esc(tip) + "\"") + ">" + esc(name);
      if (mentions > 0) g->chips += "<span class=\"n\">" + std::to_string(mentions) + "</span>";
      g->chips += "</li>\n";
    }
    std::string body;
    for (const Group& g : groups)
      if (!g.chips.empty())
        body += "<h4>" + esc(g.label) + "</h4>\n<ul class=\"chips\">\n" + g.chips + "</ul>\n";
    if (body.empty()) return;
    section_open("entities", labels_.entities);
    out_ += body + "</section>\n";
  }

  void render_timeline(const ReportStory& story) {
    std::string items;
    for (const TimelineEntry& t : story.timeline) {
      const std::string& what = t.what;
      const std::string& date = t.date;
      if (what.empty() && date.empty()) continue;
      items +=
          "<li><time datetime=\"" + esc(date) + "\">" + esc(date.empty() ? "?" : date) + "</time>";
      if (!t.precision.empty() && t.precision != "day")
        items += "<span class=\"precision\">(" + esc(t.precision) + ")</span> ";
      items += "<span" + story_lang_ + ">" + esc(what) + "</span>" + cites(t.articles) + "</li>\n";
    }
    if (items.empty()) return;
    section_open("timeline-part", labels_.timeline);
    out_ += "<ol class=\"timeline\">\n" + items + "</ol>\n</section>\n";
  }

  void render_framing(const ReportStory& story) {
    // In citation order, like the article list; entries naming no known article last.
    auto article_of = [&](const ArticleFraming& f) {
      return f.article.empty() ? nullptr : index_.find(f.article);
    };
    auto rank = [&](const ArticleFraming& f) {
      const ArticleRef* ref = article_of(f);
      return ref ? ref->number : 1 << 30;
    };
    std::vector<const ArticleFraming*> entries;
    for (const ArticleFraming& f : story.framing) entries.push_back(&f);
    std::stable_sort(
        entries.begin(), entries.end(),
        [&](const ArticleFraming* a, const ArticleFraming* b) { return rank(*a) < rank(*b); });
    std::string rows;
    for (const ArticleFraming* entry : entries) {
      const ArticleFraming& f = *entry;
      const ArticleRef* ref = article_of(f);
      std::string headline = f.headline;
      if (headline.empty() && ref) headline = ref->title;
      std::vector<std::string> terms;
      for (const std::string& t : f.distinctive_terms)
        if (!t.empty()) terms.push_back(t);
      if (headline.empty() && terms.empty()) continue;
      rows += "<tr><th scope=\"row\">";
      if (ref)
        rows +=
            "<a href=\"#a" + std::to_string(ref->number) + "\">" + esc(outlet_of(*ref)) + "</a>";
      rows += "</th><td><div class=\"headline\"" + story_lang_ + ">" + esc(headline) + "</div>";
      if (!terms.empty()) {
        rows += "<div class=\"terms\" aria-label=\"" + esc(labels_.distinctive_terms) + "\">";
        for (const std::string& term : terms)
          rows += "<span class=\"term\"" + story_lang_ + ">" + esc(term) + "</span>";
        rows += "</div>";
      }
      rows += "</td></tr>\n";
    }
    if (rows.empty()) return;
    section_open("framing", labels_.framing);
    out_ += "<table>\n<tbody>\n" + rows + "</tbody>\n</table>\n</section>\n";
  }

  // The story's articles, one line each, linking to the full entries at the bottom.
  void render_story_sources(const std::vector<std::string>& ids) {
    std::string items;
    for (int number : index_.numbers_of(ids)) {
      const ArticleRef& a = index_.articles()[number - 1];
      const std::string n = std::to_string(number);
      items += "<li><a href=\"#a" + n + "\">[" + n + "]</a> <span class=\"outlet\">" +
               esc(outlet_of(a)) + "</span> — <cite" + lang_attr(a.language) + ">" +
               esc(a.title.empty() ? a.id : a.title) + "</cite>";
      if (!a.published.empty()) items += " <span class=\"date\">" + esc(a.published) + "</span>";
      items += "</li>\n";
    }
    if (items.empty()) return;
    section_open("story-sources", labels_.sources);
    out_ += "<ul>\n" + items + "</ul>\n</section>\n";
  }

  static std::string paragraphs(const std::string& text) {
    std::string out;
    std::string clean = clean_text(text, true);
    size_t start = 0;
    while (start <= clean.size()) {
      size_t end = clean.find('\n', start);
      if (end == std::string::npos) end = clean.size();
      std::string_view line(clean.data() + start, end - start);
      if (line.find_first_not_of(' ') != std::string_view::npos)
        out += "<p>" + esc(line) + "</p>\n";
      start = end + 1;
    }
    return out;
  }

  void render_articles() {
    const auto& articles = index_.articles();
    if (articles.empty()) return;
    out_ += "<section class=\"articles\" id=\"articles\">\n<h2>" + esc(labels_.articles_heading) +
            "</h2>\n<ol>\n";
    for (const ArticleRef& a : articles) {
      const std::string n = std::to_string(a.number);
      out_ += "<li id=\"a" + n + "\"><span class=\"num\">[" + n +
              "]</span><span class=\"outlet\">" + esc(outlet_of(a)) + "</span> — " +
              linked(a.url, "<cite" + lang_attr(a.language) + ">" +
                                esc(a.title.empty() ? a.id : a.title) + "</cite>") +
              "\n<span class=\"facts\">";
      std::vector<std::string> facts;
      if (!a.published.empty())
        facts.push_back("<time datetime=\"" + esc(a.published) + "\">" + esc(a.published) +
                        "</time>");
      if (!a.language.empty()) facts.push_back(esc(a.language));
      if (a.words >= 0) facts.push_back(count(a.words, labels_.word, labels_.words));
      if (!a.title.empty()) facts.push_back("<span class=\"file\">" + esc(a.id) + "</span>");
      if (!a.duplicate_of.empty()) {
        const ArticleRef* orig = index_.find(a.duplicate_of);
        std::string target = orig ? "<a href=\"#a" + std::to_string(orig->number) + "\">[" +
                                        std::to_string(orig->number) + "]</a>"
                                  : esc(a.duplicate_of);
        facts.push_back("<span class=\"dup\">" + esc(labels_.reprint_of) + " " + target +
                        "</span>");
      }
      for (size_t i = 0; i < facts.size(); ++i) out_ += (i ? " · " : "") + facts[i];
      out_ += "</span>\n";
      if (a.text != nullptr)
        out_ += "<details><summary>" + esc(labels_.full_text) +
                "</summary>\n<div class=\"fulltext\"" + lang_attr(a.language) + ">\n" +
                paragraphs(*a.text) + "</div>\n</details>\n";
      out_ += "</li>\n";
    }
    out_ += "</ol>\n</section>\n";
  }

  const Report& report_;
  const HtmlViewOptions& options_;
  const ViewLabels& labels_;
  ReportIndex index_;
  std::string story_lang_;  // ' lang="fr"' for the current story's text, or ""
  std::string out_;
};

}  // namespace

std::string render_html(const Report& report, const HtmlViewOptions& options) {
  return HtmlRenderer(report, options).render();
}

}  // namespace recoupe::report
