// Stable story ids across re-groupings. The live grouper only numbers its stories; the
// store names them, and a story keeps its name as it grows, takes the name of the bigger
// side when two stories merge (the other name becomes a redirect), and keeps it on the
// bigger side when it splits.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "store/records.h"

namespace recoupe::store {

struct StoryIdentities {
  std::vector<std::string> story_of;  // per article, in the grouper's order
  std::vector<Redirect> redirects;    // stored stories that no longer exist → their successor
};

// `old_story_of[i]`: the stored story of article i, for the articles placed before this
// batch; `labels[i]`: the grouper's story of every article now (StreamGrouper::labels(),
// at least as long). Each pair (new story G, old story S) sharing n articles is considered
// by n descending, then S's first article, then G's first article: G takes S's id when
// neither has one yet. So a story that grows or loses a few articles keeps its id, and of
// two merged stories the one that brought more articles names the result (on a tie, the
// older one). A new story without an old id is named name_new(its first article); a name
// in `taken` or already given gets "-2", "-3"… appended. An old story whose id no new story
// took redirects to the new story holding most of its articles (on a tie, the one whose
// first article comes first). Pure; deterministic; cost O(articles · log).
StoryIdentities assign_story_ids(const std::vector<std::string>& old_story_of,
                                 const std::vector<uint32_t>& labels,
                                 const std::function<std::string(size_t first_article)>& name_new,
                                 const std::set<std::string>& taken);

}  // namespace recoupe::store
