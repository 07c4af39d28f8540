#include "points/csv_records.hpp"

#include <algorithm>
#include <cstring>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo::points_detail {
namespace {

constexpr std::size_t chunk = std::size_t{4} << 20;

}  // namespace

void split_csv_record(std::string_view record, char delimiter,
                      std::vector<std::string_view>& tokens, std::string& unquoted) {
  tokens.clear();
  if (record.find('"') == std::string_view::npos) {
    // Without quotes: plain tokens between delimiters (a trailing delimiter ends an empty one).
    std::size_t start = 0;
    while (start < record.size()) {
      const std::size_t at = record.find(delimiter, start);
      if (at == std::string_view::npos) {
        tokens.push_back(record.substr(start));
        return;
      }
      tokens.push_back(record.substr(start, at - start));
      start = at + 1;
      if (start == record.size()) tokens.push_back(std::string_view());
    }
    return;
  }
  // With quotes: tokens are unquoted into one string first, then viewed (it must not grow
  // while views into it are taken).
  unquoted.clear();
  unquoted.reserve(record.size());
  std::vector<std::size_t> bounds;
  std::size_t i = 0;
  while (i < record.size()) {
    bool in_string = false;
    const std::size_t token_start = unquoted.size();
    for (; i < record.size(); ++i) {
      const char c = record[i];
      if (!in_string && c == delimiter) {
        ++i;
        break;
      }
      if (c == '"') {
        if (!in_string || i + 1 >= record.size() || record[i + 1] != '"') {
          in_string = !in_string;
          continue;
        }
        ++i;  // two quotes inside quoted text are one
      }
      unquoted.push_back(record[i]);
    }
    bounds.push_back(token_start);
    bounds.push_back(unquoted.size());
    if (i == record.size() && record[i - 1] == delimiter) {
      bounds.push_back(unquoted.size());
      bounds.push_back(unquoted.size());
    }
  }
  for (std::size_t b = 0; b < bounds.size(); b += 2) {
    tokens.emplace_back(unquoted.data() + bounds[b], bounds[b + 1] - bounds[b]);
  }
}

CsvRecords::CsvRecords(const std::filesystem::path& path) : path_(path.string()), buffer_(chunk) {
  file_ = std::fopen(path_.c_str(), "rb");
  if (file_ == nullptr) throw io_error(path_, "cannot open: " + std::string(std::strerror(errno)));
}

CsvRecords::~CsvRecords() {
  if (file_ != nullptr) std::fclose(file_);
}

bool CsvRecords::fill() {
  if (eof_) return false;
  // Keep the unread part, make room for a chunk more.
  std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
  if (buffer_.size() - end_ < chunk) buffer_.resize(end_ + chunk);
  const std::size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
  if (got == 0) {
    if (std::ferror(file_))
      throw io_error(path_, "read failed: " + std::string(std::strerror(errno)));
    eof_ = true;
    return false;
  }
  end_ += got;
  return true;
}

bool CsvRecords::next_line(std::string_view& line) {
  for (;;) {
    const char* data = buffer_.data();
    if (at_start_ && (end_ - begin_ >= 3 || eof_)) {
      if (end_ - begin_ >= 3 && std::memcmp(data + begin_, "\xEF\xBB\xBF", 3) == 0)
        begin_ += 3;  // BOM
      at_start_ = false;
    }
    std::size_t at = begin_;
    while (at < end_ && data[at] != '\n' && data[at] != '\r') ++at;
    // A line ends at \n or \r, and the other one right after belongs to the same end. At the
    // end of the buffer that is only known after reading more.
    if (at + 1 < end_ || (at < end_ && eof_)) {
      line = std::string_view(data + begin_, at - begin_);
      std::size_t next = at + 1;
      if (next < end_ && data[next] != data[at] && (data[next] == '\n' || data[next] == '\r'))
        ++next;
      consumed_ += next - begin_;
      begin_ = next;
      return true;
    }
    if (at == end_ && eof_) {  // the last line, without a line end
      if (begin_ == end_) return false;
      line = std::string_view(data + begin_, end_ - begin_);
      consumed_ += end_ - begin_;
      begin_ = end_;
      return true;
    }
    fill();  // at the end of the file it sets eof_ and reads nothing
  }
}

bool CsvRecords::next(char delimiter, std::vector<std::string_view>& tokens) {
  std::string_view line;
  do {
    if (!next_line(line)) return false;
  } while (line.empty());
  if (line.find('"') == std::string_view::npos) {
    split_csv_record(line, delimiter, tokens, record_);  // views into the buffer
    return true;
  }
  // An odd number of quotes: the record goes on on the next line.
  std::string joined(line);
  std::size_t quotes = static_cast<std::size_t>(std::count(line.begin(), line.end(), '"'));
  while (quotes % 2 == 1 && next_line(line)) {
    joined += '\n';
    joined += line;
    quotes += static_cast<std::size_t>(std::count(line.begin(), line.end(), '"'));
  }
  split_csv_record(joined, delimiter, tokens, record_);
  return true;
}

}  // namespace wijkatlas::geo::points_detail
