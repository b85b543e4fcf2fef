// Fold: the one module that turns text into the forms we compare, index and look up.
//
// Each function is one named way of folding; they differ on purpose, and the comment of each
// says who needs that difference. Pick by what must match what:
//   fold                   words and phrases matched against word lists ("Élysée" = "elysee")
//   ascii_lower            ASCII identifiers: file names, HTML tag/attribute names, codes
//   latin1_lower           cheap lower case for line cues (no ICU, accents kept)
//   lower_case             lower case with accents kept (NER features, name lists)
//   lower_case_in_context  the same with context-dependent rules (final sigma, dotted I)
//   fold_key               a name reduced to letters and digits ("Côte d'Ivoire" → "cotedivoire")
//   translit_key           fold_key plus transliteration families ("Poutine" = "Putin")
// All functions take UTF-8, drop invalid bytes unless said otherwise, are pure and
// thread-safe, and cost linear time in the input.
#pragma once

#include <string>
#include <string_view>

namespace recoupe::text {

// Folded form for matching: lower case, no diacritics, typographic apostrophes and dashes
// made ASCII, Unicode spaces made ' ' ("Kim Jong-Un" → "kim jong-un", "Élysée" → "elysee",
// "l’État" → "l'etat"). ASCII input takes a fast path.
std::string fold(std::string_view utf8);

// A-Z → a-z; every other byte (UTF-8 included) untouched. For names that are ASCII by
// definition (file extensions, HTML names, language codes), where Unicode rules would be
// wrong or slow.
std::string ascii_lower(std::string_view s);

// A-Z and the Latin-1 capitals À..Þ (but ×) lowered; everything else untouched, invalid bytes
// kept. No ICU: the text-line classifier runs it on every line of every page.
std::string latin1_lower(std::string_view utf8);

// Lower case, one code point at a time (ICU simple case mapping); accents kept.
std::string lower_case(std::string_view utf8);

// Lower case of the whole string with ICU's full, context-sensitive mapping (Greek final
// sigma, "İ" → "i̇"); accents kept; invalid bytes become U+FFFD.
std::string lower_case_in_context(std::string_view utf8);

// Matching key of a name: lower case, Latin diacritics removed ("É"→"e", "ß"→"ss", "œ"→"oe",
// "þ"→"th"), and only letters and digits kept ("Côte d'Ivoire" → "cotedivoire", "Kim
// Jong-Un" → "kimjongun"). Keys of the gazetteer and of name matching.
std::string fold_key(std::string_view utf8);

// fold_key() of one word, then spelling variants across languages' transliterations reduced
// to one key: "tch"/"tsch" → "ch", "zh" → "j", "kh" → "h", "w" → "v", "y" → "i", "ou" → "u"…,
// doubled letters collapsed, a final "ij" or (long words) "ine" trimmed. So "Poutine",
// "Putin"; "Vostotchny", "Wostotschny", "Vostochny"; "Prigojine", "Prigozhin" share a key.
// Different names may collide (a key family, not an identity): use it to group, not to prove.
std::string translit_key(std::string_view word);

}  // namespace recoupe::text
