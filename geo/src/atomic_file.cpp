#include "wijkatlas/geo/atomic_file.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <string>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo {
namespace {

// The temporary paths of the AtomicFiles alive in this process, where a signal handler can read
// them: fixed storage, a slot claimed and released with atomics. A file that finds no free slot
// (more than 64 at once) is still removed by its destructor or by the next run.
constexpr std::size_t path_capacity = 4096;
struct Slot {
  std::atomic<int> state{0};  // free, being written, in use
  std::array<char, path_capacity> path{};
};
constexpr int free_slot = 0, writing_slot = 1, used_slot = 2;
std::array<Slot, 64> unfinished;
static_assert(std::atomic<int>::is_always_lock_free);

int claim_slot(const std::string& path) {
  if (path.size() >= path_capacity) return -1;
  for (std::size_t i = 0; i < unfinished.size(); ++i) {
    int expected = free_slot;
    if (unfinished[i].state.compare_exchange_strong(expected, writing_slot)) {
      std::memcpy(unfinished[i].path.data(), path.c_str(), path.size() + 1);
      unfinished[i].state.store(used_slot);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void release_slot(int slot) noexcept {
  if (slot >= 0) unfinished[static_cast<std::size_t>(slot)].state.store(free_slot);
}

// ".<stem>.tmp<pid>-<n><ext>" of a process that no longer runs. A process of another user (or
// one whose pid was taken again) counts as running: its file is left alone.
bool abandoned(const std::string& name, const std::string& prefix, const std::string& extension) {
  if (!name.starts_with(prefix) || !name.ends_with(extension)) return false;
  const char* first = name.data() + prefix.size();
  const char* last = name.data() + name.size() - extension.size();
  pid_t pid = 0;
  const auto [dash, ec] = std::from_chars(first, last, pid);
  if (ec != std::errc() || dash == last || *dash != '-' || pid <= 0) return false;
  unsigned counter = 0;
  const auto [end, ec2] = std::from_chars(dash + 1, last, counter);
  if (ec2 != std::errc() || end != last) return false;
  return pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
}

void remove_abandoned(const std::filesystem::path& dir, const std::filesystem::path& target) {
  const std::string prefix = "." + target.stem().string() + ".tmp";
  const std::string extension = target.extension().string();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (abandoned(name, prefix, extension)) std::filesystem::remove(entry.path(), ec);
  }
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  static std::atomic<unsigned> counter{0};
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw output_error(target_.string(),
                       "cannot write: directory '" + dir.string() + "' does not exist");
  }
  if (::access(dir.c_str(), W_OK) != 0) {
    throw output_error(target_.string(),
                       "cannot write: directory '" + dir.string() + "' is not writable");
  }
  remove_abandoned(dir, target_);
  // Keep the extension last: GDAL picks drivers and behaviour by it.
  temporary_ = dir / ("." + target_.stem().string() + ".tmp" + std::to_string(::getpid()) + "-" +
                      std::to_string(counter++) + target_.extension().string());
  slot_ = claim_slot(temporary_.string());  // before the file exists
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temporary_, ec);
  }
  release_slot(slot_);
}

void AtomicFile::commit() {
  std::error_code ec;
  std::filesystem::rename(temporary_, target_, ec);
  if (ec) throw output_error(target_.string(), "cannot replace the file: " + ec.message());
  committed_ = true;
  // After the rename: a signal in between finds no file to remove, never a file left behind.
  release_slot(slot_);
  slot_ = -1;
}

void remove_unfinished_files() noexcept {
  for (Slot& slot : unfinished) {
    if (slot.state.load() == used_slot) ::unlink(slot.path.data());
  }
}

}  // namespace wijkatlas::geo
