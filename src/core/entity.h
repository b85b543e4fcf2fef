// Entity and Mention: a named thing (person, place, organization, other) and the places in an
// article's text where it is named.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recoupe {

enum class EntityType { person, place, organization, other };

inline std::string_view to_string(EntityType t) {
  switch (t) {
    case EntityType::person:
      return "person";
    case EntityType::place:
      return "place";
    case EntityType::organization:
      return "organization";
    case EntityType::other:
      return "other";
  }
  return "other";
}

// One occurrence of a name: `text` is exactly bytes [begin, end) of the article text.
struct Mention {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
  std::optional<int> sentence;  // index of the sentence holding it, when the caller knows it
  std::string article;          // article id; empty inside a single article's analysis
};

// One entity with its merged names. `name` is the canonical (fullest, most frequent) form;
// `aliases` are the distinct surfaces seen (name included), in order of first appearance;
// `mentions` are in text order (grouped by article at story level); `articles` the ids of
// the articles naming it (empty inside a single article's analysis).
struct Entity {
  std::string name;
  EntityType type = EntityType::other;
  std::vector<std::string> aliases;
  std::vector<Mention> mentions;
  std::vector<std::string> articles;
};

}  // namespace recoupe
