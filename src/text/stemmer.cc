#include "text/stemmer.h"

#include <libstemmer.h>

#include <utility>

namespace recoupe::text {

Stemmer::Stemmer(std::string_view iso639_1) {
  std::string lang(iso639_1);
  if (lang.empty()) return;
  // libstemmer accepts ISO 639-1 codes for the languages it knows; "UTF_8" selects encoding.
  stemmer_ = sb_stemmer_new(lang.c_str(), "UTF_8");
}

Stemmer::~Stemmer() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

Stemmer::Stemmer(Stemmer&& other) noexcept : stemmer_(std::exchange(other.stemmer_, nullptr)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  if (this != &other) {
    if (stemmer_) sb_stemmer_delete(stemmer_);
    stemmer_ = std::exchange(other.stemmer_, nullptr);
  }
  return *this;
}

std::string Stemmer::stem(std::string_view word) const {
  if (!stemmer_ || word.empty()) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace recoupe::text
