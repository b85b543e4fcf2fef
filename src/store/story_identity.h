// Stable story ids across re-groupings. The live grouper only numbers its stories; the
// store names them, and a story keeps its name as it grows, takes the name of the bigger
// side when two stories merge (the other name becomes a redirect), and keeps it on the
// bigger side when it splits.
//
// A batch usually touches a few stories of a large store: affected_articles() finds the
// articles whose story may have changed (in integer work over the store, no strings), and
// assign_story_ids() names the stories of those articles only.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "store/records.h"

namespace recoupe::store {

struct StoryIdentities {
  std::vector<std::string> story_of;  // per article named (see assign_story_ids)
  std::vector<Redirect> redirects;    // stored stories that no longer exist → their successor
};

// `old_story_of[i]`: the stored story of article i, for the articles placed before this
// batch; `labels[i]`: the grouper's story of every article now (StreamGrouper::labels(),
// at least as long). Each pair (new story G, old story S) sharing n articles is considered
// by n descending, then S's first article, then G's first article: G takes S's id when
// neither has one yet. So a story that grows or loses a few articles keeps its id, and of
// two merged stories the one that brought more articles names the result (on a tie, the
// older one). A new story without an old id is named name_new(its first article); a name
// in `taken`, of an old story, or already given gets "-2", "-3"… appended. An old story
// whose id no new story took redirects to the new story holding most of its articles (on a
// tie, the one whose first article comes first).
//
// `among` (ascending article numbers; all articles when null): name only these; the result's
// story_of is parallel to `among`. Because each greedy choice above only involves pairs that
// share a story, naming a set that holds every article of each old and new story it touches
// (affected_articles()) gives those articles the ids the whole-store naming gives them, and
// the same redirects, provided `taken` holds every story id of the store. Pure;
// deterministic; cost O(named · log) plus O(1) per article of `labels` when `among` is given.
StoryIdentities assign_story_ids(const std::vector<std::string>& old_story_of,
                                 const std::vector<uint32_t>& labels,
                                 const std::function<std::string(size_t first_article)>& name_new,
                                 const std::set<std::string>& taken,
                                 const std::vector<size_t>* among = nullptr);

// First article of each article's story for a labelling (dense labels 0..k−1, as
// StreamGrouper::labels() gives them): two articles share a story iff they share their
// first article, and the number does not depend on how the labels are numbered. O(n).
std::vector<uint32_t> first_articles(const std::vector<uint32_t>& labels);

// The articles whose story id may change when the grouping goes from `old_first` (per
// article placed before this batch, the first article of its stored story: first_articles()
// of the stored partition) to `labels` (every article now, the new ones at the end): every
// article of each new story and each old story connected, through shared articles, to an
// article that is new or whose story's first article changed. Ascending; empty when no
// story changed. Every other story is the same set of articles as before, so it keeps its
// id. Cost: O(articles) integer work.
std::vector<size_t> affected_articles(const std::vector<uint32_t>& old_first,
                                      const std::vector<uint32_t>& labels);

}  // namespace recoupe::store
