// Gazetteer: place names in many languages (GeoNames and ISO country/region names) looked up
// by their folded key, so that "Corée du Nord", "North Korea" and "Nordkorea" lead to the same
// place id, and "Vladivostok" is known to be a city.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/expected.h"

namespace recoupe::analyze {

// What kind of place a name denotes. `big_city`: a city of ≥ 100,000 people; `town`: a
// locality of 1,000–15,000 people (many such names are also common words or surnames).
enum class PlaceKind : uint8_t { country, region, big_city, city, town };

struct Place {
  PlaceKind kind = PlaceKind::town;
  uint32_t population = 0;  // 0 when unknown
  std::string id;           // "geonames:2017370", "iso3166-2:FR-IDF"
};

// Immutable after load; lookups are thread-safe. Memory ≈ 100 bytes per name.
class Gazetteer {
 public:
  Gazetteer() = default;

  // Reads data/gazetteer/places.tsv.zst (zstd-compressed TSV, no header:
  // name, type (country|region|city|town), id, population). When a name denotes several
  // places, keeps the most prominent: country, then region, then the most populous city.
  // Error when the file is missing or not valid zstd. Cost: ≈ 0.3 s for 300k names.
  static Expected<Gazetteer> load(const std::string& path);

  // The place whose name has fold_key(name) == key, or nullptr.
  const Place* find(std::string_view key) const;

  // Adds one name (tests and the loader use it).
  void add(std::string_view name, PlaceKind kind, std::string id, uint32_t population);

  size_t size() const { return places_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Place, Hash, std::equal_to<>> places_;
};

// Reads a whole zstd-compressed file into memory. Error when missing or corrupt.
Expected<std::string> read_zstd_file(const std::string& path);

}  // namespace recoupe::analyze
