#include "report/article_text.h"

#include <optional>
#include <sstream>

#include <fmt/format.h>

namespace recoupe::report {

std::string article_to_text(const Article& a) {
  auto show = [](const std::optional<std::string>& v) { return v ? *v : std::string("—"); };
  std::ostringstream out;
  out << "── " << a.id << " (" << a.file << ")\n";
  out << "title:     " << show(a.title) << "\n";
  out << "source:    " << show(a.source) << "\n";
  out << "published: " << show(a.published) << "\n";
  out << "author:    " << show(a.author) << "\n";
  out << "agency:    " << show(a.agency) << "\n";
  out << "language:  " << show(a.language) << fmt::format(" ({:.2f})", a.language_confidence)
      << "\n";
  out << "words:     " << a.words << "\n\n";
  for (const auto& p : a.paragraphs) out << p << "\n\n";
  return out.str();
}

}  // namespace recoupe::report
