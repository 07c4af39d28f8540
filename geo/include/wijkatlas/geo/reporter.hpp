#pragma once
// How library code tells the user about warnings (repaired geometry, unmatched codes) and
// progress, without knowing whether it runs in a terminal, a test or a server.
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace wijkatlas::geo {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void warn(std::string_view message) = 0;
  virtual void info(std::string_view message) = 0;
  // Long work calls this now and then; done == total marks the end of the task.
  virtual void progress(std::string_view task, std::size_t done, std::size_t total) = 0;
};

// Keeps everything, for tests and for callers that report later.
class CollectingReporter final : public Reporter {
 public:
  void warn(std::string_view message) override { warnings.emplace_back(message); }
  void info(std::string_view message) override { infos.emplace_back(message); }
  void progress(std::string_view, std::size_t, std::size_t) override {}

  bool has_warning_containing(std::string_view needle) const;

  std::vector<std::string> warnings;
  std::vector<std::string> infos;
};

// Passes warnings and progress on and leaves the info lines out: for a use case that calls
// another whose explanations are not its own (the spots need not say how overlap chose its
// method, once per category).
class WarningsOnlyReporter final : public Reporter {
 public:
  explicit WarningsOnlyReporter(Reporter& target) : target_(target) {}
  void warn(std::string_view message) override { target_.warn(message); }
  void info(std::string_view) override {}
  void progress(std::string_view task, std::size_t done, std::size_t total) override {
    target_.progress(task, done, total);
  }

 private:
  Reporter& target_;
};

// Lets several threads report through one reporter, one message at a time.
class SerializedReporter final : public Reporter {
 public:
  explicit SerializedReporter(Reporter& target) : target_(target) {}
  void warn(std::string_view message) override;
  void info(std::string_view message) override;
  void progress(std::string_view task, std::size_t done, std::size_t total) override;

 private:
  Reporter& target_;
  std::mutex mutex_;
};

}  // namespace wijkatlas::geo
