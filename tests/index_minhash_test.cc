#include <gtest/gtest.h>

#include "index/candidate_index.h"
#include "index/lsh_index.h"
#include "index/minhash.h"
#include "shipped_resources.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::index {
namespace {

std::vector<std::string> folded(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& w : text::words(s, recoupe::testing::shipped_resources().elisions()))
    out.push_back(text::fold(w));
  return out;
}

std::string story(int seed) {
  std::string s;
  for (int i = 0; i < 300; ++i) s += "w" + std::to_string((i * 7919 + seed * 104729) % 5000) + " ";
  return s;
}

TEST(MinHash, EstimatesJaccardOfShingles) {
  std::string a = story(1);
  // A reprint: two words edited, two added.
  std::string b = a;
  b.replace(b.find(' ', 200) + 1, 1, "x");
  b.replace(b.find(' ', 900) + 1, 1, "y");
  b += "Reuters contributed";
  auto sa = minhash(shingle_hashes(folded(a))), sb = minhash(shingle_hashes(folded(b)));
  auto sc = minhash(shingle_hashes(folded(story(2))));
  EXPECT_EQ(sa.size(), size_t(kMinHashSize));
  EXPECT_EQ(jaccard_estimate(sa, sa), 1.0);
  EXPECT_GT(jaccard_estimate(sa, sb), 0.8);
  EXPECT_LT(jaccard_estimate(sa, sc), 0.1);
  EXPECT_TRUE(minhash({}).empty());
  EXPECT_EQ(jaccard_estimate({}, sa), 0.0);
  EXPECT_EQ(shingle_hashes(folded("two words")).size(), 1u);  // shorter than 5: one shingle
}

TEST(LshIndex, FindsNearDuplicatesNotStrangers) {
  LshIndex lsh(14, 8);
  auto sa = minhash(shingle_hashes(folded(story(1))));
  std::string edited = story(1);
  edited.replace(0, 3, "new");
  auto sb = minhash(shingle_hashes(folded(edited)));
  auto sc = minhash(shingle_hashes(folded(story(3))));
  lsh.insert(sa, 0);
  lsh.insert(sc, 1);
  EXPECT_EQ(lsh.query(sb), std::vector<uint32_t>{0});
  EXPECT_TRUE(lsh.query(minhash(shingle_hashes(folded(story(4))))).empty());
}

TEST(CandidateIndex, ReturnsClustersSharingTermsWithinWindow) {
  CandidateIndex idx;
  idx.post(0, {1, 2, 3}, 1000);
  idx.post(1, {3, 4}, 1000);
  idx.post(2, {1, 2}, 5000);  // far in time
  idx.post(3, {1}, CandidateIndex::kUnknownTime);
  SparseVector q = make_sparse({{1, 0.5f}, {2, 0.5f}, {4, 0.1f}});
  CandidateIndex::Limits limits;
  auto got = idx.query(q, 1010, 100, limits);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], 0u);                                 // shares the two heavy terms
  EXPECT_EQ(std::count(got.begin(), got.end(), 2u), 0);  // outside the window
  // A re-posted cluster counts once per term.
  idx.post(1, {3, 4}, 1001);
  auto again = idx.query(make_sparse({{4, 1.f}}), 1010, 100, limits);
  EXPECT_EQ(again, std::vector<uint32_t>{1});
  limits.max_candidates = 1;
  EXPECT_EQ(idx.query(q, CandidateIndex::kUnknownTime, 100, limits).size(), 1u);
  idx.expire(2000);
  EXPECT_TRUE(idx.query(make_sparse({{4, 1.f}}), 5000, 1000000, CandidateIndex::Limits{}).empty());
}

}  // namespace
}  // namespace recoupe::index
