// libFuzzer target: arbitrary bytes as one JSONL record, then the extract stage on what the
// record yields (its text or HTML).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/encoding.h"
#include "ingest/reader.h"
#include "shipped_resources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const recoupe::engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto doc =
      recoupe::ingest::parse_jsonl_record(line, "fuzz.jsonl:1", recoupe::ingest::ReadLimits{});
  if (!doc) return 0;
  if (!recoupe::ingest::is_valid_utf8(doc->content) || !recoupe::ingest::is_valid_utf8(doc->id))
    std::abort();
  (void)pipeline.extract(*doc);
  return 0;
}
