#pragma once
// RAII for the structs of the Arrow C data interface (GDAL's ogr_recordbatch.h): an array, a
// schema, a stream. Each is released once, by its own release callback, unless it was moved on:
// the interface moves a struct by copying its bytes and marking the source released.
#include <ogr_recordbatch.h>

#include <utility>

namespace wijkatlas::support {

template <typename Struct>
class ArrowHandle {
 public:
  ArrowHandle() = default;
  ArrowHandle(const ArrowHandle&) = delete;
  ArrowHandle& operator=(const ArrowHandle&) = delete;
  ArrowHandle(ArrowHandle&& other) noexcept : value_(std::exchange(other.value_, Struct{})) {}
  ArrowHandle& operator=(ArrowHandle&& other) noexcept {
    if (this != &other) {
      reset();
      value_ = std::exchange(other.value_, Struct{});
    }
    return *this;
  }
  ~ArrowHandle() { reset(); }

  Struct* get() { return &value_; }  // for a producer to fill
  Struct* operator->() { return &value_; }
  const Struct* operator->() const { return &value_; }
  Struct& operator*() { return value_; }
  const Struct& operator*() const { return value_; }
  bool released() const { return value_.release == nullptr; }

  void reset() {
    if (value_.release != nullptr) value_.release(&value_);
    value_ = Struct{};
  }

 private:
  Struct value_{};
};

using ArrowArrayHandle = ArrowHandle<ArrowArray>;
using ArrowSchemaHandle = ArrowHandle<ArrowSchema>;
using ArrowStreamHandle = ArrowHandle<ArrowArrayStream>;

}  // namespace wijkatlas::support
