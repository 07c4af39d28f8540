// A smoothed view of the counts: separable Gaussian convolution of n (rows, then columns).
// Cost is cells x (6 sigma / cell) x 2, so it is meant for coarse grids (10 m cells: 0.8 M
// cells for the Arnhem extent), not the 1 m count grid.
#include <algorithm>
#include <cmath>
#include <vector>

#include "overlap/parallel.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {

std::vector<float> smooth_density(const CountGrid& grid, double sigma_m, unsigned threads) {
  if (!(sigma_m > 0)) throw usage_error("density bandwidth (sigma) must be positive");
  const std::size_t columns = static_cast<std::size_t>(grid.spec.columns);
  const std::size_t rows = static_cast<std::size_t>(grid.spec.rows);
  const double sigma = sigma_m / grid.spec.cell;  // in cells
  const auto radius = static_cast<std::ptrdiff_t>(std::ceil(3 * sigma));
  std::vector<double> kernel(static_cast<std::size_t>(2 * radius + 1));
  double total = 0;
  for (std::ptrdiff_t k = -radius; k <= radius; ++k) {
    const double w = std::exp(-0.5 * static_cast<double>(k * k) / (sigma * sigma));
    kernel[static_cast<std::size_t>(k + radius)] = w;
    total += w;
  }
  for (double& w : kernel) w /= total;  // the sum of the counts is kept (away from the edges)

  std::vector<float> across(columns * rows), out(columns * rows);
  const auto width = static_cast<std::ptrdiff_t>(columns);
  const auto height = static_cast<std::ptrdiff_t>(rows);
  overlap_detail::parallel_for(rows, threads, [&](std::size_t r) {
    const std::uint16_t* in = grid.n.data() + r * columns;
    float* line = across.data() + r * columns;
    for (std::ptrdiff_t c = 0; c < width; ++c) {
      double sum = 0;
      const std::ptrdiff_t lo = std::max<std::ptrdiff_t>(0, c - radius);
      const std::ptrdiff_t hi = std::min<std::ptrdiff_t>(width - 1, c + radius);
      for (std::ptrdiff_t k = lo; k <= hi; ++k) {
        sum += kernel[static_cast<std::size_t>(k - c + radius)] * in[k];
      }
      line[c] = static_cast<float>(sum);
    }
  });
  // Down the columns, one output row at a time: whole rows are added, which vectorises.
  overlap_detail::parallel_for(rows, threads, [&](std::size_t r) {
    std::vector<double> sum(columns, 0.0);
    const auto row = static_cast<std::ptrdiff_t>(r);
    const std::ptrdiff_t lo = std::max<std::ptrdiff_t>(0, row - radius);
    const std::ptrdiff_t hi = std::min<std::ptrdiff_t>(height - 1, row + radius);
    for (std::ptrdiff_t k = lo; k <= hi; ++k) {
      const double w = kernel[static_cast<std::size_t>(k - row + radius)];
      const float* src = across.data() + static_cast<std::size_t>(k) * columns;
      for (std::size_t c = 0; c < columns; ++c) sum[c] += w * src[c];
    }
    float* dst = out.data() + r * columns;
    for (std::size_t c = 0; c < columns; ++c) dst[c] = static_cast<float>(sum[c]);
  });
  return out;
}

}  // namespace wijkatlas::geo
