// number_slots (synth/number_slots.h) compares a mention with the groups of its own unit
// only: the groups must be those of comparing it with every group, in the same order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synth/number_slots.h"

namespace recoupe::synth {
namespace {

NumberMention mention(size_t article, std::string unit, double value,
                      std::vector<std::string> predicates, std::vector<std::string> names = {}) {
  NumberMention m;
  m.article = article;
  m.unit = std::move(unit);
  m.value = value;
  m.predicates = std::move(predicates);  // sorted, as number_mentions gives them
  m.names = std::move(names);
  return m;
}

// The grouping as the header states it, every group tried for every mention.
std::vector<std::vector<size_t>> every_group_tried(const std::vector<NumberMention>& mentions) {
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < mentions.size(); ++i) {
    size_t best = groups.size(), best_matches = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
      size_t matches = 0;
      bool apart = false;
      for (size_t j : groups[g]) {
        matches += same_slot(mentions[i], mentions[j]) ? 1 : 0;
        apart = apart || set_apart(mentions[i], mentions[j]);
      }
      if ((matches * 2 > groups[g].size() || (!apart && matches * 2 == groups[g].size())) &&
          matches > best_matches) {
        best = g;
        best_matches = matches;
      }
    }
    if (best == groups.size())
      groups.push_back({i});
    else
      groups[best].push_back(i);
  }
  return groups;
}

TEST(NumberSlotsUnits, UnitsInterleavedGiveTheGroupsOfTheFullComparison) {
  const std::vector<NumberMention> mentions = {
      mention(0, "person", 12, {"dead", "kill"}),
      mention(0, "percent", 3, {"rise", "vote"}),
      mention(1, "person", 14, {"dead"}),
      mention(1, "percent", 4, {"vote"}),
      mention(2, "dollar", 5e6, {"damag"}),
      mention(2, "person", 40, {"injur"}),
      mention(3, "person", 41, {"injur"}, {"athens"}),
      mention(3, "percent", 3, {"rise", "vote"}),
      mention(4, "person", 13, {"dead", "kill"}),
      mention(4, "dollar", 6e6, {"damag"}),
      mention(5, "person", 40, {"injur"}, {"sparta"}),
  };
  const auto groups = number_slots(mentions);
  EXPECT_EQ(groups, every_group_tried(mentions));
  // The dead, the injured (Athens and Sparta: not one slot with each other), the votes, the
  // damage.
  EXPECT_EQ(groups.front(), (std::vector<size_t>{0, 2, 8}));
  for (const auto& g : groups)
    for (size_t k : g) EXPECT_EQ(mentions[k].unit, mentions[g.front()].unit);
}

TEST(NumberSlotsUnits, AMentionLikeOneOfTwoJoinsThemUnlessTheOtherIsSetApart) {
  // The show's length: the second outlet tells it like the first and the third, the first
  // and the third have one word in common only. The third joins the two.
  const auto joined = number_slots({
      mention(0, "hour", 3, {"marqu", "mond", "ouvertur", "spectacl"}),
      mention(1, "hour", 3, {"ceremon", "defil", "ouvertur", "spectacl"}),
      mention(2, "hour", 4, {"athlet", "defil", "exalt", "spectacl"}),
  });
  EXPECT_EQ(joined, (std::vector<std::vector<size_t>>{{0, 1, 2}}));
  // The same, but the first and the third name two different places: two slots.
  const auto apart = number_slots({
      mention(0, "hour", 3, {"marqu", "mond", "ouvertur", "spectacl"}, {"pekin"}),
      mention(1, "hour", 3, {"ceremon", "defil", "ouvertur", "spectacl"}),
      mention(2, "hour", 4, {"athlet", "defil", "exalt", "spectacl"}, {"shanghai"}),
  });
  EXPECT_EQ(apart, (std::vector<std::vector<size_t>>{{0, 1}, {2}}));
}

}  // namespace
}  // namespace recoupe::synth
