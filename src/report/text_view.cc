#include "report/text_view.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "report/report_index.h"
#include "report/safe_text.h"
#include "report/text_layout.h"
#include "report/view_labels.h"

namespace recoupe::report {
namespace {

using Spans = std::vector<Span>;

// Columns of each level of the layout.
constexpr int kStoryIndent = 3;   // story meta and section headings, under "1. "
constexpr int kItemIndent = 5;    // items of a section
constexpr int kBulletHang = 7;    // continuation lines of a bulleted item
constexpr int kNestedIndent = 9;  // versions of a disagreement, variants of a quote
constexpr int kMinWidth = 20;

class TextRenderer {
 public:
  TextRenderer(const Report& report, const TextViewOptions& options)
      : report_(report),
        options_(options),
        labels_(labels_for(options.lang)),
        index_(report),
        width_(std::max(options.width, kMinWidth)) {}

  std::string render() {
    const std::vector<ReportStory>& stories = report_.stories;
    Spans head = {
        {std::string(labels_.report_title), Style::kBold},
        {" — " +
             count_of(labels_, static_cast<long long>(stories.size()), labels_.story,
                      labels_.stories) +
             " · " +
             count_of(labels_, static_cast<long long>(index_.articles().size()), labels_.article,
                      labels_.articles) +
             " · " + count_of(labels_, index_.outlet_count(), labels_.outlet, labels_.outlets),
         Style::kDim}};
    add(head, 0, 0);
    if (stories.empty()) {
      out_ += "\n";
      add({{std::string(labels_.no_stories)}}, 0, 0);
    }
    int rank = 0;
    for (const ReportStory& story : stories) render_story(story, ++rank);
    return out_;
  }

 private:
  void add(const Spans& spans, int indent, int hang) {
    out_ += wrap(spans, width_, indent, hang, options_.color);
  }

  void rule() {
    std::string line;
    for (int i = 0; i < width_; ++i) line += "─";
    add({{line, Style::kDim}}, 0, 0);
  }

  void heading(std::string_view text) {
    out_ += "\n";
    add({{std::string(text), Style::kHeading}}, kStoryIndent, kStoryIndent);
  }

  // " [1][2]" for these ids (nothing when there are none).
  void cite(Spans& spans, const std::vector<std::string>& ids) const {
    std::string marks;
    for (int n : index_.numbers_of(ids)) marks += "[" + std::to_string(n) + "]";
    if (!marks.empty()) {
      spans.push_back({"\u00A0"});  // markers never start a line alone
      spans.push_back({marks, Style::kCite, false, true});
    }
  }

  std::string outlet_of(const ArticleRef& ref) const {
    return ref.outlet.empty() ? std::string(labels_.unknown_outlet) : ref.outlet;
  }

  std::string join(const std::vector<std::string>& parts, std::string_view sep) const {
    std::string s;
    for (const std::string& p : parts) {
      if (p.empty()) continue;
      if (!s.empty()) s += sep;
      s += p;
    }
    return s;
  }

  std::string quoted(const std::string& text) const {
    const bool french = story_lang_.rfind("fr", 0) == 0;
    // French spacing inside guillemets is a no-break space: "»" never starts a line.
    return french ? "«\u00A0" + text + "\u00A0»" : "“" + text + "”";
  }

  void render_story(const ReportStory& story, int rank) {
    story_lang_ = story.language.value_or("");
    out_ += "\n";
    rule();
    const std::string title = story.title.value_or("");
    const std::string number = std::to_string(rank) + ". ";
    add({{number, Style::kBold},
         {title.empty() ? std::string(labels_.untitled) : title, Style::kBold}},
        0, static_cast<int>(number.size()));

    const std::vector<std::string>& ids = story.articles;
    // Named outlets only: articles of unknown outlet never make the count grow.
    const std::vector<std::string>& outlets = story.sources;
    std::vector<std::string> meta;
    meta.push_back(date_label(labels_, story.event_date.value_or("")));
    meta.push_back(
        count_of(labels_, static_cast<long long>(ids.size()), labels_.article, labels_.articles));
    if (!outlets.empty())
      meta.push_back(count_of(labels_, static_cast<long long>(outlets.size()), labels_.outlet,
                              labels_.outlets) +
                     ": " + join(outlets, ", "));
    meta.push_back(story_lang_);
    add({{join(meta, " · "), Style::kDim}}, kStoryIndent, kStoryIndent);
    for (const std::string& notice : story.notices)
      add({{"! " + notice, Style::kDim}}, kStoryIndent, kStoryIndent + 2);

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
    render_sources(ids);
  }

  // "+7 more (synth.max_corroborated)" under a section cut at its limit: the reader knows
  // the list is not all, and which setting shows the rest.
  void render_more(const ReportStory& story, const std::string& section) {
    auto it = story.more.find(section);
    if (it == story.more.end() || it->second == 0) return;
    add({{"+" + std::to_string(it->second) + " " + std::string(labels_.more) + " (synth.max_" +
              section + ")",
          Style::kDim}},
        kItemIndent, kBulletHang);
  }

  void render_summary(const ReportStory& story) {
    Spans spans;
    for (const SummarySentence& s : story.summary) {
      if (s.text.empty()) continue;
      if (!spans.empty()) spans.push_back({" "});
      spans.push_back({s.text});
      cite(spans, s.articles);
    }
    if (spans.empty()) return;
    heading(labels_.summary);
    add(spans, kItemIndent, kItemIndent);
  }

  void render_corroborated(const ReportStory& story) {
    std::vector<Spans> items;
    for (const CorroboratedClaim& c : story.corroborated) {
      if (c.claim.empty()) continue;
      const std::vector<std::string>& ids = c.articles;
      long long n = index_.claim_outlet_count(c);
      Spans spans = {{"• "}, {c.claim}};
      if (n > 0) {
        spans.push_back({" "});
        spans.push_back({"(" + count_of(labels_, n, labels_.outlet, labels_.outlets) + ")",
                         Style::kAgree, false, true});
      }
      cite(spans, ids);
      items.push_back(std::move(spans));
    }
    list(labels_.corroborated, items);
  }

  void render_single_source(const ReportStory& story) {
    std::vector<Spans> items;
    for (const SingleSourceClaim& c : story.single_source) {
      if (c.claim.empty()) continue;
      const std::vector<std::string> ids =
          c.article.empty() ? c.articles : std::vector<std::string>{c.article};
      Spans spans = {{"• "}, {c.claim}};
      std::vector<std::string> outlets = index_.outlets_of(ids, labels_.unknown_outlet);
      if (!outlets.empty()) spans.push_back({" — " + join(outlets, ", "), Style::kDim});
      cite(spans, ids);
      items.push_back(std::move(spans));
    }
    list(labels_.single_source, items);
  }

  void list(std::string_view title, const std::vector<Spans>& items) {
    if (items.empty()) return;
    heading(title);
    for (const Spans& item : items) add(item, kItemIndent, kBulletHang);
  }

  void render_disagreements(const ReportStory& story) {
    bool any = false;
    for (const Disagreement& d : story.disagreements) {
      if (d.about.empty() && d.versions.empty()) continue;
      if (!any) heading(labels_.disagreements);
      any = true;
      Spans head = {{"• "}, {d.about.empty() ? "?" : d.about, Style::kWarn}};
      if (!d.kind.empty())
        head.push_back({" (" + std::string(kind_label(labels_, d.kind)) + ")", Style::kDim});
      if (d.one_outlet) head.push_back({" (" + std::string(labels_.one_outlet) + ")", Style::kDim});
      add(head, kItemIndent, kBulletHang);
      for (const DisagreementVersion& v : d.versions) {
        const std::vector<std::string>& ids = v.articles;
        Spans spans = {{"▸ "}, {quoted(v.value), Style::kBold}};
        std::vector<std::string> outlets = index_.outlets_of(ids, labels_.unknown_outlet);
        if (!outlets.empty()) spans.push_back({" — " + join(outlets, ", ")});
        cite(spans, ids);
        add(spans, kBulletHang, kNestedIndent);
      }
    }
  }

  void render_quotes(const ReportStory& story) {
    bool any = false;
    for (const MergedQuote& q : story.quotes) {
      if (q.text.empty()) continue;
      if (!any) heading(labels_.quotes);
      any = true;
      Spans spans = {
          {"• "},
          {q.speaker.empty() ? std::string(labels_.unattributed) : q.speaker, Style::kBold},
          {": "},
          {quoted(q.text), Style::kQuote}};
      if (!q.kind.empty())
        spans.push_back({" (" + std::string(kind_label(labels_, q.kind)) + ")", Style::kDim});
      cite(spans, q.articles);
      add(spans, kItemIndent, kBulletHang);
      for (const QuoteVariant& v : q.variants) {
        if (v.text.empty() || v.text == q.text) continue;
        Spans variant = {{"≈ ", Style::kDim}, {quoted(v.text), Style::kQuote}};
        cite(variant, v.articles);
        add(variant, kBulletHang, kNestedIndent);
      }
    }
  }

  void render_entities(const ReportStory& story) {
    struct Group {
      std::string_view type;
      std::string_view label;
      std::vector<const StoryEntity*> items;
    };
    std::vector<Group> groups = {{"person", labels_.people, {}},
                                 {"place", labels_.places, {}},
                                 {"organization", labels_.organizations, {}},
                                 {"", labels_.other_entities, {}}};
    for (const StoryEntity& e : story.entities) {
      if (e.name.empty()) continue;
      std::string_view type =
          e.type == "organisation" ? std::string_view("organization") : std::string_view(e.type);
      auto g = std::find_if(groups.begin(), groups.end() - 1,
                            [&](const Group& x) { return x.type == type; });
      g->items.push_back(&e);
    }
    bool any = false;
    for (const Group& g : groups) {
      if (g.items.empty()) continue;
      if (!any) heading(labels_.entities);
      any = true;
      Spans spans = {{std::string(g.label) + ": ", Style::kBold}};
      int shown = 0;
      for (const StoryEntity* e : g.items) {
        if (shown == options_.max_entities_per_type) break;
        if (shown++ > 0) spans.push_back({" · ", Style::kDim});
        spans.push_back({e->name});
        std::vector<std::string> aliases;
        for (const std::string& a : e->aliases)
          if (!a.empty() && a != e->name) aliases.push_back(a);
        if (!aliases.empty())
          spans.push_back(
              {" (" + std::string(labels_.also_called) + " " + join(aliases, ", ") + ")",
               Style::kDim});
        if (e->mentions > 0) spans.push_back({" ×" + std::to_string(e->mentions), Style::kDim});
      }
      if (static_cast<int>(g.items.size()) > shown)
        spans.push_back(
            {" · +" + std::to_string(g.items.size() - shown) + " " + std::string(labels_.more),
             Style::kDim});
      add(spans, kItemIndent, kBulletHang);
    }
  }

  void render_timeline(const ReportStory& story) {
    struct Entry {
      std::string date;
      const TimelineEntry* item;
    };
    std::vector<Entry> entries;
    int date_width = 0;
    for (const TimelineEntry& t : story.timeline) {
      std::string date = clean_text(t.date);
      if (date.empty() && t.what.empty()) continue;
      if (!t.precision.empty() && t.precision != "day" && !date.empty())
        date += " (" + t.precision + ")";
      if (date.empty()) date = "?";
      date_width = std::max(date_width, display_width(date));
      entries.push_back({std::move(date), &t});
    }
    if (entries.empty()) return;
    heading(labels_.timeline);
    // Dates form a column and continuation lines align with the event text, unless the
    // dates are so wide that the text column would be too narrow.
    const bool column = kItemIndent + date_width + 2 <= width_ / 2;
    for (const Entry& e : entries) {
      const int pad = column ? date_width - display_width(e.date) + 2 : 1;
      Spans spans = {{e.date, Style::kBold},
                     {std::string(static_cast<size_t>(pad), ' '), Style::kPlain, true},
                     {e.item->what}};
      cite(spans, e.item->articles);
      add(spans, kItemIndent, column ? kItemIndent + date_width + 2 : kBulletHang);
    }
  }

  void render_framing(const ReportStory& story) {
    // In citation order, like the sources list; entries naming no known article last.
    std::vector<const ArticleFraming*> entries;
    for (const ArticleFraming& f : story.framing) entries.push_back(&f);
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const ArticleFraming* a, const ArticleFraming* b) {
                       return framing_rank(*a) < framing_rank(*b);
                     });
    bool any = false;
    for (const ArticleFraming* entry : entries) {
      const ArticleFraming& f = *entry;
      std::string headline = f.headline;
      std::vector<std::string> terms;
      for (const std::string& t : f.distinctive_terms)
        if (!t.empty()) terms.push_back(t);
      const ArticleRef* ref = framed_article(f);
      if (headline.empty() && ref) headline = ref->title;
      if (headline.empty() && terms.empty()) continue;
      if (!any) heading(labels_.framing);
      any = true;
      Spans spans;
      if (ref) {
        spans.push_back({"[" + std::to_string(ref->number) + "] ", Style::kCite});
        spans.push_back({outlet_of(*ref), Style::kBold});
        spans.push_back({" — "});
      }
      if (!headline.empty()) spans.push_back({quoted(headline)});
      add(spans, kItemIndent, kNestedIndent);
      if (!terms.empty())
        add({{std::string(labels_.distinctive_terms) + ": ", Style::kDim},
             {join(terms, ", "), Style::kAgree}},
            kNestedIndent, kNestedIndent + 2);
    }
  }

  const ArticleRef* framed_article(const ArticleFraming& f) const {
    return f.article.empty() ? nullptr : index_.find(f.article);
  }

  int framing_rank(const ArticleFraming& f) const {
    const ArticleRef* ref = framed_article(f);
    return ref ? ref->number : 1 << 30;
  }

  void render_sources(const std::vector<std::string>& ids) {
    std::vector<const ArticleRef*> refs;
    for (const std::string& id : ids)
      if (const ArticleRef* ref = index_.find(id)) refs.push_back(ref);
    if (refs.empty()) return;
    heading(labels_.sources);
    for (const ArticleRef* ref : refs) {
      const std::string mark = "[" + std::to_string(ref->number) + "] ";
      Spans spans = {{mark, Style::kCite}, {outlet_of(*ref), Style::kBold}};
      spans.push_back({" — " + (ref->title.empty() ? ref->id : ref->title)});
      std::vector<std::string> meta = {ref->published, ref->language};
      if (std::string m = join(meta, " · "); !m.empty()) spans.push_back({" · " + m, Style::kDim});
      if (!ref->duplicate_of.empty()) {
        const ArticleRef* orig = index_.find(ref->duplicate_of);
        spans.push_back({" (" + std::string(labels_.reprint_of) + " " +
                             (orig ? "[" + std::to_string(orig->number) + "]" : ref->duplicate_of) +
                             ")",
                         Style::kWarn});
      }
      add(spans, kItemIndent, kItemIndent + display_width(mark));
    }
  }

  const Report& report_;
  const TextViewOptions& options_;
  const ViewLabels& labels_;
  ReportIndex index_;
  int width_;
  std::string story_lang_;
  std::string out_;
};

}  // namespace

std::string render_text(const Report& report, const TextViewOptions& options) {
  return TextRenderer(report, options).render();
}

}  // namespace recoupe::report
