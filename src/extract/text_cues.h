// Language resources of the plain-text cleaner: cue lexicons (data/<lang>/boilerplate_cues.txt,
// metadata_cues.txt), stop words, month/weekday names and wire agencies (data/agencies.txt).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/expected.h"
#include "extract/date_line.h"
#include "text/elisions.h"
#include "text/stopwords.h"

namespace recoupe::extract {
class TextLineModel;
}

namespace recoupe::extract {

// What a cue says about the line it starts (or is).
enum class CueKind {
  kNone,
  kBoilerplate,  // "Publicité", "Lire aussi…", "Read more", "Suivez-nous…"
  kTeaser,       // "À voir également sur …": it and the title-like lines after it are teasers
  kEnd,          // "LAISSER UN COMMENTAIRE": a comment/share/related block starts here
  kPublished,    // "Publié le …"
  kUpdated,      // "Mis à jour le …"
  kByline,       // "Par …", "By …"
  kSource,       // "SOURCE: …"
  kCredit,       // "Photo: …"
};

// The cue found at the start of a line and the text that follows it.
struct CueMatch {
  CueKind kind = CueKind::kNone;
  size_t folded_length = 0;  // bytes of the folded line the cue covers
};

// All cue lists of every language that has them, merged: the cleaner runs before language
// identification, and the cues of different languages do not collide in practice. Folded
// (text::fold) on load. Immutable after load; thread-safe to share.
class TextCues {
 public:
  // Loads every data/<lang>/ that has a boilerplate_cues.txt or metadata_cues.txt, with its
  // stop words from `stop_words` (Snowball list, else the broad one), months and weekdays,
  // its chrome_words.txt, author_note_words.txt and continuation_words.txt, data/agencies.txt and
  // data/text/line_model.txt. A language file that is missing gives an empty list; an unreadable
  // line model is an Error naming the file. Cost: a few ms. `elisions` (for counting a line's
  // words) must outlive this object.
  static Expected<TextCues> load(const std::string& data_dir,
                                 const text::StopWordCatalog& stop_words,
                                 const text::ElisionRules& elisions);

  // The elision rules that cut a line into words (text::word_spans).
  const text::ElisionRules& elisions() const { return *elisions_; }

  // False when no cue can match a line starting like `line_head` (raw text): its first word,
  // lower-cased, starts no cue of any kind. A cheap filter before folding the line.
  bool may_start_cue(std::string_view line_head) const;

  // Boilerplate cue of a folded line (a whole-line cue or a prefix cue); kNone otherwise.
  // Whole-line cues ignore trailing punctuation, spaces and ":" ("Commentaires :").
  CueKind boilerplate(std::string_view folded_line) const;
  // Metadata cue at the start of a folded line ("publie le", "par", "source"), with the
  // byte length it covers; the cue must end at a word boundary.
  CueMatch metadata(std::string_view folded_line) const;
  // True when `folded_word` is the "with" word of some language ("avec", "with", "mit").
  bool with_word(std::string_view folded_word) const;
  // True when `folded_word` introduces a site name in a teaser cue ("sur", "on", "auf").
  bool site_word(std::string_view folded_word) const;

  // `folded_word` is a stop word of one of the loaded languages.
  bool stop_word(std::string_view folded_word) const;

  // The agency named by `word_run` (exact variant: "AFP", "Agence France-Presse"), as its
  // canonical name; empty when none.
  std::string agency(std::string_view name) const;
  // Longest variant length in words, for scanning.
  int agency_max_words() const { return agency_max_words_; }

  const DateNames& dates() const { return dates_; }

  // Page-chrome vocabulary (data/<lang>/chrome_words.txt): the index of the chrome term that
  // `lower_word` (lower-cased, its first 15 bytes at most) starts with ("newsletter",
  // "datenschutz", "subscri"), or -1. A line with several such terms, or one addressed to the
  // reader, is a newsletter, cookie or comment-policy blurb.
  int chrome_term(std::string_view lower_word) const;
  // `lower_word` (lower-cased) addresses the reader ("you", "dich", "vous").
  bool reader_word(std::string_view lower_word) const;
  // Author notes (data/<lang>/author_note_words.txt): `folded_word` is a verb that follows a
  // name in a note about the writer ("ist", "writes"), or starts with a role noun ("redakteur"
  // for "Redakteurin", "correspondent").
  bool author_verb(std::string_view folded_word) const;
  bool author_role(std::string_view folded_word) const;
  // A folded word that introduces a photo credit or a source ("foto", "photo", "quelle"),
  // from the one-word credit and source cues of metadata_cues.txt.
  bool credit_word(std::string_view folded_word) const;
  // A word after which no sentence ends (data/<lang>/continuation_words.txt: "le", "dans",
  // "the", "of"), folded: a line of prose ending on one goes on in the next line.
  bool continuation_word(std::string_view folded_word) const;

  // The learned line model (data/text/line_model.txt); null when the file is missing.
  const TextLineModel* line_model() const { return line_model_.get(); }

 private:
  struct Cue {
    std::string phrase;
    CueKind kind;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {  // FNV-1a: keys are short words
      size_t h = 14695981039346656037ull;
      for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
      return h;
    }
  };
  using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;
  template <class V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  // Stop words (up to 15 bytes) in one flat open-addressing table: the cleaner looks up every
  // word of every line, and a node-based set spent most of its time in cache misses.
  class ShortWordSet {
   public:
    void insert(std::string_view w);
    bool contains(std::string_view w) const;

   private:
    struct Slot {
      char bytes[15];
      unsigned char size = 0;  // 0: empty
    };
    std::vector<Slot> slots_;
    size_t count_ = 0;
    void grow();
  };

  Map<CueKind> whole_line_;
  Map<std::vector<Cue>> prefix_by_first_word_;  // boilerplate prefix/teaser cues
  Map<std::vector<Cue>> meta_by_first_word_;    // metadata cues
  Set with_words_;
  Set site_words_;
  ShortWordSet stop_words_;
  ShortWordSet cue_first_words_;        // folded first words of every cue, and of "N <cue>"
  ShortWordSet chrome_heads_;           // first 3 bytes of every chrome term: a cheap filter
  Map<int> chrome_terms_;               // chrome term -> its index
  std::vector<size_t> chrome_lengths_;  // the distinct byte lengths of the chrome terms
  ShortWordSet reader_words_;           // words addressing the reader
  Set credit_words_;
  Set continuation_words_;
  Set author_verbs_;
  std::vector<std::string> author_roles_;  // folded prefixes, a few dozen
  Map<std::string> agencies_;              // variant (as written) -> canonical
  int agency_max_words_ = 1;
  DateNames dates_;
  std::shared_ptr<const TextLineModel> line_model_;
  const text::ElisionRules* elisions_ = nullptr;
};

// First space-separated word of a folded line, without trailing punctuation ("lire:" → "lire").
std::string_view first_cue_word(std::string_view folded);

}  // namespace recoupe::extract
