// Reading and cleaning inputs into articles, for the commands that need them all at once.
#pragma once

#include <string>
#include <vector>

#include "core/article.h"
#include "core/expected.h"

namespace recoupe::engine {

struct LoadedArticles {
  std::vector<Article> articles;  // batch order (batch.h publication_order), ids unique
  std::vector<Error> errors;      // inputs that could not be read (the rest is loaded)
};

}  // namespace recoupe::engine
