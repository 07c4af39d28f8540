#pragma once
// Content hashes: SHA-256 (OpenSSL) as lower-case hex. They key what must follow a file's
// content: an ingest done once per photo, a base map prepared once per OSM extract.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace wijkatlas::geo {

// SHA-256 of a file's bytes. Throws io_error when unreadable.
std::string sha256_file(const std::filesystem::path& path);

// SHA-256 of bytes in memory.
std::string sha256_bytes(std::span<const std::byte> bytes);

// SHA-256 of bytes given piece by piece, for what is written as it is made.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::span<const std::byte> bytes);
  std::string hex();  // once, at the end

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wijkatlas::geo
