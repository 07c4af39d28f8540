#pragma once
// Deterministic pseudo-random numbers that are identical on every platform and standard
// library: SplitMix64 (Steele, Lea, Flood 2014), not std::*_distribution, whose output the
// standard leaves to the implementation.
#include <cstdint>
#include <initializer_list>

namespace wijkatlas::bench {

constexpr std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Uniform double in [0, 1) from the top 53 bits.
constexpr double unit_interval(std::uint64_t bits) {
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

// A hash of a tuple of integers: the same key always gives the same value.
constexpr std::uint64_t hash_key(std::initializer_list<std::uint64_t> key) {
  std::uint64_t h = 0;
  for (const std::uint64_t part : key) h = splitmix64(h ^ part);
  return h;
}

// A sequential stream for the random points.
class SplitMix64 {
 public:
  explicit constexpr SplitMix64(std::uint64_t seed) : state_(seed) {}
  constexpr std::uint64_t next() {
    const std::uint64_t out = splitmix64(state_);
    state_ += 0x9e3779b97f4a7c15ULL;
    return out;
  }
  constexpr double uniform(double lo, double hi) { return lo + (hi - lo) * unit_interval(next()); }

 private:
  std::uint64_t state_;
};

}  // namespace wijkatlas::bench
