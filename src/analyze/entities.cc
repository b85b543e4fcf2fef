#include "analyze/entities.h"

#include <algorithm>
#include <filesystem>

#include "analyze/ner_corpus.h"
#include "text/data_dir.h"

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

Expected<EntityResources> EntityResources::load(const std::string& data_dir) {
  EntityResources r;
  auto gaz = Gazetteer::load(data_dir + "/gazetteer/places.tsv.zst");
  if (!gaz) return gaz.error();
  r.gazetteer_ = std::make_shared<const Gazetteer>(std::move(*gaz));
  r.aliases_ = AliasData::load(data_dir, r.gazetteer_);
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
    NerCues cues = NerCues::load(data_dir, lang);
    if (!cues.empty()) r.cues_.emplace(lang, std::move(cues));
    auto words = text::read_list(data_dir, lang, "stopwords.txt");
    if (!words.empty()) {
      auto& set = r.stopwords_[lang];
      for (auto& w : words) set.insert(lower_utf8(w));
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

std::vector<TypedMention> find_mentions(std::string_view text, const std::string& lang,
                                        const EntityResources& res, NerMethod method) {
  std::vector<NerToken> toks = tokenize_for_ner(text);
  std::vector<NerAnnot> ann = annotate(toks, &res.gazetteer(), res.cues(lang));
  std::vector<uint8_t> tags = tag_tokens(toks, ann, lang, res, method);
  std::vector<TypedMention> out;
  for (const TagSpan& s : tag_spans(tags)) {
    size_t b = s.begin, e = s.end;
    // Elisions ("l'") and punctuation never start a name; punctuation never ends one.
    while (b < e && (toks[b].punct ||
                     (!toks[b].lower.empty() && toks[b].lower.size() <= 7 &&
                      (toks[b].lower.back() == '\'' || toks[b].lower.ends_with("\xE2\x80\x99")))))
      ++b;
    while (e > b && toks[e - 1].punct) --e;
    if (b >= e) continue;
    TypedMention tm;
    tm.mention.begin = toks[b].begin;
    tm.mention.end = toks[e - 1].end;
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
