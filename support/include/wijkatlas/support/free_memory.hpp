#pragma once
// Gives the memory freed so far back to the operating system, whichever allocator the program
// runs on: jemalloc (cmake/allocator.cmake) keeps freed pages for seconds before it returns them,
// glibc's malloc keeps the top of its heaps. For a long-running process after a burst of work.
namespace wijkatlas::support {

void return_free_memory() noexcept;

}  // namespace wijkatlas::support
