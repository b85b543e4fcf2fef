#include "analyze/entities.h"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include "analyze/ner_corpus.h"
#include "text/calendar_words.h"
#include "text/data_dir.h"
#include "text/fold.h"

namespace recoupe::analyze {
namespace {
namespace fs = std::filesystem;

EntityType to_entity_type(NerType t) {
  switch (t) {
    case kPer:
      return EntityType::person;
    case kLoc:
      return EntityType::place;
    case kOrg:
      return EntityType::organization;
    default:
      return EntityType::other;
  }
}

bool in_run(const NerToken& t) { return t.cap && t.alpha; }

// Share of capitalised words inside sentences above which a text capitalises common nouns:
// names alone make 5–15 % of the words inside sentences in news prose; German nouns push
// the share past 25 %.
constexpr double kNounCapitalShare = 0.18;
// Fewer words inside sentences than this do not tell (a sentence dense with names): such a
// short text is not continued.
constexpr size_t kNounCapitalMinWords = 60;

// True when the text capitalises common nouns too (German; old or OCR'd print), which shows
// as a high share of capitalised words inside sentences, or is too short to tell.
bool may_capitalise_nouns(const std::vector<NerToken>& toks) {
  size_t inner = 0, inner_cap = 0;
  for (const NerToken& t : toks)
    if (t.alpha && !t.sent_start) {
      ++inner;
      inner_cap += t.cap ? 1 : 0;
    }
  return inner < kNounCapitalMinWords || inner_cap > kNounCapitalShare * static_cast<double>(inner);
}

// Type for a capitalised run from the cues around it: person before organization before
// place before other, as a title ("le président") is the most specific of them.
int cue_type(uint8_t before, uint8_t after) {
  for (uint8_t mask : {before, after})
    for (NerType t : {kPer, kOrg, kLoc, kMisc})
      if (mask & (1u << t)) return t;
  return -1;
}

std::vector<uint8_t> rule_tags(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
                               const std::string& lang, const EntityResources& res, bool use_cues) {
  std::vector<uint8_t> tags(toks.size(), 0);
  for (size_t i = 0; i < toks.size();) {
    if (!in_run(toks[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < toks.size() && in_run(toks[j])) ++j;
    size_t b = i;
    while (b < j && res.is_stopword(lang, toks[b].lower)) ++b;
    size_t e = j;
    if (b < e && ann[b].place && b + ann[b].place_len >= e) e = b + ann[b].place_len;
    int type = -1;
    if (b < e) {
      if (ann[b].place && b + ann[b].place_len == e)
        type = kLoc;
      else if (use_cues)
        type = cue_type(ann[b].cue_before, ann[b].cue_after);
      bool lone_start = e - b == 1 && toks[b].sent_start;
      if (lone_start && type < 0) b = e;  // an ordinary capitalised first word
      if (type < 0) type = kMisc;
    }
    for (size_t k = b; k < e; ++k)
      tags[k] = static_cast<uint8_t>(k == b ? begin_tag(static_cast<NerType>(type))
                                            : inside_tag(static_cast<NerType>(type)));
    i = std::max(j, e);
  }
  return tags;
}

}  // namespace

Expected<EntityResources> EntityResources::load(const std::string& data_dir,
                                                const text::StopWordCatalog& stop_words,
                                                const text::ElisionRules& elisions) {
  EntityResources r;
  auto gaz = Gazetteer::load(data_dir + "/gazetteer/places.tsv.zst");
  if (!gaz) return gaz.error();
  r.gazetteer_ = std::make_shared<const Gazetteer>(std::move(*gaz));
  r.aliases_ = AliasData::load(data_dir, r.gazetteer_);
  r.elisions_ = &elisions;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir + "/ner", ec)) {
    if (entry.path().extension() != ".model") continue;
    auto m = NerModel::load(entry.path().string());
    if (!m) return m.error();
    r.models_.emplace(entry.path().stem().string(), std::move(*m));
  }
  for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
    std::string lang = entry.path().filename().string();
    if (!entry.is_directory() || lang.size() < 2 || lang.size() > 3) continue;
    NerCues cues = NerCues::load(data_dir, lang, elisions);
    if (!cues.empty()) r.cues_.emplace(lang, std::move(cues));
    for (auto& w : text::read_list(data_dir, lang, "org_heads.txt"))
      r.org_heads_.insert(text::lower_case(w));
    PersonRoles roles = PersonRoles::load(data_dir, lang);
    if (!roles.empty()) r.person_roles_.emplace(lang, std::move(roles));
    for (auto& w : text::read_list(data_dir, lang, "street_heads.txt"))
      r.street_heads_[lang].insert(text::lower_case(w));
    for (const auto& forms : text::read_calendar_words(data_dir, lang).weekdays)
      if (!forms.empty()) r.weekdays_[lang].insert(text::lower_case(forms.front()));
    const auto& words = stop_words.broad(lang);
    if (!words.empty()) {
      auto& set = r.stopwords_[lang];
      for (auto& w : words) set.insert(text::lower_case(w));
    }
  }
  return r;
}

const NerModel* EntityResources::model(const std::string& lang) const {
  auto it = models_.find(lang);
  return it == models_.end() ? nullptr : &it->second;
}

const NerCues& EntityResources::cues(const std::string& lang) const {
  auto it = cues_.find(lang);
  return it == cues_.end() ? no_cues_ : it->second;
}

bool EntityResources::is_stopword(const std::string& lang, const std::string& lower) const {
  auto it = stopwords_.find(lang);
  return it != stopwords_.end() && it->second.count(lower) > 0;
}

bool EntityResources::is_street_head(const std::string& lang, const std::string& lower) const {
  auto it = street_heads_.find(lang);
  return it != street_heads_.end() && it->second.count(lower) > 0;
}

bool EntityResources::is_weekday(const std::string& lang, const std::string& lower) const {
  auto it = weekdays_.find(lang);
  return it != weekdays_.end() && it->second.count(lower) > 0;
}

const PersonRoles& EntityResources::person_roles(const std::string& lang) const {
  auto it = person_roles_.find(lang);
  return it == person_roles_.end() ? no_roles_ : it->second;
}

std::vector<std::string> EntityResources::model_languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, _] : models_) out.push_back(lang);
  return out;
}

std::vector<uint8_t> tag_tokens(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
                                const std::string& lang, const EntityResources& res,
                                NerMethod method) {
  if (method == NerMethod::automatic)
    if (const NerModel* m = res.model(lang)) return m->tag(toks, ann);
  return rule_tags(toks, ann, lang, res, method != NerMethod::baseline);
}

namespace {

bool is_elision_token(const NerToken& t) {
  return t.lower.size() <= 8 && (t.lower.ends_with("'") || t.lower.ends_with("\xE2\x80\x99"));
}

// Punctuation that never stands inside a name ("Kremlin, Dmitri Peskov" is two names).
bool is_separator(const NerToken& t) {
  return t.punct && !(t.text == "-" || t.text == "." || t.text == "&" || t.text == "'" ||
                      t.text == "\xE2\x80\x99");
}

// A hyphenated name whose first part is a given name ("Kim-Jong-Un", "Jean-Luc") is a
// person's, whatever the words around it suggest ("Kim-Jong-Un en Russie").
bool opens_on_given_name(const NerToken& t, const NerCues& cues) {
  size_t hyphen = t.lower.find('-');
  return t.cap && hyphen != std::string::npos && hyphen > 0 &&
         cues.is_given_name(t.lower.substr(0, hyphen));
}

// A stop word or an elision between a title and a name makes the name the title's
// complement, not its holder: "secrétaire d'État", "ministre de la Justice" name an office.
// A title one word away counts only through another word ("le président russe Poutine").
bool links_a_complement(const NerToken& between, const std::string& lang,
                        const EntityResources& res) {
  return is_elision_token(between) || res.is_stopword(lang, between.lower);
}

// The type of span [b, e) once its context is weighed against the tagger's guess: a
// title or an organisation cue right before the name ("le président", "porte-parole du",
// "le" right before a name that is no known place: persons take no article) decides between
// person and organisation; a name of two or three words starting with a given name is a
// person. Weak place cues ("à", "in") never override the tagger.
NerType retype(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
               const std::string& lang, const EntityResources& res, size_t b, size_t e,
               NerType type) {
  const NerCues& cues = res.cues(lang);
  bool known_place = ann[b].place && b + ann[b].place_len == e;
  if (known_place) return type;
  constexpr uint8_t kPerOrg = (1u << kPer) | (1u << kOrg);
  uint8_t mask = ann[b].cue_before & kPerOrg;
  if (ann[b].run == 2 || ann[b].run == 4 || (b > 0 && links_a_complement(toks[b - 1], lang, res)))
    mask = cues.before_mask(toks, b) & kPerOrg;
  // An organisation cue one word away ("le" in "le petit Durand", "l'abbé Faria") does not
  // overrule a person: the word between is what the article belongs to.
  if (type == kPer && !(cues.before_mask(toks, b) & (1u << kOrg))) mask &= ~(1u << kOrg);
  uint8_t strong = cues.before_mask(toks, b, 2) & kPerOrg;
  auto single = [](uint8_t m) { return m == (1u << kPer) || m == (1u << kOrg); };
  if (single(strong)) return strong == (1u << kPer) ? kPer : kOrg;
  if (single(mask) && type != kLoc) return mask == (1u << kPer) ? kPer : kOrg;
  if (type != kPer && ann[b].given && e - b >= 2 && e - b <= 3) return kPer;
  if (type != kPer && e - b == 1 && opens_on_given_name(toks[b], cues)) return kPer;
  return type;
}

bool is_major_place(const Place* p) {
  return p && (p->kind == PlaceKind::country || p->kind == PlaceKind::region ||
               p->kind == PlaceKind::big_city);
}

// The name toks[b, e) is a person's by the apposition after it ("Rama Yade, secrétaire
// d'État", person_roles.h), unless the whole name is a country or region of the gazetteer
// ("la France, premier fournisseur": a country is no person, whatever follows it).
bool person_by_apposition(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
                          size_t b, size_t e, const std::string& lang, const EntityResources& res) {
  const Place* p = ann[b].place;
  if (p && b + ann[b].place_len == e &&
      (p->kind == PlaceKind::country || p->kind == PlaceKind::region))
    return false;
  bool announced =
      b > 0 && (res.is_stopword(lang, toks[b - 1].lower) || is_elision_token(toks[b - 1]));
  return res.person_roles(lang).apposition_after(toks, b, e, announced);
}

// What the tagger missed: a run of capitalised words inside a sentence that the gazetteer
// knows as a country, region or big city is a place; one announced by a person or
// organisation cue ("l'agence TASS", "le président X") takes the cue's type. An article alone
// ("la", "le": organisation cues for the tagger) does not: the tagger has weighed it already,
// and before a word it left out it mostly opens a common noun written with a capital ("la
// Régie", "l'Exposition") or a nickname ("la Maheude"). Two or more capitalised words in a
// row, none a stop word or in capitals, are a name of a type the tagger did not see ("une
// autre fillette, Yang Peiyi, chantait"), unless the text capitalises nouns.
void tag_missed_runs(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
                     const std::string& lang, const EntityResources& res,
                     std::vector<uint8_t>& tags) {
  const size_t n = toks.size();
  const bool nouns_capitalised = may_capitalise_nouns(toks);
  for (size_t i = 0; i < n; ++i) {
    if (tags[i] != 0 || ann[i].run == 0 || (ann[i].run != 1 && ann[i].run != 3)) continue;
    size_t j = i;
    while (j < n && ann[j].run >= 1 && (j == i || ann[j].run == 2 || ann[j].run == 4)) ++j;
    bool all_o = true;
    for (size_t k = i; k < j; ++k) all_o &= tags[k] == 0;
    if (!all_o || toks[i].sent_start) continue;
    int type = -1;
    if (is_major_place(ann[i].place) && i + ann[i].place_len == j) type = kLoc;
    uint8_t cue = ann[i].cue_before & ((1u << kPer) | (1u << kOrg));
    if (links_a_complement(toks[i - 1], lang, res))  // i > 0: not at a sentence start
      cue = res.cues(lang).before_mask(toks, i, 2) & ((1u << kPer) | (1u << kOrg));
    if (type < 0 && (cue == (1u << kPer) || cue == (1u << kOrg)))
      type = cue == (1u << kPer) ? kPer : kOrg;
    if (type < 0 && person_by_apposition(toks, ann, i, j, lang, res)) type = kPer;
    if (type < 0 && j - i >= 2 && !nouns_capitalised) {
      bool names = true;
      for (size_t k = i; k < j; ++k)
        names &= !toks[k].all_caps && !res.is_stopword(lang, toks[k].lower);
      if (names) type = kMisc;
    }
    if (type < 0) continue;
    for (size_t k = i; k < j; ++k)
      tags[k] = static_cast<uint8_t>(k == i ? begin_tag(static_cast<NerType>(type))
                                            : inside_tag(static_cast<NerType>(type)));
    i = j - 1;
  }
}

// Multi-word gazetteer places complete a partly tagged name.
void complete_places(const std::vector<NerAnnot>& ann, std::vector<uint8_t>& tags) {
  const size_t n = tags.size();
  for (size_t i = 0; i < n; ++i) {
    if (ann[i].place_len < 2 || !is_major_place(ann[i].place)) continue;
    size_t e = i + ann[i].place_len;
    bool any = false;
    for (size_t k = i; k < e; ++k) any |= tags[k] != 0;
    bool crosses =
        (tags[i] != 0 && tags[i] % 2 == 0) || (e < n && tags[e] != 0 && tags[e] % 2 == 0);
    if (!any || crosses) continue;
    for (size_t k = i; k < e; ++k)
      tags[k] = static_cast<uint8_t>(k == i ? begin_tag(kLoc) : inside_tag(kLoc));
    i = e - 1;
  }
}

// A run of capitalised words inside a sentence, tagged in part, ending in an organisation
// head word is one organisation: the tagger often splits long names it has not seen.
void join_organisations(const std::vector<NerToken>& toks, const EntityResources& res,
                        std::vector<uint8_t>& tags) {
  const size_t n = toks.size();
  for (size_t i = 0; i < n; ++i) {
    if (!in_run(toks[i]) || toks[i].sent_start) continue;
    size_t j = i + 1;
    while (j < n && in_run(toks[j]) && !toks[j].sent_start && toks[j].space_before) ++j;
    bool tagged = false;
    for (size_t k = i; k < j; ++k) tagged |= tags[k] != 0;
    bool joins_before = i > 0 && tags[i] != 0 && tags[i] % 2 == 0;  // inside a longer span
    bool joins_after = j < n && tags[j] != 0 && tags[j] % 2 == 0;
    if (j - i >= 2 && tagged && !joins_before && !joins_after && res.is_org_head(toks[j - 1].lower))
      for (size_t k = i; k < j; ++k)
        tags[k] = static_cast<uint8_t>(k == i ? begin_tag(kOrg) : inside_tag(kOrg));
    i = j - 1;
  }
}

// Capitalised words right after a span inside the sentence continue it ("la Maison
// Blanche" tagged "Maison"): a name does not end before a capitalised word mid-sentence,
// unless the text capitalises common nouns too (German; old or OCR'd print), which shows as
// a high share of capitalised words inside sentences.
void extend_spans(const std::vector<NerToken>& toks, const std::string& lang,
                  const EntityResources& res, std::vector<uint8_t>& tags) {
  if (may_capitalise_nouns(toks)) return;
  const size_t n = toks.size();
  for (size_t i = 1; i < n; ++i)
    if (tags[i] == 0 && tags[i - 1] != 0 && in_run(toks[i]) && !toks[i].sent_start &&
        toks[i].space_before && !toks[i - 1].punct && !res.is_stopword(lang, toks[i].lower))
      tags[i] = static_cast<uint8_t>(tags[i - 1] % 2 == 1 ? tags[i - 1] + 1 : tags[i - 1]);
}

// An untagged given name right before a name inside a sentence is its first name
// ("l'analyste Ankit Panda" tagged "Panda"): the span starts there (retype makes it a person).
void prepend_given_names(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
                         std::vector<uint8_t>& tags) {
  const size_t n = toks.size();
  for (size_t i = 0; i + 1 < n; ++i)
    if (tags[i] == 0 && tags[i + 1] % 2 == 1 && ann[i].given && in_run(toks[i]) &&
        !toks[i].sent_start && toks[i + 1].space_before && !toks[i + 1].sent_start) {
      tags[i] = tags[i + 1];
      tags[i + 1] = static_cast<uint8_t>(tags[i + 1] + 1);
    }
}

// A lone capitalised word right before a person name is its first name: the person span
// takes it, and the lone span is emptied (dropped when spans are trimmed). Not when the person
// name opens on a given name and the word is none: it has its first name, and the word is a
// place of its own ("à Polvern Louis Guiéuen", "à Cocanquis Yvonne Le Sergent" in civil
// registers of Europeana).
void prepend_first_names(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
                         std::vector<TagSpan>& spans) {
  for (size_t k = 0; k + 1 < spans.size(); ++k) {
    TagSpan& a = spans[k];
    TagSpan& b = spans[k + 1];
    if (a.end == b.begin && a.end - a.begin == 1 && b.type == kPer && a.type != kPer &&
        toks[a.begin].cap && !toks[b.begin].sent_start && toks[b.begin].space_before &&
        !(is_major_place(ann[a.begin].place) && ann[a.begin].place_len == 1) &&
        (ann[a.begin].given || !ann[b.begin].given)) {
      b.begin = a.begin;
      a.end = a.begin;  // emptied, dropped below
    }
  }
}

// Turns tagged spans into final mentions: cuts them at sentence starts and separators,
// trims what is not part of a name (particles, titles, glued places) and settles the type.
class SpanTrimmer {
 public:
  SpanTrimmer(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
              const std::string& lang, const EntityResources& res)
      : toks(toks), ann(ann), lang(lang), res(res) {}

  // Appends to `out` the pieces of s0 that remain names.
  void trim(const TagSpan& s0, std::vector<TagSpan>& out) {
    // Cut where a sentence starts inside the span, also after a short name read as an
    // abbreviation ("de voir Kim. Le dirigeant": a capitalised stop word after the period).
    size_t start = s0.begin;
    for (size_t k = s0.begin; k <= s0.end; ++k) {
      bool cut = k == s0.end || (k > start && starts_sentence(k)) || is_separator(toks[k]);
      if (!cut) continue;
      size_t b = start, e = k;
      start = k;
      trim_piece(s0, b, e, out);
    }
  }

 private:
  // A word the text also writes in lower case (built on first use: most texts never ask).
  bool written_lower(const std::string& w) {
    if (!lower_built) {
      for (const auto& t : toks)
        if (t.alpha && !t.cap) lower_words.insert(t.lower);
      lower_built = true;
    }
    return lower_words.count(w) > 0;
  }

  // A place that the tagger opens on a lower-case street word keeps it: streets are named
  // with it ("rue de Rennes", "quai Malakoff"; Europeana tags them so), and "Rennes" alone
  // would name the city.
  bool keeps_lower_head(const TagSpan& s0, size_t b) const {
    return s0.type == kLoc && b == s0.begin && !toks[b].cap &&
           res.is_street_head(lang, toks[b].lower);
  }

  // Token k (inside a span) starts a sentence: flagged so, or a capitalised stop word of two
  // letters or more after a period that the tokenizer read as ending an abbreviation ("Kim.
  // Le"; not an initial: "A. J. Hinch", as some stop-word lists hold single letters).
  bool starts_sentence(size_t k) const {
    return toks[k].sent_start ||
           (k > 0 && toks[k - 1].text == "." && toks[k].cap && toks[k].lower.size() >= 2 &&
            res.is_stopword(lang, toks[k].lower));
  }

  // Tokens [b, e) of s0 between two cuts: trimmed, and appended to `out` when a name is left.
  void trim_piece(const TagSpan& s0, size_t b, size_t e, std::vector<TagSpan>& out) {
    while (b < e && !keeps_lower_head(s0, b) &&
           (toks[b].punct || is_elision_token(toks[b]) || !toks[b].cap ||
            (toks[b].sent_start && b + 1 < e && res.is_stopword(lang, toks[b].lower))))
      ++b;
    while (e > b && (toks[e - 1].punct || !toks[e - 1].cap)) --e;
    // A weekday after a name says when, and is no part of it: "Queens Friday", "Maurice Cheeks
    // Saturday", "INS Sukanya on Thursday". Kept after one word that is no known place: "Black
    // Friday", "Super Tuesday".
    if (e - b >= 2 && res.is_weekday(lang, toks[e - 1].lower) &&
        (e - 1 - b >= 2 || (ann[b].place && b + ann[b].place_len == e - 1))) {
      --e;
      while (e > b && (toks[e - 1].punct || !toks[e - 1].cap)) --e;
    }
    if (b >= e) return;
    bool all_stop = true;
    for (size_t m = b; m < e && all_stop; ++m)
      all_stop = toks[m].punct || res.is_stopword(lang, toks[m].lower);
    if (all_stop) return;
    if (e - b == 1 && toks[b].sent_start && !ann[b].place && !toks[b].all_caps &&
        written_lower(toks[b].lower))
      return;
    drop_titles_and_places(s0, b, e);
    NerType type = retype(toks, ann, lang, res, b, e, s0.type);
    if (res.is_org_head(toks[e - 1].lower) && !(ann[b].place && b + ann[b].place_len == e))
      type = kOrg;
    if (type != kPer && person_by_apposition(toks, ann, b, e, lang, res)) type = kPer;
    // Persons take no article: a lone word read as a person right after an elided article
    // ("les droits de l'Homme") is a common noun written with a capital.
    if (type == kPer && e - b == 1 && b > 0 && is_elision_token(toks[b - 1]) &&
        res.person_roles(lang).is_article(toks[b - 1].lower))
      return;
    bool digits = false;  // "Covid-19", "G20": no person's name holds a digit
    for (size_t m = b; m < e; ++m) digits |= toks[m].digit;
    if (type == kPer && digits) type = kMisc;
    out.push_back({b, e, type});
  }

  // Narrows [b, e) to the person's name when a title or a place is glued to it.
  void drop_titles_and_places(const TagSpan& s0, size_t& b, size_t& e) const {
    // A title inside the span ("Treasury Secretary Steven Mnuchin", "Prime Minister
    // Benjamin Netanyahu") is not part of the person's name: the name starts after the last
    // person cue written with a capital (not a particle: "Vincent van Gogh"), when what
    // follows is a person (tagged so, or opening on a given name).
    for (size_t k = e - 1; k > b; --k)
      if ((res.cues(lang).before_mask(toks, k) & (1u << kPer)) &&
          (s0.type == kPer || ann[k].given) && in_run(toks[k]) && toks[k - 1].cap && e - k >= 2) {
        b = k;
        break;
      }
    // A country or city glued before a person's full name ("ambassador to China Terry
    // Branstad") or after it by a lower-case link ("Theresa May of Britain") is not part
    // of the name.
    if (s0.type == kPer && e - b >= 3 && is_major_place(ann[b].place) && ann[b].place_len == 1) ++b;
    if (s0.type == kPer || ann[b].given)
      for (size_t k = b + 2; k + 1 < e; ++k)
        if (!toks[k].cap && is_major_place(ann[k + 1].place) && k + 1 + ann[k + 1].place_len == e) {
          e = k;
          break;
        }
  }

  const std::vector<NerToken>& toks;
  const std::vector<NerAnnot>& ann;
  const std::string& lang;
  const EntityResources& res;
  std::unordered_set<std::string> lower_words;
  bool lower_built = false;
};

// A person's surname opening a sentence, untagged, after the text named the person in full
// ("Le président Vladimir Poutine … Poutine a promis"), is that person: at a sentence start
// the tagger reads capitals as ordinary. Only surnames of full names, only at sentence starts:
// the tagger's own choice stands everywhere else.
void tag_repeated_surnames(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
                           const std::string& lang, const EntityResources& res,
                           std::vector<TagSpan>& spans) {
  std::unordered_set<std::string_view> surnames;
  for (const TagSpan& s : spans)
    if (s.end - s.begin >= 2 && s.type == kPer) surnames.insert(toks[s.end - 1].lower);
  if (surnames.empty()) return;
  std::vector<bool> covered(toks.size(), false);
  for (const TagSpan& s : spans)
    for (size_t k = s.begin; k < s.end; ++k) covered[k] = true;
  const size_t before = spans.size();
  for (size_t i = 0; i < toks.size(); ++i)
    if (!covered[i] && ann[i].run == 1 && toks[i].sent_start &&
        !res.is_stopword(lang, toks[i].lower) && surnames.count(toks[i].lower))
      spans.push_back({i, i + 1, kPer});
  if (spans.size() != before)
    std::sort(spans.begin(), spans.end(),
              [](const TagSpan& a, const TagSpan& b) { return a.begin < b.begin; });
}

}  // namespace

std::vector<TagSpan> refine_spans(const std::vector<NerToken>& toks,
                                  const std::vector<NerAnnot>& ann, std::vector<uint8_t> tags,
                                  const std::string& lang, const EntityResources& res) {
  tag_missed_runs(toks, ann, lang, res, tags);
  complete_places(ann, tags);
  join_organisations(toks, res, tags);
  extend_spans(toks, lang, res, tags);
  prepend_given_names(toks, ann, tags);
  std::vector<TagSpan> spans = tag_spans(tags);
  prepend_first_names(toks, ann, spans);
  SpanTrimmer trimmer(toks, ann, lang, res);
  std::vector<TagSpan> out;
  for (const TagSpan& s0 : spans) trimmer.trim(s0, out);
  tag_repeated_surnames(toks, ann, lang, res, out);
  return out;
}

std::vector<TypedMention> find_mentions(std::string_view text, const std::string& lang,
                                        const EntityResources& res, NerMethod method) {
  std::vector<NerToken> toks = tokenize_for_ner(text, res.elisions());
  std::vector<NerAnnot> ann = annotate(toks, &res.gazetteer(), res.cues(lang));
  std::vector<uint8_t> tags = tag_tokens(toks, ann, lang, res, method);
  std::vector<TypedMention> out;
  for (const TagSpan& s : refine_spans(toks, ann, std::move(tags), lang, res)) {
    TypedMention tm;
    tm.mention.begin = toks[s.begin].begin;
    tm.mention.end = toks[s.end - 1].end;
    tm.mention.text.assign(text.substr(tm.mention.begin, tm.mention.end - tm.mention.begin));
    tm.type = to_entity_type(s.type);
    out.push_back(std::move(tm));
  }
  return out;
}

std::vector<Entity> find_entities(std::string_view text, const std::string& lang,
                                  const EntityResources& res) {
  return merge_mentions(find_mentions(text, lang, res), res.aliases());
}

void assign_sentences(std::vector<Entity>& entities, const std::vector<size_t>& sentence_begins) {
  for (Entity& e : entities)
    for (Mention& m : e.mentions) {
      auto it = std::upper_bound(sentence_begins.begin(), sentence_begins.end(), m.begin);
      if (it != sentence_begins.begin())
        m.sentence = static_cast<int>(it - sentence_begins.begin() - 1);
    }
}

}  // namespace recoupe::analyze
