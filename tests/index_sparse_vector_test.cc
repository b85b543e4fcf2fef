#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "index/document_frequency.h"
#include "index/sparse_vector.h"
#include "index/term_dictionary.h"

namespace recoupe::index {
namespace {

TEST(SparseVector, MakeSortsAndSumsDuplicates) {
  SparseVector v = make_sparse({{5, 1.f}, {2, 2.f}, {5, 3.f}, {7, 0.f}});
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v.entries[0].term, 2u);
  EXPECT_EQ(v.entries[1].term, 5u);
  EXPECT_FLOAT_EQ(v.entries[1].weight, 4.f);
}

TEST(SparseVector, CosineOfNormalizedVectors) {
  SparseVector a = make_sparse({{1, 3.f}, {2, 4.f}});
  SparseVector b = make_sparse({{2, 1.f}, {9, 1.f}});
  l2_normalize(a);
  EXPECT_NEAR(norm(a), 1.0, 1e-6);
  EXPECT_NEAR(cosine(a, b), 0.8 / std::sqrt(2.0), 1e-6);
  EXPECT_EQ(cosine(a, SparseVector{}), 0.0);
  // A long vector against a short one takes the binary-search path: same answer.
  std::vector<TermWeight> many;
  for (TermId t = 0; t < 100; ++t) many.push_back({t, 1.f});
  SparseVector big = make_sparse(many);
  EXPECT_NEAR(dot(a, big), 0.6 + 0.8, 1e-6);
}

TEST(SparseVector, AddScaledAndKeepTop) {
  SparseVector a = make_sparse({{1, 1.f}, {3, 1.f}});
  add_scaled(a, make_sparse({{1, 1.f}, {2, 5.f}}), 2.f);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_FLOAT_EQ(a.entries[0].weight, 3.f);     // term 1
  EXPECT_FLOAT_EQ(a.entries[1].weight, 10.f);    // term 2
  add_scaled(a, make_sparse({{3, 1.f}}), -1.f);  // removing a term drops it
  EXPECT_EQ(a.size(), 2u);
  keep_top(a, 1);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a.entries[0].term, 2u);
  EXPECT_EQ(top_terms(make_sparse({{1, 1.f}, {2, 3.f}, {3, 2.f}}), 2), (std::vector<TermId>{2, 3}));
}

TEST(TermDictionary, InternsOnceAcrossThreads) {
  TermDictionary d;
  EXPECT_EQ(d.intern("putin"), 0u);
  EXPECT_EQ(d.intern("kim"), 1u);
  EXPECT_EQ(d.intern("putin"), 0u);
  EXPECT_EQ(d.find("kim"), 1u);
  EXPECT_FALSE(d.find("vostochny"));
  EXPECT_EQ(d.key(1), "kim");
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t)
    pool.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) d.intern("w" + std::to_string(i));
    });
  for (auto& t : pool) t.join();
  EXPECT_EQ(d.size(), 1002u);
  EXPECT_EQ(d.key(*d.find("w500")), "w500");
}

TEST(DocumentFrequency, RareTermsWeighMore) {
  DocumentFrequency df;
  df.add(std::vector<TermId>{0, 1});
  df.add(std::vector<TermId>{0, 2});
  df.add(std::vector<TermId>{0});
  EXPECT_EQ(df.documents(), 3u);
  EXPECT_EQ(df.df(0), 3u);
  EXPECT_NEAR(df.idf(0, 0.3), 0.3, 1e-9);  // in every document: the offset only
  EXPECT_GT(df.idf(1, 0.3), df.idf(0, 0.3));
  // With a prior of many documents, weights stay close to uniform.
  EXPECT_LT(df.idf(1, 0.3, 1000) - df.idf(0, 0.3, 1000), 0.01);
  SparseVector v = df.weigh({{0, 1.f}, {1, 1.f}}, 0.3);
  EXPECT_NEAR(norm(v), 1.0, 1e-6);
  EXPECT_GT(v.entries[1].weight, v.entries[0].weight);
}

}  // namespace
}  // namespace recoupe::index
