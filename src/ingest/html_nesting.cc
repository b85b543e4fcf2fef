#include "ingest/html_nesting.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace recoupe::ingest {
namespace {

const std::unordered_set<std::string_view>& void_or_optional_end() {
  // Void elements never nest; these optional-end-tag elements are closed implicitly by their
  // next sibling, so counting them would drift upwards on valid pages.
  static const std::unordered_set<std::string_view> kSet = {
      "area",    "base",   "basefont", "bgsound", "br",     "col",     "embed",
      "frame",   "hr",     "img",      "input",   "keygen", "link",    "meta",
      "param",   "source", "track",    "wbr",     "p",      "li",      "dt",
      "dd",      "option", "optgroup", "tr",      "td",     "th",      "thead",
      "tbody",   "tfoot",  "rt",       "rp",      "rb",     "rtc",     "colgroup",
      "caption", "html",   "head",     "body",    "image",  "menuitem"};
  return kSet;
}

const std::unordered_set<std::string_view>& raw_text() {
  // Their content is text up to the matching end tag: a "<div>" inside a script is not a tag.
  static const std::unordered_set<std::string_view> kSet = {
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"};
  return kSet;
}

const std::unordered_set<std::string_view>& inline_elements() {
  static const std::unordered_set<std::string_view> kSet = {
      "a",    "abbr",   "b",      "bdi", "bdo",  "big",  "cite", "code", "data", "dfn",
      "em",   "font",   "i",      "kbd", "mark", "nobr", "q",    "s",    "samp", "small",
      "span", "strike", "strong", "sub", "sup",  "time", "tt",   "u",    "var"};
  return kSet;
}

bool closes_same_name(std::string_view name) {
  return name == "a" || name == "nobr" || name == "button";
}

size_t find_ci(std::string_view hay, std::string_view needle, size_t from) {
  auto it = std::search(hay.begin() + static_cast<std::ptrdiff_t>(std::min(from, hay.size())),
                        hay.end(), needle.begin(), needle.end(), [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
  return it == hay.end() ? std::string_view::npos : static_cast<size_t>(it - hay.begin());
}

struct Open {
  std::string name;
  bool kept;
};

// One pass over a page that drops the start and end tags nested deeper than max_depth
// (their text stays), tracking open elements as an HTML parser would.
class NestingBounder {
 public:
  NestingBounder(std::string_view html, int max_depth) : html(html), max_depth(max_depth) {}

  // The page with the too-deep tags dropped; `changed` tells whether any was.
  std::string run() {
    size_t i = 0;
    while (i < n) {
      size_t lt = html.find('<', i);
      if (lt == std::string_view::npos || lt + 1 >= n) break;
      i = markup_at(lt);
    }
    if (!changed) return std::string(html);
    out.append(html.data() + copied, html.size() - copied);
    return out;
  }

  bool changed = false;

 private:
  // Handles the markup starting with the '<' at lt; returns where scanning resumes, n to
  // stop (an unterminated comment or tag at the end).
  size_t markup_at(size_t lt) {
    char c = html[lt + 1];
    if (c == '!') {
      size_t end =
          html.compare(lt, 4, "<!--") == 0 ? html.find("-->", lt + 4) : html.find('>', lt + 2);
      if (end == std::string_view::npos) return n;
      return end + 1;
    }
    if (c == '?') {
      size_t end = html.find('>', lt + 2);
      if (end == std::string_view::npos) return n;
      return end + 1;
    }
    bool end_tag = c == '/';
    size_t name_start = lt + (end_tag ? 2 : 1);
    if (name_start >= n || !std::isalpha(static_cast<unsigned char>(html[name_start]))) {
      return lt + 1;  // a literal '<'
    }
    size_t name_end = name_start;
    while (name_end < n && !std::isspace(static_cast<unsigned char>(html[name_end])) &&
           html[name_end] != '/' && html[name_end] != '>')
      ++name_end;
    std::string name(html.substr(name_start, name_end - name_start));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    bool self_closing = false;
    size_t j = tag_close(name_end, self_closing);
    if (j >= n) return n;  // unterminated tag at the end: the parser drops it anyway
    size_t tag_end = j + 1;
    if (end_tag) return end_tag_at(lt, tag_end, name);
    return start_tag_at(lt, tag_end, std::move(name), self_closing);
  }

  // The end of the tag: the first '>' outside a quoted attribute value, from `from`; n when
  // there is none. Sets self_closing when the tag ends with "/>".
  size_t tag_close(size_t from, bool& self_closing) const {
    size_t j = from;
    char prev = ' ';
    while (j < n && html[j] != '>') {
      char ch = html[j];
      if ((ch == '"' || ch == '\'') && prev == '=') {
        size_t q = html.find(ch, j + 1);
        if (q == std::string_view::npos) {
          j = n;
          break;
        }
        j = q + 1;
        prev = ch;
        continue;
      }
      if (!std::isspace(static_cast<unsigned char>(ch))) prev = ch;
      ++j;
    }
    self_closing = prev == '/';
    return j;
  }

  // An end tag [lt, tag_end) of `name`: closes the open elements up to its own, and is
  // dropped when its start tag was.
  size_t end_tag_at(size_t lt, size_t tag_end, const std::string& name) {
    if (!void_or_optional_end().count(name) && open_count.count(name)) {
      if (!close(name)) drop(lt, tag_end, name);
    }
    return tag_end;
  }

  // A start tag [lt, tag_end) of `name`: skips raw-text content and elements that never nest,
  // else opens the element, dropping the tag when it is past max_depth.
  size_t start_tag_at(size_t lt, size_t tag_end, std::string name, bool self_closing) {
    if (raw_text().count(name)) {
      size_t close_tag = find_ci(html, "</" + name, tag_end);
      return close_tag == std::string_view::npos ? n : close_tag;
    }
    if (void_or_optional_end().count(name) || (self_closing && foreign > 0)) {
      return tag_end;
    }
    if (closes_same_name(name) && open_count.count(name)) close(name);
    bool keep = kept_depth < max_depth;
    if (keep)
      ++kept_depth;
    else
      drop(lt, tag_end, name);
    if (name == "svg" || name == "math") ++foreign;
    ++open_count[name];
    stack.push_back({std::move(name), keep});
    return tag_end;
  }

  // Leaves html[from, to) out of the output (a space in its place, unless inline).
  void drop(size_t from, size_t to, std::string_view name) {
    if (!changed) out.reserve(html.size());
    changed = true;
    out.append(html.data() + copied, from - copied);
    if (!inline_elements().count(name)) out += ' ';
    copied = to;
  }

  // Closes the innermost open element.
  void pop() {
    Open& top = stack.back();
    if (top.kept) --kept_depth;
    if (top.name == "svg" || top.name == "math") --foreign;
    if (--open_count[top.name] == 0) open_count.erase(top.name);
    stack.pop_back();
  }

  // Pops up to and including the nearest open `name`; true when the end tag at the top of
  // this run was a kept one.
  bool close(const std::string& name) {
    bool kept = true;
    while (!stack.empty()) {
      bool match = stack.back().name == name;
      kept = stack.back().kept;
      pop();
      if (match) break;
    }
    return kept;
  }

  const std::string_view html;
  const size_t n = html.size();
  const int max_depth;
  std::string out;
  std::vector<Open> stack;
  std::unordered_map<std::string, int> open_count;  // name → entries in `stack`
  int kept_depth = 0;
  int foreign = 0;    // open <svg>/<math>: there "/>" closes an element
  size_t copied = 0;  // html[copied, i) not yet appended to out
};

}  // namespace

std::string bound_html_nesting(std::string_view html, int max_depth, bool* flattened) {
  if (flattened) *flattened = false;
  NestingBounder bounder(html, max_depth);
  std::string out = bounder.run();
  if (flattened) *flattened = bounder.changed;
  return out;
}

}  // namespace recoupe::ingest
