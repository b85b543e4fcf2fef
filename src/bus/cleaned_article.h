// CleanedArticle: what an analysis worker hands the clusterer over the bus when recoupe is
// scaled out (issue 15): one article as cleaned (engine::Pipeline::extract) with the raw
// input it came from, which the store keeps beside every revision.
//
//   std::string bytes = bus::encode_cleaned({raw, article});
//   auto back = bus::decode_cleaned(bytes, "recoupe.cleaned #42");   // == the same values
//
// The encoding is JSON, one object, and exact: every field of Article and the raw input's
// kind, content and encoding come back equal (doubles written with full precision), so the
// distributed path places and cross-checks the very articles the single-machine path would.
// `published_at` is not written: it is parsed again from `published`, as where articles are
// made. Unknown keys are ignored (a newer writer may add some).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/expected.h"
#include "core/raw_document.h"

namespace recoupe::bus {

struct CleanedArticle {
  RawDocument raw;  // kind, content and encoding as read; its other fields are not carried
  Article article;
  // The raw article's sequence in its stream (0: not known). The clusterer places articles
  // in that order, whichever worker cleaned them first (engine/raw_order.h).
  uint64_t raw_sequence = 0;
  // A refusal instead of an article: the raw article at raw_sequence was refused for good
  // (unreadable, or no text after cleaning), so the clusterer waits for it no longer.
  // `raw` and `article` are empty.
  bool refused = false;
};

std::string encode_cleaned(const CleanedArticle& message);

// Reads what encode_cleaned wrote. Fails, with `where` (the message's subject and sequence)
// and what is wrong, on text that is not JSON, too deeply nested, or a field of the wrong
// type; an article without an id or text is refused too (nothing could be stored of it).
// A refusal ({"refused": true, "raw_sequence": N}) comes back with `refused` set.
Expected<CleanedArticle> decode_cleaned(std::string_view json, const std::string& where);

}  // namespace recoupe::bus
