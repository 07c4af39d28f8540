// The content hash that makes ingest idempotent: SHA-256 from OpenSSL's EVP interface, read in
// blocks so a 24 MP photo is never held twice in memory.
#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/sketch/content_hash.hpp"

namespace wijkatlas::sketch {
namespace {

struct DigestContextDeleter {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

}  // namespace

std::string sha256_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path.string(), "cannot open the file to read it");
  const DigestContext ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
    throw io_error(path.string(), "cannot start a SHA-256 digest (OpenSSL)");
  }
  std::array<char, 1 << 16> block{};
  while (in) {
    in.read(block.data(), block.size());
    const auto got = in.gcount();
    if (got > 0 && EVP_DigestUpdate(ctx.get(), block.data(), static_cast<std::size_t>(got)) != 1) {
      throw io_error(path.string(), "SHA-256 digest failed (OpenSSL)");
    }
  }
  if (in.bad()) throw io_error(path.string(), "read error while hashing the file");
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx.get(), digest.data(), &length) != 1) throw io_error(path.string(), "SHA-256 digest failed (OpenSSL)");
  std::string hex;
  char two[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(two, sizeof two, "%02x", digest[i]);
    hex += two;
  }
  return hex;
}

}  // namespace wijkatlas::sketch
