// Direct quotations and their speakers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyze/person_names.h"
#include "analyze/tokens.h"
#include "core/quote.h"
#include "core/sentence.h"

namespace recoupe::analyze {

// A language's speech cues, from data/<lang>/speech_verbs.txt (format at the top of the
// file). Immutable once loaded; safe to share across threads.
struct QuoteRules {
  PhraseSet verbs;         // "déclaré", "a fait savoir", "said", "told"
  PhraseSet according_to;  // "selon", "d'après", "according to"
  PhraseSet pronouns;      // "il", "elle", "he", "she"
  PhraseSet prepositions;  // "de", "par", "of", "by": a name after one is not the speaker
  // Offices and descriptions written before a speaker's name ("Interior Secretary Ken
  // Salazar", "Sen. Marco Rubio", "South Richmond Hill resident Suri Charanjit"): the
  // speaker is the name after them.
  PhraseSet titles;
  PhraseSet determiners;  // "le", "un", "the", "a": no word of an office after a name
  // Verbs of telling whose object is the listener ("told", "tells"): "…," one man told
  // Schuck is not Schuck's statement.
  PhraseSet addressed;
};

QuoteRules load_quote_rules(const std::string& data_dir, const std::string& lang);

// Tuning of quote classification and attribution; defaults fit French and English news.
struct QuoteConfig {
  // A quotation of at least this many words that starts with a capital or ends with a
  // terminator is a statement (kFull); shorter ones are words borrowed into the writer's
  // sentence (kPartial: « sujets sensibles »). 4: "Pas de raison" (3) reads as a fragment,
  // "Je soutiens votre bataille" as a statement.
  int full_min_words = 4;
  // Any quotation this long is a statement, even in lower case (a continued quote).
  int full_always_words = 15;
  // Tokens after the closing mark within which a speech verb must start ("», a-t-il
  // ajouté", "», avait, lui, indiqué").
  int verb_window_after = 7;
  // Same, counted from a name that opens that window ("”, Larry Kudlow, Mr. Trump’s chief
  // economic adviser, told"): room for an apposition of about ten words.
  int verb_window_after_name = 14;
  // Tokens after the verb searched for the speaker's name ("a écrit l'analyste américain
  // Ankit Panda").
  int name_window_after_verb = 10;
  // Sentences searched backwards for the antecedent of "il"/"elle" in "a-t-il ajouté".
  int pronoun_sentences_back = 4;
  // Tokens around a quotation searched for a verb before it, its subject, or "selon X";
  // bounds the work per quotation so a huge one-sentence text stays linear.
  int context_tokens = 80;
};

// Quotations of `text`: « … », “ … ”, „ … “, "…" (pairs within one paragraph; quotations
// nested in another are part of it and not reported apart), in text order, with their
// speaker (see core/quote.h). `sentences` are split_sentences(text); `names` are the name
// mentions a speaker can be chosen from, in text order (guess_speaker_names, or the entity
// stage's person mentions). The speaker is, in this order: a name after a speech verb that
// follows the quotation (", a déclaré Vladimir Poutine", ", Smith said"); the subject of a
// speech verb before it in the sentence ("Poutine a répondu : « … »"); a name after
// "selon"/"according to"; for "il"/"he" the person last named as subject in the preceding
// sentences; for a statement that opens the sentence right after another statement, that
// statement's speaker. The speaker is the person's name alone: offices and descriptions
// before it are left out ("said Interior Secretary Ken Salazar", "said Florida Sen. Marco
// Rubio", "said South Richmond Hill resident Suri Charanjit": QuoteRules::titles). Any valid
// UTF-8; cost linear in the text (windows are bounded).
std::vector<Quote> find_quotes(std::string_view text, const std::vector<Token>& tokens,
                               const std::vector<Sentence>& sentences,
                               const std::vector<NameSpan>& names, const QuoteRules& rules,
                               const QuoteConfig& config = {});

}  // namespace recoupe::analyze
