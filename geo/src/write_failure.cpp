#include "wijkatlas/geo/write_failure.hpp"

#include <sys/resource.h>
#include <sys/statvfs.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace wijkatlas::geo {
namespace {

// A disk with less room than this after a failed write is taken to be full: SQLite and GDAL
// write pages of a few kilobytes, the file systems keep a little for themselves.
constexpr unsigned long long full_below_bytes = 1ull << 20;

bool disk_full(const std::filesystem::path& file) {
  std::filesystem::path dir = file.parent_path();
  if (dir.empty()) dir = ".";
  struct statvfs fs {};
  if (::statvfs(dir.c_str(), &fs) != 0) return false;
  const unsigned long long free_bytes =
      static_cast<unsigned long long>(fs.f_bavail) * static_cast<unsigned long long>(fs.f_frsize);
  return free_bytes < full_below_bytes;
}

// The file is at least half as large as this process may write one: the limit stopped it.
bool at_size_limit(const std::filesystem::path& file) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return false;
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  return !ec && size >= limit.rlim_cur / 2;
}

// The first line, without the statement GDAL and SQLite append to their messages.
std::string first_line_without_sql(std::string_view message) {
  std::string text(message.substr(0, message.find('\n')));
  static constexpr std::array statements{"SELECT ", "INSERT ", "CREATE ", "UPDATE ", "DELETE ",
                                         "PRAGMA ", "DROP ",   "ALTER ",  "REPLACE "};
  std::size_t cut = text.size();
  for (const char* statement : statements) cut = std::min(cut, text.find(statement));
  text.resize(cut);
  while (!text.empty() && std::strchr(" :(\"'", text.back()) != nullptr) text.pop_back();
  if (text.size() > 200) text = text.substr(0, 200) + "...";
  return text.empty() ? "the library writing it gave no reason" : text;
}

}  // namespace

std::string write_failure_reason(int errno_value) {
  switch (errno_value) {
    case ENOSPC:
      return "the disk is full (no space left on the device)";
    case EDQUOT:
      return "the disk quota is used up";
    case EFBIG:
      return "the file grew larger than allowed (the file system's or this process's file size "
             "limit, ulimit -f), as on a full disk";
    case EIO:
      return "the disk reported an input/output error";
    case EROFS:
      return "the file system is read-only";
    default:
      return std::strerror(errno_value);
  }
}

std::optional<std::string> out_of_room(const std::filesystem::path& file) {
  if (disk_full(file)) return write_failure_reason(ENOSPC);
  if (at_size_limit(file)) return write_failure_reason(EFBIG);
  return std::nullopt;
}

std::string write_failure_reason(const std::filesystem::path& temporary,
                                 std::string_view library_message) {
  return out_of_room(temporary).value_or(first_line_without_sql(library_message));
}

std::string could_not_write(const std::string& reason) {
  return "cannot write: " + reason +
         "; nothing was written (a file of that name from before is "
         "unchanged)";
}

}  // namespace wijkatlas::geo
