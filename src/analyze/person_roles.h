// PersonRoles: the apposition that makes a name a person's ("Rama Yade, secrétaire d'État aux
// droits de l'homme, a déclaré", "Jane Marvell, the company's chief executive, said", "Fatna,
// 33 ans,"). The tagger reads a name from the words around it, and an apposition's role noun
// stands two or more words away, past a comma, where its features do not look; typing from
// it is what lets quote speakers resolve to the person.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyze/ner_tokens.h"

namespace recoupe::analyze {

// Role words of one language. Immutable after load; thread-safe.
class PersonRoles {
 public:
  // Reads data/<lang>/person_roles.txt: one "kind: word" a line, kind one of `role` (a noun
  // naming a person's function or tie: "ministre", "spokesman", "fille"), `lead` (a word that
  // may stand between the comma and the role: "ancien", "former"), `article` (a lead that
  // also opens clauses: "le", "the"), `age` (the word after a number of years: "ans").
  // Lower case; '#' starts a comment. Missing file: no roles, never an apposition.
  static PersonRoles load(const std::string& data_dir, const std::string& lang);

  // Adds one entry; false when `kind` is none of the above.
  bool add(std::string_view kind, std::string_view word);
  bool empty() const { return roles_.empty() && ages_.empty(); }
  // True for an `article` word ("le", "l'", "the"), lower case.
  bool is_article(const std::string& lower) const { return articles_.count(lower) > 0; }

  // True when the name toks[b, e) is followed by a person's apposition: a comma, at most three
  // lead words (a possessive "company's" counts as one), then a role word; or a comma, a
  // number of years and an age word, then a comma or a period ("33 ans,"; not a bare "45,",
  // which addresses write too: "Paris, 15, rue de Rivoli"). A lead article counts
  // only when no stop word announces the name (`announced`: "Selon Google, le ministre a dit"
  // is a clause, not an apposition) and, at a sentence start, for a name of two words or more
  // ("Jeudi, le ministre").
  bool apposition_after(const std::vector<NerToken>& toks, size_t b, size_t e,
                        bool announced) const;

 private:
  bool age_after(const std::vector<NerToken>& toks, size_t k) const;

  std::unordered_set<std::string> roles_, leads_, articles_, ages_;
};

}  // namespace recoupe::analyze
