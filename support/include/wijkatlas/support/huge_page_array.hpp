#pragma once
// A fixed-size array that asks the kernel for transparent huge pages. The point locator's edge
// index is tens of megabytes written once; with 4 KiB pages its build time was mostly page
// faults. Falls back to ordinary pages where madvise(MADV_HUGEPAGE) does not exist.
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>

namespace wijkatlas::support {

template <typename T>
class HugePageArray {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                "elements are created by the allocation itself (implicit-lifetime types only)");

 public:
  HugePageArray() = default;
  explicit HugePageArray(std::size_t count) : size_(count) {
    if (count == 0) return;
    constexpr std::size_t huge_page = std::size_t{2} << 20;
    const std::size_t bytes = (count * sizeof(T) + huge_page - 1) / huge_page * huge_page;
    void* memory = std::aligned_alloc(huge_page, bytes);
    if (memory == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(memory, bytes, MADV_HUGEPAGE);  // advice only: failure just means small pages
#endif
    data_.reset(static_cast<T*>(memory));
  }

  T* data() noexcept {
    return data_.get();
  }
  const T* data() const noexcept {
    return data_.get();
  }
  std::size_t size() const noexcept {
    return size_;
  }
  T& operator[](std::size_t i) noexcept {
    return data_[i];
  }
  const T& operator[](std::size_t i) const noexcept {
    return data_[i];
  }

 private:
  struct Free {
    void operator()(T* p) const noexcept { std::free(p); }
  };
  std::unique_ptr<T[], Free> data_;
  std::size_t size_ = 0;
};

}  // namespace wijkatlas::support
