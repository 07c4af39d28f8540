#pragma once
// Why writing a file failed, in words a user can act on: "the disk is full" rather than
// "File too large", "Write Error" or "database disk image is malformed" and a statement of SQL.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace wijkatlas::geo {

// From the errno of a failed write, flush or close.
std::string write_failure_reason(int errno_value);

// "the disk is full" when the file system of `file` has (next to) no room left, or the reason
// for EFBIG when `file` reached this process's file size limit; nothing otherwise. For writers
// that lose errno, asked while the unfinished file still exists.
std::optional<std::string> out_of_room(const std::filesystem::path& file);

// For writers that lose errno (GDAL and SQLite, Cairo, libpng): what the file system says while
// the unfinished file `temporary` still exists: its disk is full, or it reached this process's
// file size limit; otherwise the first line of `library_message`, cut before any SQL.
std::string write_failure_reason(const std::filesystem::path& temporary,
                                 std::string_view library_message);

// The text of an output_error for an output that could not be written: "cannot write: <reason>;
// nothing was written (a file of that name from before is unchanged)".
std::string could_not_write(const std::string& reason);

}  // namespace wijkatlas::geo
