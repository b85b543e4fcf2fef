// OrderedReader against a real three-node cluster: what one clusterer needs, the analyzed
// articles in stream order, and resuming after a restart from the sequence it recorded.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "bus/connection.h"
#include "bus/ordered_reader.h"
#include "bus/publish.h"
#include "bus/stream.h"
#include "bus_nats_cluster.h"

namespace recoupe::bus {
namespace {

using namespace std::chrono_literals;
using recoupe::testing::NatsClusterTest;

class BusOrderedReaderTest : public NatsClusterTest {};

TEST_F(BusOrderedReaderTest, ReadsInStreamOrderAndResumesFromAGivenSequence) {
  auto opened = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(opened) << opened.error().to_string();
  Connection& connection = *opened;
  ASSERT_TRUE(ensure_stream(connection, {.name = "ANALYZED", .subjects = {"recoupe.analyzed.>"}}));
  for (int i = 1; i <= 50; ++i)
    ASSERT_TRUE(publish(connection, "recoupe.analyzed." + std::string(i % 2 ? "fr" : "en"),
                        std::to_string(i), "a-" + std::to_string(i)));
  {
    auto reader = OrderedReader::open(connection, "ANALYZED", "recoupe.analyzed.>", 1);
    ASSERT_TRUE(reader) << reader.error().to_string();
    for (uint64_t seq = 1; seq <= 30; ++seq) {  // the clusterer places 30, then dies
      auto m = reader->next(2000ms);
      ASSERT_TRUE(m && *m) << seq;
      EXPECT_EQ((*m)->stream_sequence, seq);
      EXPECT_EQ((*m)->data, std::to_string(seq));
    }
  }
  // Restarted, it resumes after the last sequence it recorded.
  auto reader = OrderedReader::open(connection, "ANALYZED", "recoupe.analyzed.>", 31);
  ASSERT_TRUE(reader) << reader.error().to_string();
  for (uint64_t seq = 31; seq <= 50; ++seq) {
    auto m = reader->next(2000ms);
    ASSERT_TRUE(m && *m) << seq;
    EXPECT_EQ((*m)->stream_sequence, seq);
    EXPECT_EQ((*m)->id, "a-" + std::to_string(seq));
  }
  auto caught_up = reader->next(300ms);
  ASSERT_TRUE(caught_up);
  EXPECT_FALSE(*caught_up);
  ASSERT_TRUE(publish(connection, "recoupe.analyzed.fr", "51", "a-51"));  // and follows on
  auto live = reader->next(2000ms);
  ASSERT_TRUE(live && *live);
  EXPECT_EQ((*live)->stream_sequence, 51u);

  auto missing = OrderedReader::open(connection, "NO_SUCH", "recoupe.analyzed.>", 1);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().to_string().find("NO_SUCH"), std::string::npos);
}

}  // namespace
}  // namespace recoupe::bus
