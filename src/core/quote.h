// Quote: words an article reports between quotation marks, with who said them.
#pragma once

#include <cstddef>
#include <string>

namespace recoupe {

// kFull: a statement (a clause or more, « Je suis très content de vous voir… »).
// kPartial: a few words quoted inside the writer's own sentence (« sujets sensibles »).
enum class QuoteKind { kFull, kPartial };

inline const char* to_string(QuoteKind k) { return k == QuoteKind::kFull ? "full" : "partial"; }

// `text` is the quoted words without the marks, `article.text.substr(begin, end - begin)`.
// `speaker` is the name as written where it was found, empty when no speaker was found
// (speaker_begin == speaker_end then). The speaker's offsets may lie in an earlier sentence
// when it was found through a pronoun ("a-t-il ajouté") or a continued quotation.
// `verb` is the speech verb or cue that attributed the quote ("déclaré", "selon", "said"),
// `via` how the speaker was found: "after" (verb after the quote), "before" (verb before
// it), "according_to" ("selon X"), "pronoun" (resolved to the last person named as a
// subject), "continuation" (a quotation right after another by the same speaker), or empty.
struct Quote {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
  std::string speaker;
  size_t speaker_begin = 0;
  size_t speaker_end = 0;
  QuoteKind kind = QuoteKind::kFull;
  std::string verb;
  std::string via;
};

}  // namespace recoupe
