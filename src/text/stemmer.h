// Snowball stemming (libstemmer) for every language it has.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace recoupe::text {

// Stems folded or raw words of one language. Not thread-safe (libstemmer keeps state per
// stemmer): give each thread its own. A language Snowball lacks gives an identity stemmer.
class Stemmer {
 public:
  explicit Stemmer(std::string_view iso639_1);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;

  // The stem of `word` (expected lower case). Identity when the language has no stemmer.
  std::string stem(std::string_view word) const;
  bool available() const { return stemmer_ != nullptr; }

 private:
  sb_stemmer* stemmer_ = nullptr;
};

}  // namespace recoupe::text
