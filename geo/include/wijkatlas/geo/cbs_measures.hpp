#pragma once
// What a CBS column means: the measures of table 85984NED (Kerncijfers wijken en buurten 2024)
// by their column name, with a Dutch and an English title and unit, so that maps and legends
// say "Bevolkingsdichtheid (inwoners per km²)" instead of "Bevolkingsdichtheid_34". The
// dictionary ships with the project as datasets/cbs_85984NED_measures.csv (manifest id
// cbs_85984NED_measures).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace wijkatlas::geo {

struct CbsMeasure {
  std::string code;   // the column name as CBS publishes it, e.g. "Bevolkingsdichtheid_34"
  std::string title;  // Dutch: "Bevolkingsdichtheid"
  std::string unit;   // Dutch: "inwoners per km²"; "aantal" for counts; "" for text
  std::string title_en;
  std::string unit_en;
};

class CbsMeasures {
 public:
  // Reads a dictionary with the columns code, titel, eenheid, title_en, unit_en. Throws
  // io_error when unreadable, data_error naming the line when a column or a code is missing.
  static CbsMeasures load(const std::filesystem::path& csv);

  // The measure of a column: its exact code (ignoring case), else by its name without the
  // numeric suffix when only one measure has that name: CBS renumbers the suffix between tables
  // and downloads (MateVanStedelijkheid_122 in one file, _120 in another). nullptr otherwise.
  const CbsMeasure* find(std::string_view column) const;

  // "Title (unit)" in Dutch or English; the title alone for counts and text; the column name
  // itself when it is no known measure.
  std::string label(std::string_view column, bool english = false) const;

  const std::vector<CbsMeasure>& measures() const { return measures_; }

 private:
  std::vector<CbsMeasure> measures_;
};

// The project's dictionary (datasets/cbs_85984NED_measures.csv), read once. Throws as load().
const CbsMeasures& cbs_measures();

}  // namespace wijkatlas::geo
