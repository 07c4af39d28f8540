#include "wijkatlas/support/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::support {
namespace {

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string what_it_is(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode)) return "a device, such as /dev/zero";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string megabytes(std::uintmax_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

std::uintmax_t checked(const std::filesystem::path& path, const struct stat& st,
                       std::uintmax_t max_bytes, const std::string& step, const std::string& kind) {
  if (!S_ISREG(st.st_mode)) {
    throw data_error(path.string(), step,
                     "this is " + what_it_is(st.st_mode) + ", not a file: give " + kind +
                         " as an ordinary file");
  }
  const auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > max_bytes) {
    throw data_error(path.string(), step,
                     "the file is " + megabytes(size) + ", larger than " + kind +
                         " ever needs to be (at most " + megabytes(max_bytes) + ")");
  }
  return size;
}

}  // namespace

std::string special_file_kind(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return "";
  return what_it_is(st.st_mode);
}

std::vector<unsigned char> read_regular_file(const std::filesystem::path& path,
                                             std::uintmax_t max_bytes, const std::string& step,
                                             const std::string& kind) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever.
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    throw io_error(path.string(), errno == ENOENT
                                      ? "no such file"
                                      : std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw io_error(path.string(), std::strerror(errno));
  const std::uintmax_t size = checked(path, st, max_bytes, step, kind);
  std::vector<unsigned char> bytes(static_cast<std::size_t>(size));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw io_error(path.string(), std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) break;  // shortened while being read: what is there is what was read
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

}  // namespace wijkatlas::support
