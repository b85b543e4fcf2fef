#include "analyze/aliases.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <unordered_set>

#include "analyze/ner_tokens.h"
#include "text/data_dir.h"
#include "text/fold.h"
#include "text/split.h"

namespace recoupe::analyze {
namespace {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

// True when `a` is a contiguous run of `b`'s words and shorter than `b`.
bool is_sub_run(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || a.size() >= b.size()) return false;
  for (size_t k = 0; k + a.size() <= b.size(); ++k)
    if (std::equal(a.begin(), a.end(), b.begin() + static_cast<ptrdiff_t>(k))) return true;
  return false;
}

// One input of the merge: a mention (article level) or an article's entity (story level).
struct Unit {
  std::vector<std::string> surfaces;  // every alias
  std::vector<bool> full;             // per surface: not a short form of another alias
  EntityType type = EntityType::other;
  double votes = 1;
  std::vector<Mention> mentions;
  std::vector<std::string> articles;
  size_t order = 0;  // article index × 2^32 + first byte, for output order
};

struct Group {
  std::vector<size_t> units;
  std::vector<std::string> words;  // keys of the fullest name
  bool known_place = false;
  bool minor_place = false;  // a known place, a city or a town: a surname of a person too
  EntityType type = EntityType::other;
  size_t order = SIZE_MAX;
  size_t parent = SIZE_MAX;  // short form linked to this group
  bool short_form = false;
};

size_t find_root(std::vector<size_t>& uf, size_t x) {
  while (uf[x] != x) x = uf[x] = uf[uf[x]];
  return x;
}

// Units linked by a shared key, before grouping: a union-find over units, and per unit its
// fullest name (keys) and whether a surface is a known place.
struct LinkedUnits {
  std::vector<size_t> uf;
  std::vector<std::vector<std::string>> unit_words;
  std::vector<bool> unit_place;
  std::vector<bool> unit_minor_place;
};

// The merge keys of one full surface (`words` are its name keys): the spelling for everyone;
// places also by gazetteer id and by spelling within places, so that a known place never
// merges with a person of the same name. Sets `known_place` when the gazetteer knows it.
std::vector<std::string> surface_keys(const Unit& unit, const std::string& surface,
                                      const std::vector<std::string>& words, const AliasData& data,
                                      bool& known_place, bool& minor_place) {
  std::vector<std::string> keys;
  std::string spelling = join(words);
  const Place* place = nullptr;
  if ((unit.type == EntityType::place || unit.type == EntityType::other) && data.gazetteer())
    place = data.gazetteer()->find(text::fold_key(surface));
  if (place) {
    keys = {"@" + place->id, "place:" + spelling};
    known_place = true;
    minor_place = place->kind == PlaceKind::city || place->kind == PlaceKind::town;
  } else if (unit.type == EntityType::place) {
    keys = {spelling, "place:" + spelling};
  } else {
    keys = {spelling};
    // A country, region or big city tagged person or organisation ("Washington a
    // affirmé", "Pyongyang souhaite") is the place speaking through its government:
    // it joins the place when the place is named too, the majority type deciding.
    if (data.gazetteer())
      if (const Place* p = data.gazetteer()->find(text::fold_key(surface));
          p && (p->kind == PlaceKind::country || p->kind == PlaceKind::region ||
                p->kind == PlaceKind::big_city))
        keys.push_back("@" + p->id);
  }
  return keys;
}

// Keys of every full surface; union of units sharing one.
LinkedUnits link_units(std::vector<Unit>& units, const AliasData& data) {
  LinkedUnits linked;
  std::vector<size_t>& uf = linked.uf;
  uf.resize(units.size());
  std::iota(uf.begin(), uf.end(), 0);
  std::unordered_map<std::string, size_t> owner;
  std::vector<std::vector<std::string>>& unit_words = linked.unit_words;
  unit_words.resize(units.size());
  linked.unit_place.assign(units.size(), false);
  linked.unit_minor_place.assign(units.size(), false);
  for (size_t u = 0; u < units.size(); ++u) {
    Unit& unit = units[u];
    for (size_t s = 0; s < unit.surfaces.size(); ++s) {
      if (!unit.full[s]) continue;
      std::vector<std::string> words = data.name_keys(unit.surfaces[s]);
      if (words.empty()) continue;
      bool known_place = false, minor_place = false;
      std::vector<std::string> keys =
          surface_keys(unit, unit.surfaces[s], words, data, known_place, minor_place);
      if (known_place) linked.unit_place[u] = true;
      if (minor_place) linked.unit_minor_place[u] = true;
      if (words.size() > unit_words[u].size()) unit_words[u] = words;
      for (const auto& key : keys) {
        auto [it, inserted] = owner.try_emplace(key, u);
        if (!inserted) uf[find_root(uf, u)] = find_root(uf, it->second);
      }
    }
  }
  return linked;
}

// Groups of linked units (units without a name key are left out), with their fullest name
// and first position.
std::vector<Group> group_units(const std::vector<Unit>& units, LinkedUnits& linked) {
  std::vector<size_t>& uf = linked.uf;
  const std::vector<std::vector<std::string>>& unit_words = linked.unit_words;
  const std::vector<bool>& unit_place = linked.unit_place;
  std::vector<Group> groups;
  std::unordered_map<size_t, size_t> group_of_root;
  for (size_t u = 0; u < units.size(); ++u) {
    if (unit_words[u].empty()) continue;
    size_t r = find_root(uf, u);
    auto [it, inserted] = group_of_root.try_emplace(r, groups.size());
    if (inserted) groups.emplace_back();
    Group& g = groups[it->second];
    g.units.push_back(u);
    if (unit_words[u].size() > g.words.size()) g.words = unit_words[u];
    g.known_place = g.known_place || unit_place[u];
    g.minor_place = g.minor_place || linked.unit_minor_place[u];
    g.order = std::min(g.order, units[u].order);
  }
  return groups;
}

// Each group's type: the majority of its units' votes; a tie goes to place when the
// gazetteer knows the name as one (a place tagged a person as often as a place is the place
// speaking through its government: "Washington craint…"), else to the type seen first.
void vote_group_types(std::vector<Group>& groups, const std::vector<Unit>& units) {
  const auto place = static_cast<size_t>(EntityType::place);
  for (Group& g : groups) {
    std::array<double, 4> votes{};
    std::array<size_t, 4> first{SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX};
    for (size_t u : g.units) {
      auto t = static_cast<size_t>(units[u].type);
      votes[t] += units[u].votes;
      first[t] = std::min(first[t], units[u].order);
    }
    auto before = [&](size_t t, size_t best) {
      if (votes[t] != votes[best]) return votes[t] > votes[best];
      if (g.known_place && (t == place || best == place)) return t == place;
      return first[t] < first[best];
    };
    size_t best = 0;
    for (size_t t = 1; t < 4; ++t)
      if (before(t, best)) best = t;
    g.type = static_cast<EntityType>(best);
  }
}

// The group a (possibly short-form) group ends up in, following parent links.
size_t root_of(const std::vector<Group>& groups, size_t g) {
  while (groups[g].parent != SIZE_MAX) g = groups[g].parent;
  return g;
}

// True when `longer` is a two-word name ending with the one word of `short_words`: a given
// name and the short form as family name ("Tyler Hansbrough" for "Hansbrough").
bool ends_two_word_name(const std::vector<std::string>& short_words,
                        const std::vector<std::string>& longer) {
  return short_words.size() == 1 && longer.size() == 2 && longer[1] == short_words[0];
}

// A name opening on titles ("President Obama", "Coach Williams", "Qeshm Governor Mehdi
// Irannejad") joins the one person the words after the titles name: the same words, or the
// end of that person's fuller name ("Obama" of "Barack Obama"; "Manager" is not the end of
// "Manager Ed Stefanski"). The tagger often types such a name an organisation or a place
// ("President Obama" beside "Barack Obama"), which made it an entity of its own and kept the
// bare "Obama" from joining "Barack Obama" (a two-word name of another type ending with it).
// Refused when the words fit two people ("Mr Gomes" beside Gary and Catherine Gomes), and for
// known places ("Prince Edward Island").
void link_titled_names(std::vector<Group>& groups, const AliasData& data) {
  // The words after the title opening each group's name; empty when no title opens it.
  std::vector<std::vector<std::string>> after_title(groups.size());
  for (size_t gi = 0; gi < groups.size(); ++gi)
    after_title[gi] = data.keys_after_title(groups[gi].words);
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    Group& g = groups[gi];
    const std::vector<std::string>& rest = after_title[gi];
    if (g.known_place || g.parent != SIZE_MAX || rest.empty()) continue;
    std::vector<size_t> fits;  // person groups holding the words, no title before them
    for (size_t hi = 0; hi < groups.size(); ++hi)
      if (hi != gi && groups[hi].type == EntityType::person &&
          groups[hi].words.size() >= rest.size() &&
          std::equal(rest.rbegin(), rest.rend(), groups[hi].words.rbegin()) &&
          after_title[hi].empty())
        fits.push_back(hi);
    // The fullest of them: "Obama" is a run of "Barack Obama", one person.
    std::unordered_set<size_t> people;
    for (size_t a : fits) {
      bool inside = false;
      for (size_t b : fits) inside = inside || is_sub_run(groups[a].words, groups[b].words);
      if (!inside) people.insert(a);
    }
    if (people.size() != 1) continue;
    g.parent = *people.begin();
    g.short_form = true;
  }
}

// Short forms join the one longer person name they fit; refused when several fit, or when a
// two-word name of another type (not a known place) ends with the short form: the tagger
// typing "Tyler Hansbrough" an organisation must not send every bare "Hansbrough" to the other
// Hansbrough of the story. Within an article, a surname the tagger typed an organisation, or
// a city or town of the gazetteer written like it ("Obama", "Woodward", "Boras"), joins the
// one person whose name ends with it, named in full before it as news does, when no other name
// of the article holds the word ("Ford" beside "Ford Motor" stays the company; "Gigante"
// before "his brother Louis Gigante" is not Louis); a country, a region or a big city never
// does ("Washington"). Across a story, such a surname is only what each article made of it.
void link_short_forms(std::vector<Group>& groups, bool within_article) {
  std::vector<size_t> by_len(groups.size());
  std::iota(by_len.begin(), by_len.end(), 0);
  std::stable_sort(by_len.begin(), by_len.end(), [&](size_t a, size_t b) {
    return groups[a].words.size() > groups[b].words.size();
  });
  std::vector<size_t> children(groups.size(), 0);  // groups joined to each one so far
  for (const Group& g : groups)
    if (g.parent != SIZE_MAX) ++children[g.parent];
  for (size_t gi : by_len) {
    Group& g = groups[gi];
    if (g.parent != SIZE_MAX) continue;
    const bool surname_only = within_article && g.words.size() == 1 &&
                              (g.type == EntityType::organization || g.minor_place);
    const bool eligible = g.type == EntityType::person || g.type == EntityType::other ||
                          (g.type == EntityType::place && !g.known_place) || surname_only;
    if (!eligible) continue;
    // A surname only by its spelling must end the person's name and be in no other name; so
    // must a name written with a title ("President Trump" makes "Trump" a surname: not the
    // "Trump" of "Trump Tower").
    const bool strict =
        children[gi] > 0 || !(g.type == EntityType::person || g.type == EntityType::other ||
                              (g.type == EntityType::place && !g.known_place));
    std::unordered_set<size_t> roots, rivals;  // person names it fits; other two-word names
    for (size_t hi = 0; hi < groups.size(); ++hi) {
      if (hi == gi || !is_sub_run(g.words, groups[hi].words)) continue;
      size_t r = root_of(groups, hi);
      if (r == gi) continue;  // a titled name joined to this one ("President Obama")
      if (groups[r].type == EntityType::person &&
          (!strict || (groups[hi].words.back() == g.words[0] &&
                       (!surname_only || groups[hi].order < g.order))))
        roots.insert(r);
      else if (strict || (!groups[r].known_place && ends_two_word_name(g.words, groups[hi].words)))
        rivals.insert(r);
    }
    if (roots.size() == 1 && rivals.empty()) {
      g.parent = *roots.begin();
      g.short_form = true;
      ++children[g.parent];
    }
  }
}

// A candidate name of an entity: a full surface, its votes and its first position.
using NameScore = std::pair<std::string, std::pair<double, size_t>>;

// The entity's name: the most voted full surface, then the one with more words, then the
// one seen first. Null when there is none (every surface a short form).
const NameScore* best_name(const std::vector<NameScore>& name_score, const AliasData& data) {
  auto words_of = [&](const std::string& s) { return data.name_keys(s).size(); };
  const std::pair<std::string, std::pair<double, size_t>>* best = nullptr;
  for (const auto& p : name_score) {
    if (!best) {
      best = &p;
      continue;
    }
    if (p.second.first != best->second.first) {
      if (p.second.first > best->second.first) best = &p;
      continue;
    }
    size_t wp = words_of(p.first), wb = words_of(best->first);
    if (wp != wb) {
      if (wp > wb) best = &p;
      continue;
    }
    if (p.second.second < best->second.second) best = &p;
  }
  return best;
}

// The entity of one root group and the groups linked to it (`member_groups`), with its
// first position: aliases and mentions in text order, articles, and its name.
std::pair<size_t, Entity> entity_of(size_t r, const std::vector<size_t>& member_groups,
                                    const std::vector<Group>& groups,
                                    const std::vector<Unit>& units, const AliasData& data) {
  Entity e;
  e.type = groups[r].type;
  size_t order = SIZE_MAX;
  std::vector<NameScore> name_score;  // full surfaces
  std::unordered_set<std::string> seen_alias, seen_article;
  std::vector<std::pair<size_t, std::string>> aliases;  // first order, surface
  std::vector<std::pair<size_t, Mention>> mentions;     // (article, offset) order
  for (size_t gi : member_groups) {
    order = std::min(order, groups[gi].order);
    for (size_t u : groups[gi].units) {
      const Unit& unit = units[u];
      for (const auto& m : unit.mentions)
        mentions.emplace_back(((unit.order >> 32) << 32) + std::min<size_t>(m.begin, 0xffffffffu),
                              m);
      for (const auto& a : unit.articles)
        if (seen_article.insert(a).second) e.articles.push_back(a);
      for (size_t s = 0; s < unit.surfaces.size(); ++s) {
        const std::string& surf = unit.surfaces[s];
        if (seen_alias.insert(surf).second) aliases.emplace_back(unit.order + s, surf);
        if (groups[gi].short_form || !unit.full[s]) continue;
        auto it = std::find_if(name_score.begin(), name_score.end(),
                               [&](const auto& p) { return p.first == surf; });
        double votes = 0;
        for (const auto& m : unit.mentions) votes += m.text == surf ? 1 : 0;
        if (votes == 0) votes = unit.surfaces.size() == 1 ? unit.votes : 1.0;
        if (it == name_score.end())
          name_score.push_back({surf, {votes, unit.order}});
        else {
          it->second.first += votes;
          it->second.second = std::min(it->second.second, unit.order);
        }
      }
    }
  }
  std::stable_sort(aliases.begin(), aliases.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [_, s] : aliases) e.aliases.push_back(std::move(s));
  const NameScore* best = best_name(name_score, data);
  e.name = best ? best->first : (e.aliases.empty() ? std::string() : e.aliases.front());
  // A person is named without the office written before the name: the office is news of its
  // own, told in the sentences.
  if (e.type == EntityType::person) e.name = data.without_titles(e.name);
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [_, m] : mentions) e.mentions.push_back(std::move(m));
  return {order, std::move(e)};
}

// Merges units into entities: units sharing a name key are one group, a group takes its
// majority type, a short form joins the one longer person name it fits; entities come out
// in order of first appearance.
std::vector<Entity> merge_units(std::vector<Unit> units, const AliasData& data,
                                bool within_article) {
  LinkedUnits linked = link_units(units, data);
  std::vector<Group> groups = group_units(units, linked);
  vote_group_types(groups, units);
  link_titled_names(groups, data);
  link_short_forms(groups, within_article);
  // Entities: one per root group.
  std::unordered_map<size_t, std::vector<size_t>> members;
  for (size_t gi = 0; gi < groups.size(); ++gi) members[root_of(groups, gi)].push_back(gi);
  std::vector<size_t> roots;
  for (auto& [r, _] : members) roots.push_back(r);
  std::vector<std::pair<size_t, Entity>> out;
  for (size_t r : roots) out.push_back(entity_of(r, members[r], groups, units, data));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Entity> result;
  result.reserve(out.size());
  for (auto& [_, e] : out) result.push_back(std::move(e));
  return result;
}

}  // namespace

AliasData AliasData::load(const std::string& data_dir, std::shared_ptr<const Gazetteer> gazetteer) {
  AliasData d;
  d.gazetteer_ = std::move(gazetteer);
  for (const std::string& line : text::read_list(data_dir, "aliases", "exonyms.tsv")) {
    std::vector<std::string> names = text::split_non_empty(line, '\t');
    if (names.size() >= 2) d.add_family(names);
  }
  for (const std::string& line : text::read_list(data_dir, "aliases", "titles.txt"))
    d.add_title(line);
  for (const std::string& line : text::read_list(data_dir, "aliases", "openers.txt"))
    d.add_opener(line);
  return d;
}

namespace {

std::vector<std::string> raw_keys(std::string_view name) {
  std::vector<std::string> out;
  // No elision rules: apostrophes cut keys below anyway, so "l'Élysée" gives [l, elisee]
  // whether or not the tokenizer split "l'" off.
  const text::ElisionRules no_elisions;
  for (const auto& t : tokenize_for_ner(name, no_elisions)) {
    if (t.punct) continue;
    // Hyphens and apostrophes separate words too ("Kim-Jong-Un", "d'Ivoire").
    size_t start = 0;
    const std::string& s = t.text;
    for (size_t i = 0; i <= s.size(); ++i) {
      bool sep = i == s.size() || s[i] == '-' || s[i] == '\'' ||
                 (i + 2 < s.size() && s.compare(i, 3, "\xE2\x80\x99") == 0);
      if (!sep) continue;
      std::string k = text::translit_key(std::string_view(s).substr(start, i - start));
      if (!k.empty()) out.push_back(std::move(k));
      start = i + (i < s.size() && s[i] != '-' && s[i] != '\'' ? 3 : 1);
    }
  }
  return out;
}

}  // namespace

void AliasData::add_family(const std::vector<std::string>& names) {
  if (names.empty()) return;
  std::vector<std::string> family = raw_keys(names.front());
  if (family.empty()) return;
  for (const auto& n : names) {
    std::vector<std::string> k = raw_keys(n);
    if (!k.empty()) exonyms_[join(k)] = family;
  }
}

void AliasData::add_title(std::string_view word) {
  for (auto& k : raw_keys(word)) titles_.insert(std::move(k));
}

void AliasData::add_opener(std::string_view word) {
  for (auto& k : raw_keys(word)) openers_.insert(std::move(k));
}

std::vector<std::string> AliasData::keys_after_title(const std::vector<std::string>& keys) const {
  if (keys.size() < 2) return {};
  for (size_t k = keys.size() - 1; k-- > 0;)
    if (titles_.count(keys[k])) return {keys.begin() + static_cast<ptrdiff_t>(k) + 1, keys.end()};
  return {};
}

std::string AliasData::without_titles(std::string_view name) const {
  // Words as written, split at spaces; the name starts after the last one holding a title key.
  std::vector<std::pair<size_t, size_t>> words;  // begin, end
  for (size_t i = 0; i < name.size();) {
    while (i < name.size() && name[i] == ' ') ++i;
    const size_t b = i;
    while (i < name.size() && name[i] != ' ') ++i;
    if (i > b) words.emplace_back(b, i);
  }
  for (size_t w = words.size(); w-- > 1;) {
    for (const auto& k :
         raw_keys(name.substr(words[w - 1].first, words[w - 1].second - words[w - 1].first)))
      if (titles_.count(k)) return std::string(name.substr(words[w].first));
  }
  return std::string(name);
}

std::vector<std::string> AliasData::name_keys(std::string_view name) const {
  std::vector<std::string> words = raw_keys(name);
  if (words.size() > 1 && openers_.count(words.front())) words.erase(words.begin());
  if (exonyms_.empty() || words.empty()) return words;
  if (auto it = exonyms_.find(join(words)); it != exonyms_.end()) return it->second;
  std::vector<std::string> out;
  for (auto& w : words) {
    if (auto it = exonyms_.find(w); it != exonyms_.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
    else
      out.push_back(std::move(w));
  }
  return out;
}

std::vector<Entity> merge_mentions(const std::vector<TypedMention>& mentions,
                                   const AliasData& data) {
  std::vector<Unit> units;
  units.reserve(mentions.size());
  for (const auto& tm : mentions) {
    Unit u;
    u.surfaces = {tm.mention.text};
    u.full = {true};
    u.type = tm.type;
    u.mentions = {tm.mention};
    u.order = tm.mention.begin;
    units.push_back(std::move(u));
  }
  return merge_units(std::move(units), data, /*within_article=*/true);
}

std::vector<Entity> merge_entities(std::vector<std::vector<Entity>> per_article,
                                   const AliasData& data) {
  std::vector<Unit> units;
  for (size_t a = 0; a < per_article.size(); ++a) {
    for (Entity& e : per_article[a]) {
      Unit u;
      std::string article = e.articles.empty() ? std::to_string(a) : e.articles.front();
      u.articles = e.articles.empty() ? std::vector<std::string>{article} : e.articles;
      u.type = e.type;
      u.votes = std::max<double>(1, static_cast<double>(e.mentions.size()));
      size_t first = e.mentions.empty() ? 0 : e.mentions.front().begin;
      u.order = (a << 32) + std::min<size_t>(first, 0xffffffffu);
      for (Mention& m : e.mentions) {
        if (m.article.empty()) m.article = article;
        u.mentions.push_back(std::move(m));
      }
      if (e.aliases.empty()) e.aliases.push_back(e.name);
      std::vector<std::vector<std::string>> keys;
      std::vector<std::vector<std::string>> after_title;  // keys after a title, if one opens
      for (const auto& s : e.aliases) {
        keys.push_back(data.name_keys(s));
        after_title.push_back(data.keys_after_title(keys.back()));
      }
      for (size_t s = 0; s < e.aliases.size(); ++s) {
        bool is_short = false;
        // A titled alias ("President Obama" of "Barack Obama") names no one better either.
        const std::vector<std::string>& untitled = after_title[s];
        for (size_t t = 0; t < keys.size() && !is_short; ++t)
          is_short = t != s && (is_sub_run(keys[s], keys[t]) ||
                                (!untitled.empty() && keys[t].size() >= untitled.size() &&
                                 after_title[t].empty() &&
                                 std::equal(untitled.rbegin(), untitled.rend(), keys[t].rbegin())));
        u.surfaces.push_back(e.aliases[s]);
        u.full.push_back(!is_short);
      }
      units.push_back(std::move(u));
    }
  }
  return merge_units(std::move(units), data, /*within_article=*/false);
}

}  // namespace recoupe::analyze
