// Building the Report value of a run from what the stages produced: the cleaned articles,
// the grouping (stories and reprints) and the cross-check of each story.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/cross_check.h"
#include "core/report.h"
#include "core/story.h"

namespace recoupe::report {

// The report of `articles` grouped into `stories` (already ranked). `duplicate_of[i]` is
// the reprint mark of `articles[i]` (missing entries: not a reprint). `checks[i]` is the
// cross-check of `stories[i]`: a checked story takes its title and event date from it
// (empty → unknown) and gets every section; stories past the end of `checks` (all of them
// when it is empty, as with --no-cross-check) keep the grouping's fields and no sections.
// `with_text` copies each article's cleaned text into the report. Cost: copies the
// strings (the checks are moved from). Pure; thread-safe.
Report build_report(const std::vector<Article>& articles,
                    const std::vector<std::optional<std::string>>& duplicate_of,
                    const std::vector<Story>& stories, std::vector<CrossCheck> checks,
                    bool with_text);

}  // namespace recoupe::report
