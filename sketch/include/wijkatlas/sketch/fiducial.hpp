#pragma once
// The printed pattern of a sheet's ArUco fiducials. OpenCV makes the pattern (so the printed
// markers are exactly what its detector looks for); callers get plain cells to paint, and
// OpenCV stays out of every public header.
#include <array>

namespace wijkatlas::sketch {

// DICT_4X4_50: 4 x 4 data cells inside a one-cell black border.
inline constexpr int fiducial_cells = 6;
using FiducialBits =
    std::array<std::array<bool, fiducial_cells>, fiducial_cells>;  // [row][column], true = black

// The cells of marker `aruco_id` (0..49) of DICT_4X4_50, border included. Throws usage_error
// for an id outside the dictionary.
FiducialBits fiducial_bits(int aruco_id);

}  // namespace wijkatlas::sketch
