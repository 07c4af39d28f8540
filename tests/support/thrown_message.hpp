#pragma once
// The message of the error a call throws, for tests that check what the message names.
#include <gtest/gtest.h>

#include <string>

namespace wijkatlas::test {

// The what() of the `Error` that `call` throws; a test failure and "" when it throws nothing.
template <class Error, class Call>
std::string thrown_message(Call&& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

}  // namespace wijkatlas::test
