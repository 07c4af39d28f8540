#include "fifo_guard.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <thread>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::test {

std::string message_reading_fifo(const std::filesystem::path& path,
                                 const std::function<void()>& read) {
  if (::mkfifo(path.c_str(), 0600) != 0) {
    ADD_FAILURE() << "cannot make a FIFO at " << path;
    return "";
  }
  std::promise<std::string> result;
  std::future<std::string> done = result.get_future();
  std::thread reader([&] {
    try {
      read();
      result.set_value("");
    } catch (const wijkatlas::error& e) {
      result.set_value(e.what());
    } catch (...) {
      result.set_exception(std::current_exception());
    }
  });
  if (done.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    ADD_FAILURE() << "still waiting on the FIFO " << path << " after 10 s";
    // A writer that comes and goes: the reader's open returns and its reads see end of file.
    const int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
    if (writer >= 0) ::close(writer);
  }
  reader.join();
  const std::string message = done.get();
  if (message.empty()) ADD_FAILURE() << "the FIFO " << path << " was read without an error";
  return message;
}

}  // namespace wijkatlas::test
