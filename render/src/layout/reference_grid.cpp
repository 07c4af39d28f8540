#include "wijkatlas/render/reference_grid.hpp"

#include <algorithm>
#include <cmath>

namespace wijkatlas::render {

std::string column_name(std::size_t index) {
  return std::string(1, static_cast<char>('A' + std::min<std::size_t>(index, 25)));
}

ReferenceGrid reference_grid(const RectMm& frame, double cell_mm, double label_mm) {
  const auto count = [&](double length, std::size_t max) {
    return std::clamp<std::size_t>(static_cast<std::size_t>(std::lround(length / cell_mm)), 2, max);
  };
  const std::size_t columns = count(frame.width, 26);
  const std::size_t rows = count(frame.height, 99);
  const double cell_w = frame.width / static_cast<double>(columns);
  const double cell_h = frame.height / static_cast<double>(rows);
  ReferenceGrid grid;
  for (std::size_t c = 1; c < columns; ++c)
    grid.column_edges_mm.push_back(frame.x + cell_w * static_cast<double>(c));
  for (std::size_t r = 1; r < rows; ++r)
    grid.row_edges_mm.push_back(frame.y + cell_h * static_cast<double>(r));
  const double half = label_mm / 2;
  for (std::size_t c = 0; c < columns; ++c) {
    const PaperPoint centre{frame.x + cell_w * (static_cast<double>(c) + 0.5),
                            frame.y + half + 0.5};
    grid.labels.push_back(
        {column_name(c), centre, {centre.x_mm - half, centre.y_mm - half, label_mm, label_mm}});
  }
  for (std::size_t r = 0; r < rows; ++r) {
    const PaperPoint centre{frame.x + half + 0.5,
                            frame.y + cell_h * (static_cast<double>(r) + 0.5)};
    grid.labels.push_back({std::to_string(r + 1),
                           centre,
                           {centre.x_mm - half, centre.y_mm - half, label_mm, label_mm}});
  }
  return grid;
}

}  // namespace wijkatlas::render
