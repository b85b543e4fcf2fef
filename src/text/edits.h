// How far apart two spellings are: names written a letter or two apart by two outlets
// ("Wolfe" / "Wolff", "Karolos" / "Carolos") are one name.
#pragma once

#include <cstddef>
#include <string_view>

namespace recoupe::text {

// True when turning `a` into `b` takes more than `limit` edits: a byte inserted, deleted or
// replaced, or two neighbouring bytes swapped (the optimal-string-alignment distance). Give
// folded words: an accented letter counts as its bytes. Cost: O(|a|·|b|).
bool edits_beyond(std::string_view a, std::string_view b, size_t limit);

}  // namespace recoupe::text
