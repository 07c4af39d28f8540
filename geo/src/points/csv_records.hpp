#pragma once
// A CSV file read record by record exactly as GDAL's CSV driver reads it (CSVReadParseLine3L and
// CSVSplitLine in GDAL 3.6): lines end at \n, \r, \r\n or \n\r; a record continues on the next
// line while it holds an odd number of quotes; a quote anywhere starts or ends quoted text and
// is dropped, two quotes inside quoted text are one; an empty line is no record.
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace wijkatlas::geo::points_detail {

class CsvRecords {
 public:
  // Throws io_error when the file cannot be opened.
  explicit CsvRecords(const std::filesystem::path& path);
  ~CsvRecords();
  CsvRecords(const CsvRecords&) = delete;
  CsvRecords& operator=(const CsvRecords&) = delete;

  // The next record's tokens, split at `delimiter`; false at the end of the file. The views
  // are valid until the next call.
  bool next(char delimiter, std::vector<std::string_view>& tokens);
  // The bytes read so far, for estimating the number of records.
  std::size_t consumed() const { return consumed_; }

 private:
  bool next_line(std::string_view& line);
  bool fill();

  std::FILE* file_ = nullptr;
  std::string path_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false, at_start_ = true;
  std::size_t consumed_ = 0;
  std::string record_;  // a record spanning lines, or one with quotes, unescaped
};

// Splits one record as CSVSplitLine does. Views point into `record` or, for tokens with
// quotes, into `unquoted`.
void split_csv_record(std::string_view record, char delimiter,
                      std::vector<std::string_view>& tokens, std::string& unquoted);

}  // namespace wijkatlas::geo::points_detail
