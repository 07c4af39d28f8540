// SHA-256 from OpenSSL's EVP interface; files are read in blocks so a 24 MP photo is never held
// twice in memory.
#include "wijkatlas/geo/content_hash.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo {
namespace {

struct DigestContextDeleter {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

// `what` names the input in error messages.
class Digest {
 public:
  explicit Digest(std::string what) : what_(std::move(what)), ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) {
      throw io_error(what_, "cannot start a SHA-256 digest (OpenSSL)");
    }
  }
  void update(const void* data, std::size_t size) {
    if (size > 0 && EVP_DigestUpdate(ctx_.get(), data, size) != 1) {
      throw io_error(what_, "SHA-256 digest failed (OpenSSL)");
    }
  }
  std::string hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx_.get(), digest.data(), &length) != 1) {
      throw io_error(what_, "SHA-256 digest failed (OpenSSL)");
    }
    std::string out;
    char two[3];
    for (unsigned int i = 0; i < length; ++i) {
      std::snprintf(two, sizeof two, "%02x", digest[i]);
      out += two;
    }
    return out;
  }

 private:
  std::string what_;
  DigestContext ctx_;
};

}  // namespace

std::string sha256_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path.string(), "cannot open the file to read it");
  Digest digest(path.string());
  std::array<char, 1 << 16> block{};
  while (in) {
    in.read(block.data(), block.size());
    const auto got = in.gcount();
    if (got > 0) digest.update(block.data(), static_cast<std::size_t>(got));
  }
  if (in.bad()) throw io_error(path.string(), "read error while hashing the file");
  return digest.hex();
}

std::string sha256_bytes(std::span<const std::byte> bytes) {
  Digest digest("(memory)");
  digest.update(bytes.data(), bytes.size());
  return digest.hex();
}

struct Sha256::Impl {
  Digest digest{"(memory)"};
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {}
Sha256::~Sha256() = default;
void Sha256::update(std::span<const std::byte> bytes) {
  impl_->digest.update(bytes.data(), bytes.size());
}
std::string Sha256::hex() {
  return impl_->digest.hex();
}

}  // namespace wijkatlas::geo
