// libFuzzer target: arbitrary bytes as a scraped plain-text article, through the reader's
// decoding and then the whole extract stage.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/reader.h"
#include "shipped_resources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const recoupe::engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = recoupe::ingest::make_raw_document(
      std::string(bytes), "fuzz.txt", recoupe::ContentKind::kText, recoupe::ingest::ReadLimits{});
  if (doc) (void)pipeline.extract(*doc);
  return 0;
}
