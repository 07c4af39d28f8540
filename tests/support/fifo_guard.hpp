#pragma once
// Tests that a reader refuses a FIFO (named like its input) at once instead of waiting for a
// writer for ever: if it does wait, the test opens the other end itself, so that the reader ends
// and the test fails instead of hanging.
#include <filesystem>
#include <functional>
#include <string>

namespace wijkatlas::test {

// Makes a FIFO at `path`, runs `read` on it on a thread and returns the what() of the
// wijkatlas::error it throws ("" and a test failure when it throws nothing, or waited 10 s).
std::string message_reading_fifo(const std::filesystem::path& path,
                                 const std::function<void()>& read);

}  // namespace wijkatlas::test
