#include "engine/load.h"

#include "engine/featurize.h"
#include "extract/extractor.h"
#include "ingest/reader.h"

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
        docs[i] = {};
      });
  return out;
}

}  // namespace recoupe::engine
