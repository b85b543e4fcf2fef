#include "cluster/features.h"

#include <algorithm>
#include <charconv>

namespace recoupe::cluster {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int64_t(doe) - 719468;
}

bool read_int(std::string_view s, size_t pos, size_t len, int& out) {
  if (pos + len > s.size()) return false;
  auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return r.ec == std::errc() && r.ptr == s.data() + pos + len;
}

}  // namespace

int64_t parse_time_hours(const std::optional<std::string>& iso) {
  if (!iso) return kUnknownTime;
  std::string_view s = *iso;
  int y, m, d;
  if (!read_int(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !read_int(s, 5, 2, m) ||
      s[7] != '-' || !read_int(s, 8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31)
    return kUnknownTime;
  int64_t hours = days_from_civil(y, unsigned(m), unsigned(d)) * 24;
  int hh = 12;
  if (s.size() >= 13 && (s[10] == 'T' || s[10] == ' ') && read_int(s, 11, 2, hh) && hh < 24) {
    // Offset "+02:00" / "-0500" after the time: convert to UTC.
    size_t sign = s.find_first_of("+-", 13);
    int oh = 0;
    if (sign != std::string_view::npos && read_int(s, sign + 1, 2, oh) && oh <= 14)
      hh -= s[sign] == '+' ? oh : -oh;
  } else {
    hh = 12;
  }
  return hours + hh;
}

std::array<double, kChannels> channel_weights(const ClusterConfig& c) {
  return {c.weight_title, c.weight_body, c.weight_entities, c.weight_numbers};
}

std::array<size_t, kChannels> channel_centroid_terms(const ClusterConfig& c) {
  return {c.centroid_title_terms, c.centroid_body_terms, c.centroid_entity_terms,
          c.centroid_number_terms};
}

std::vector<index::TermId> distinct_terms(const index::RawTerms& raw) {
  std::vector<index::TermId> ids;
  ids.reserve(raw.title.size() + raw.body.size() + raw.entities.size() + raw.numbers.size());
  for (const auto* ch : {&raw.title, &raw.body, &raw.entities, &raw.numbers})
    for (const auto& e : *ch) ids.push_back(e.term);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

ArticleFeatures weigh_features(const index::RawTerms& raw, const index::DocumentFrequency& df,
                               int64_t time_hours, const ClusterConfig& config) {
  ArticleFeatures f;
  f.title = df.weigh(raw.title, config.idf_offset, config.idf_prior_documents);
  f.body = df.weigh(raw.body, config.idf_offset, config.idf_prior_documents);
  f.entities = df.weigh(raw.entities, config.idf_offset, config.idf_prior_documents);
  f.numbers = df.weigh(raw.numbers, config.idf_offset, config.idf_prior_documents);
  // Articles keep no more terms than a centroid would: bounded memory, negligible loss.
  index::keep_top(f.body, config.centroid_body_terms);
  index::keep_top(f.entities, config.centroid_entity_terms);
  index::keep_top(f.numbers, config.centroid_number_terms);
  f.signature = raw.signature;
  f.time_hours = time_hours;
  f.words = raw.words;
  return f;
}

}  // namespace recoupe::cluster
