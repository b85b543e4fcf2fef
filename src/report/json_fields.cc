#include "report/json_fields.h"

namespace recoupe::report {
namespace {

const Json* member(const Json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(std::string(key));
  return it == obj.end() ? nullptr : &*it;
}

std::string scalar_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump();
  return "";
}

}  // namespace

std::string field_text(const Json& obj, std::string_view key) {
  const Json* v = member(obj, key);
  return v ? scalar_text(*v) : "";
}

const Json& field_list(const Json& obj, std::string_view key) {
  static const Json kEmpty = Json::array();
  const Json* v = member(obj, key);
  return v && v->is_array() ? *v : kEmpty;
}

std::optional<long long> field_count(const Json& obj, std::string_view key) {
  const Json* v = member(obj, key);
  if (v == nullptr) return std::nullopt;
  if (v->is_number_unsigned()) return static_cast<long long>(v->get<unsigned long long>());
  if (v->is_number_integer() && v->get<long long>() >= 0) return v->get<long long>();
  if (v->is_array()) return static_cast<long long>(v->size());
  return std::nullopt;
}

std::vector<std::string> ids_in(const Json& value) {
  std::vector<std::string> ids;
  if (value.is_array()) {
    for (const Json& v : value)
      if (std::string s = scalar_text(v); !s.empty() && !v.is_boolean()) ids.push_back(s);
  } else if (std::string s = scalar_text(value); !s.empty() && !value.is_boolean()) {
    ids.push_back(s);
  }
  return ids;
}

std::vector<std::string> field_strings(const Json& obj, std::string_view key) {
  const Json* v = member(obj, key);
  return v ? ids_in(*v) : std::vector<std::string>{};
}

}  // namespace recoupe::report
