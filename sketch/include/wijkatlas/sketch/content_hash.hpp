#pragma once
// The content hash that makes ingest idempotent: the same file is stored once.
#include <filesystem>
#include <string>

namespace wijkatlas::sketch {

// SHA-256 of a file's bytes as lower-case hex (OpenSSL). Throws io_error when unreadable.
std::string sha256_file(const std::filesystem::path& path);

}  // namespace wijkatlas::sketch
