#include "engine/load.h"

#include "engine/featurize.h"
#include "extract/extractor.h"
#include "ingest/reader.h"
#include "text/words.h"

namespace recoupe::engine {

LoadedArticles load_articles(const std::vector<std::string>& paths, unsigned threads) {
  LoadedArticles out;
  std::vector<RawDocument> docs;
  ingest::read_inputs(paths, ingest::ReadLimits{}, [&](Expected<RawDocument> doc) {
    if (doc)
      docs.push_back(std::move(*doc));
    else
      out.errors.push_back(doc.error());
  });
  out.articles.resize(docs.size());
  parallel_for(
      docs.size(), threads, [] { return 0; },
      [&](int&, size_t i) {
        out.articles[i] = extract::extract_article(docs[i]);
        // Cleaning must never lose an article whole: a plain text that the boilerplate
        // filter emptied (e.g. one short sentence per line) is kept as given.
        Article& a = out.articles[i];
        if (a.words == 0 && docs[i].kind == ContentKind::kText) {
          size_t words = text::count_words(docs[i].content);
          if (words > 0) {
            a.text = docs[i].content;
            a.paragraphs = {a.text};
            a.words = int(words);
          }
        }
        docs[i] = {};
      });
  return out;
}

}  // namespace recoupe::engine
