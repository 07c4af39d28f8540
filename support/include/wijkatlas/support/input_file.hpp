#pragma once
// Files named by a user, read without trusting what they are: a FIFO would block the open and
// every read, a device such as /dev/zero never ends, a directory is no file, and a huge file
// would be read whole before anything looked at it. Each is refused before any reading.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace wijkatlas::support {

// What `path` is when it exists but is neither a regular file nor a directory, e.g. "a named
// pipe (FIFO)" or "a device, such as /dev/zero": reading it would block or never end. Empty for
// a regular file, a directory or a path that does not exist. Symlinks are followed.
std::string special_file_kind(const std::filesystem::path& path);

// The whole file, after checking that it is a regular file (symlinks followed) of at most
// `max_bytes`, on the descriptor it is then read from (opened without blocking), so that what
// was checked is what is read. Throws io_error when it does not exist or cannot be read, and
// data_error(path, step, ...) when it is no regular file or too large; `kind` says what the
// file should have been, for the message ("a photo or scan of a sheet").
std::vector<unsigned char> read_regular_file(const std::filesystem::path& path,
                                             std::uintmax_t max_bytes, const std::string& step,
                                             const std::string& kind);

}  // namespace wijkatlas::support
