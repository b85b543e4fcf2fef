#include "text/data_dir.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace recoupe::text {
namespace fs = std::filesystem;

std::string find_data_dir(const std::string& override_dir) {
  if (!override_dir.empty()) return override_dir;
  if (const char* env = std::getenv("RECOUPE_DATA"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path beside = exe.parent_path().parent_path() / "data";
    if (fs::is_directory(beside / "fr", ec)) return beside.string();
  }
  return RECOUPE_SOURCE_DATA_DIR;
}

std::vector<std::string> read_list(const std::string& data_dir, const std::string& lang,
                                   const std::string& name) {
  std::vector<std::string> out;
  std::ifstream in(fs::path(data_dir) / lang / name);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    out.push_back(line.substr(start));
  }
  return out;
}

}  // namespace recoupe::text
