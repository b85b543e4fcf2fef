#include "analyze/gazetteer.h"

#include <zstd.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "analyze/ner_tokens.h"
#include "text/fold.h"

namespace recoupe::analyze {
namespace {

int rank(const Place& p) { return static_cast<int>(p.kind); }  // lower is more prominent

bool parse_kind(std::string_view s, uint32_t population, PlaceKind& kind) {
  if (s == "country")
    kind = PlaceKind::country;
  else if (s == "region")
    kind = PlaceKind::region;
  else if (s == "city")
    kind = population >= 100000 ? PlaceKind::big_city : PlaceKind::city;
  else if (s == "town")
    kind = PlaceKind::town;
  else
    return false;
  return true;
}

}  // namespace

Expected<std::string> read_zstd_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "cannot open"};
  std::stringstream ss;
  ss << in.rdbuf();
  std::string compressed = ss.str();
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  ZSTD_inBuffer input{compressed.data(), compressed.size(), 0};
  std::string out;
  std::string buf(ZSTD_DStreamOutSize(), '\0');
  size_t ret = 1;
  while (input.pos < input.size) {
    ZSTD_outBuffer output{buf.data(), buf.size(), 0};
    ret = ZSTD_decompressStream(ctx, &output, &input);
    if (ZSTD_isError(ret)) {
      ZSTD_freeDCtx(ctx);
      return Error{path, std::string("zstd: ") + ZSTD_getErrorName(ret)};
    }
    out.append(buf.data(), output.pos);
  }
  ZSTD_freeDCtx(ctx);
  if (ret != 0) return Error{path, "truncated zstd stream"};
  return out;
}

void Gazetteer::add(std::string_view name, PlaceKind kind, std::string id, uint32_t population) {
  std::string key = text::fold_key(name);
  if (key.empty()) return;
  Place p{kind, population, std::move(id)};
  auto [it, inserted] = places_.try_emplace(std::move(key), p);
  if (!inserted) {
    Place& q = it->second;
    if (rank(p) < rank(q) || (rank(p) == rank(q) && p.population > q.population)) q = std::move(p);
  }
}

const Place* Gazetteer::find(std::string_view key) const {
  auto it = places_.find(key);
  return it == places_.end() ? nullptr : &it->second;
}

Expected<Gazetteer> Gazetteer::load(const std::string& path) {
  auto text = read_zstd_file(path);
  if (!text) return text.error();
  Gazetteer g;
  g.places_.reserve(300000);
  std::string_view all = *text;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    std::string_view f[4];
    size_t start = 0;
    int n = 0;
    for (; n < 4; ++n) {
      size_t tab = line.find('\t', start);
      f[n] =
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      if (tab == std::string_view::npos) {
        ++n;
        break;
      }
      start = tab + 1;
    }
    if (n < 4) continue;
    uint32_t population = 0;
    std::from_chars(f[3].data(), f[3].data() + f[3].size(), population);
    PlaceKind kind;
    if (!parse_kind(f[1], population, kind)) continue;
    g.add(f[0], kind, std::string(f[2]), population);
  }
  if (g.places_.empty()) return Error{path, "no place names"};
  return g;
}

}  // namespace recoupe::analyze
