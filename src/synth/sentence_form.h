// Sentence form: whether a claim reads as a sentence of an article's body, and where a
// leading rubric or dateline ends. Pure functions on UTF-8 text; thread-safe; linear cost.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "text/words.h"

namespace recoupe::synth {

// Bytes of `text` taken by a leading rubric or dateline, up to and including its dash and
// the spaces after it: words in capitals, possibly with a parenthesised agency, before a
// spaced dash within the first 40 bytes ("INTERNATIONAL - ", "WASHINGTON — ",
// "TEL AVIV (Reuters) - "). 0 when there is none.
size_t rubric_end(std::string_view text);

// Where the sentence `sentence` goes on after `claim`, a clause cut from it: the first
// character after the claim's last words that is not a space (',', ';', ':', a dash's
// first byte…), or '\0' when the claim ends the sentence (or is not found in it). Linear.
char clause_cut(std::string_view sentence, std::string_view claim);

// True when `text` reads as a sentence of the body and carries no photo credit ("©"). A
// claim that ends its sentence (`cut` '\0') ends with a final punctuation mark (closing
// quotes and brackets aside), so a headline, subhead or caption run into the text is left
// out. A clause cut from a longer sentence (`cut` as clause_cut gives) states a whole fact
// when cut at ';', ':' or a dash, and is a fragment when cut at a comma ("Si les États-Unis
// craignent …,"). A leading rubric is not checked here: callers strip it (rubric_end) and
// judge what is left.
bool reads_as_sentence(std::string_view text, char cut = '\0');

// True when `text` ends on a colon (spaces aside): it announces what comes after it, a list,
// a quotation or a figure ("…by running the following plays:", « reconnaît un certain
// soulagement : »), and says nothing alone.
bool announces_what_follows(std::string_view text);

// True when `text` starts with a lower-case letter: the tail of a sentence cut at a comma
// ("ce qui n'a pas empêché Jacques Rogge…", "parmi lesquels le président…"), which does not
// stand alone as a fact. Leading spaces and opening quotes are skipped; digits, capitals
// and other characters start a sentence.
bool starts_lowercase(std::string_view text);

// True when `text` opens with one of `openers` (folded, SynthResources::back_reference_openers):
// its first word ("Cette confirmation…", "But…"), or its first two to four words for a phrase
// ("L'un d'eux a qualifié…", "One of them told…"). Pure; reads the first 48 bytes.
bool opens_with_back_reference(std::string_view text,
                               const std::unordered_set<std::string>& openers,
                               const text::ElisionRules& elisions);

// The first word of `text`, folded; an elided first word is read with the next one ("S'il" →
// "s'il", "D'après" → "d'apres", "J'ai" → "j'ai"). Empty when `text` has no word.
std::string opening_word(std::string_view text, const text::ElisionRules& elisions);

// The words of one language that tell a main clause from a dependent one
// (data/<lang>/clause_words.txt, lower case, accents kept).
struct ClauseWords {
  std::unordered_set<std::string> subordinators;  // "si", "selon", "if", "according"
  std::unordered_set<std::string> relatives;      // "qui", "dont", "who", "which"
  std::unordered_set<std::string> finite;  // auxiliaries, modals, speech verbs: "a", "est", "said"
  std::unordered_set<std::string> pluperfect;  // its auxiliaries: "avait", "avaient", "had"
  // Words denying their clause: "ne", "n'", "pas", "not", "never" (a word ending in "n't"
  // denies too).
  std::unordered_set<std::string> negation;
};

// True when `head`, the first part of a sentence cut at a comma, holds no main clause of its
// own, so that its main verb comes after the cut:
//  - it opens with a subordinator and has no comma of its own ("Si les États-Unis craignent
//    que cette rencontre débouche sur un accord", "Selon un rapport de la Commission");
//  - or a relative clause opens before any finite verb, within its first four words or
//    after a comma within its first eight, and no second finite verb follows its own ("Le septuple
//    vainqueur du Tour de France, qui a annoncé son retour"; "La femme qui s'était présentée comme
//    la mère"; but "Ce qui est arrivé à la banque n'a rien à voir…" has its main verb).
// A head with a finite verb first ("La cour d'appel doit décider mardi si…", "Un salarié a
// été placé en garde à vue…") states a fact, and so does one where no listed word decides:
// only what the lists show is called a fragment. Linear in the head.
bool head_without_main_clause(std::string_view head, const ClauseWords& words,
                              const text::ElisionRules& elisions);

// True when the first finite verb of `clause` is a pluperfect auxiliary ("Mohamed avait été
// trouvé seul…", "Louisville had opened Big East play with a loss…"): it tells what came
// before the story's event, its backstory, not the event. False when a listed finite verb
// comes first, or none is listed. Linear in the clause.
bool tells_backstory(std::string_view clause, const ClauseWords& words,
                     const text::ElisionRules& elisions);

}  // namespace recoupe::synth
