#include "text/elisions.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "text/data_dir.h"

namespace recoupe::text {
namespace {

namespace fs = std::filesystem;

fs::path scratch_data(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("recoupe_elisions_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir / "fr");
  return dir;
}

TEST(Elisions, ShippedListsCoverFrenchAndItalian) {
  auto rules = load_elision_rules(find_data_dir());
  ASSERT_TRUE(rules.ok()) << rules.error().to_string();
  EXPECT_TRUE(rules->is_elided("l"));
  EXPECT_TRUE(rules->is_elided("qu"));
  EXPECT_TRUE(rules->is_elided("jusqu"));
  EXPECT_TRUE(rules->is_elided("dell"));      // Italian
  EXPECT_FALSE(rules->is_elided("aujourd"));  // "aujourd'hui" is one word
  EXPECT_FALSE(rules->is_elided("L"));        // callers lower-case first
}

TEST(Elisions, MissingListsAreAnErrorNamingTheFile) {
  fs::path dir = scratch_data("missing");
  auto rules = load_elision_rules(dir.string());
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.error().where.find("fr/elisions.txt"), std::string::npos);
}

TEST(Elisions, CorruptLineIsAnErrorNamingFileAndLine) {
  fs::path dir = scratch_data("corrupt");
  std::ofstream(dir / "fr" / "elisions.txt") << "# comment\nl\nqu'\n";
  auto rules = load_elision_rules(dir.string());
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.error().where.find("elisions.txt:3"), std::string::npos);
  std::ofstream(dir / "fr" / "elisions.txt") << "L\n";
  EXPECT_FALSE(load_elision_rules(dir.string()).ok());  // upper case
}

}  // namespace
}  // namespace recoupe::text
