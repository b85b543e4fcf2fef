#include <gtest/gtest.h>

#include "ingest/encoding.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe {
namespace {

TEST(Encoding, RepairsDoubleEncodedUtf8) {
  bool changed = false;
  EXPECT_EQ(ingest::repair_mojibake("FranÃ§ais Ã©tÃ©", &changed), "Français été");
  EXPECT_TRUE(changed);
}

TEST(Normalize, FoldsCaseAndDiacritics) {
  EXPECT_EQ(text::fold("Élysée Kim Jong-Un"), "elysee kim jong-un");
}

}  // namespace
}  // namespace recoupe
