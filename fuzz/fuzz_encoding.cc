// libFuzzer target: arbitrary bytes → decode_to_utf8 and repair_mojibake. Checks the contract:
// whatever comes in, what comes out is valid UTF-8, and repairing is idempotent on its output
// only in the sense that it never breaks UTF-8 validity.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks a declared charset, as an HTML page's <meta> would.
  static constexpr std::string_view kDeclared[] = {
      "",       "utf-8",     "iso-8859-1", "iso-8859-15", "windows-1251",
      "koi8-r", "shift_jis", "utf-16",     "x-bogus"};
  std::string_view declared;
  if (!bytes.empty()) {
    declared = kDeclared[static_cast<uint8_t>(bytes[0]) % std::size(kDeclared)];
    bytes.remove_prefix(1);
  }
  auto decoded = recoupe::ingest::decode_to_utf8(bytes, declared);
  if (decoded && !recoupe::ingest::is_valid_utf8(decoded->text)) std::abort();
  if (recoupe::ingest::is_valid_utf8(bytes)) {
    std::string repaired = recoupe::ingest::repair_mojibake(bytes);
    if (!recoupe::ingest::is_valid_utf8(repaired)) std::abort();
    if (repaired.size() > bytes.size()) std::abort();  // repair only ever shortens
  }
  (void)recoupe::ingest::declared_html_charset(bytes);
  return 0;
}
