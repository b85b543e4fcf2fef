#include "analyze/ner_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/fold.h"

namespace recoupe::analyze {
namespace {

// The NER view of one token of the stream.
NerToken ner_token(std::string_view text, const text::Token& s) {
  NerToken t;
  t.begin = s.begin;
  t.end = s.end;
  t.text.assign(text.substr(s.begin, s.end - s.begin));
  t.lower = text::lower_case(t.text);
  t.key = text::fold_key(t.text);
  t.shape = word_shape(t.text);
  t.cap = s.cap;
  t.all_caps = s.all_caps;
  t.alpha = s.kind == text::TokenKind::kWord;
  t.digit = s.digit;
  t.punct = s.kind == text::TokenKind::kPunct;
  t.sent_start = s.sentence_start;
  t.space_before = s.space_before;
  return t;
}

}  // namespace

std::string word_shape(std::string_view in) {
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t len = static_cast<int32_t>(in.size());
  int32_t i = 0;
  char prev = 0;
  int run = 0;
  while (i < len && out.size() < 8) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    char k;
    if (c < 0x80) {
      k = (c >= 'A' && c <= 'Z')   ? 'X'
          : (c >= 'a' && c <= 'z') ? 'x'
          : (c >= '0' && c <= '9') ? 'd'
                                   : static_cast<char>(c);
    } else if (u_isupper(c) || u_istitle(c)) {
      k = 'X';
    } else if (u_isalpha(c)) {
      k = 'x';
    } else if (u_isdigit(c)) {
      k = 'd';
    } else {
      k = '*';
    }
    run = (k == prev) ? run + 1 : 1;
    prev = k;
    if (run <= 2) out.push_back(k);
  }
  return out;
}

std::vector<NerToken> tokenize_for_ner(std::string_view text, const text::ElisionRules& elisions) {
  std::vector<text::Token> stream = text::tokenize(text, elisions);
  std::vector<NerToken> out;
  out.reserve(stream.size());
  for (const text::Token& s : stream) out.push_back(ner_token(text, s));
  return out;
}

std::vector<NerToken> tokens_from_words(const std::vector<std::string>& words) {
  // The words are laid end to end, one space apart, so that the stream's rules (flags,
  // sentence starts) read them as they read a text; offsets are then reset to 0.
  std::string joined;
  std::vector<text::Token> stream;
  stream.reserve(words.size());
  for (const auto& w : words) {
    if (!joined.empty()) joined += ' ';
    text::Token t;
    t.begin = joined.size();
    joined += w;
    t.end = joined.size();
    text::describe_token(w, t);
    t.sentence_start = stream.empty() || text::ends_sentence(stream, joined);
    stream.push_back(t);
  }
  std::vector<NerToken> out;
  out.reserve(stream.size());
  for (const text::Token& s : stream) {
    NerToken t = ner_token(joined, s);
    t.begin = t.end = 0;
    t.space_before = true;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace recoupe::analyze
