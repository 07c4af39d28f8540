#pragma once
// Content hashes: SHA-256 (OpenSSL) as lower-case hex. They key what must follow a file's
// content: an ingest done once per photo, a base map prepared once per OSM extract.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>

namespace wijkatlas::geo {

// SHA-256 of a file's bytes. Throws io_error when unreadable.
std::string sha256_file(const std::filesystem::path& path);

// SHA-256 of bytes in memory.
std::string sha256_bytes(std::span<const std::byte> bytes);

}  // namespace wijkatlas::geo
