#include "report/cross_check_json.h"

namespace recoupe::report {

using nlohmann::ordered_json;

void add_cross_check(const CrossCheck& cc, ordered_json& story) {
  story["title"] = cc.title.empty() ? ordered_json() : ordered_json(cc.title);
  story["event_date"] = cc.event_date.empty() ? ordered_json() : ordered_json(cc.event_date);
  ordered_json summary = ordered_json::array();
  for (const auto& s : cc.summary) summary.push_back({{"text", s.text}, {"articles", s.articles}});
  story["summary"] = std::move(summary);
  ordered_json corr = ordered_json::array();
  for (const auto& c : cc.corroborated)
    corr.push_back({{"claim", c.claim}, {"articles", c.articles}, {"outlets", c.outlets}});
  story["corroborated"] = std::move(corr);
  ordered_json single = ordered_json::array();
  for (const auto& s : cc.single_source)
    single.push_back({{"claim", s.claim}, {"article", s.article}, {"articles", s.articles}});
  story["single_source"] = std::move(single);
  ordered_json dis = ordered_json::array();
  for (const auto& d : cc.disagreements) {
    ordered_json versions = ordered_json::array();
    for (const auto& v : d.versions)
      versions.push_back({{"value", v.value}, {"articles", v.articles}});
    dis.push_back({{"about", d.about}, {"kind", d.kind}, {"versions", std::move(versions)}});
  }
  story["disagreements"] = std::move(dis);
  ordered_json quotes = ordered_json::array();
  for (const auto& q : cc.quotes) {
    ordered_json j = {{"speaker", q.speaker.empty() ? ordered_json() : ordered_json(q.speaker)},
                      {"text", q.text},
                      {"articles", q.articles},
                      {"kind", q.kind}};
    if (!q.variants.empty()) {
      ordered_json vs = ordered_json::array();
      for (const auto& v : q.variants) vs.push_back({{"text", v.text}, {"articles", v.articles}});
      j["variants"] = std::move(vs);
    }
    quotes.push_back(std::move(j));
  }
  story["quotes"] = std::move(quotes);
  ordered_json ents = ordered_json::array();
  for (const auto& e : cc.entities)
    ents.push_back({{"name", e.name},
                    {"type", e.type},
                    {"aliases", e.aliases},
                    {"mentions", e.mentions},
                    {"articles", e.articles}});
  story["entities"] = std::move(ents);
  ordered_json tl = ordered_json::array();
  for (const auto& t : cc.timeline)
    tl.push_back(
        {{"date", t.date}, {"precision", t.precision}, {"what", t.what}, {"articles", t.articles}});
  story["timeline"] = std::move(tl);
  ordered_json fr = ordered_json::array();
  for (const auto& f : cc.framing)
    fr.push_back({{"article", f.article},
                  {"headline", f.headline.empty() ? ordered_json() : ordered_json(f.headline)},
                  {"distinctive_terms", f.distinctive_terms}});
  story["framing"] = std::move(fr);
}

ordered_json cross_check_json(const CrossCheck& cc) {
  ordered_json j = ordered_json::object();
  add_cross_check(cc, j);
  return j;
}

}  // namespace recoupe::report
