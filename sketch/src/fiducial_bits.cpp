// ArUco patterns straight from OpenCV's dictionary rather than a copied table: a printed marker
// can then never drift from what cv::aruco detects.
#include <opencv2/aruco.hpp>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/sketch/fiducial.hpp"

namespace wijkatlas::sketch {

FiducialBits fiducial_bits(int aruco_id) {
  const cv::Ptr<cv::aruco::Dictionary> dictionary =
      cv::aruco::getPredefinedDictionary(cv::aruco::DICT_4X4_50);
  if (aruco_id < 0 || aruco_id >= dictionary->bytesList.rows) {
    throw usage_error("ArUco id " + std::to_string(aruco_id) + " is not in DICT_4X4_50 (0.." +
                      std::to_string(dictionary->bytesList.rows - 1) + ")");
  }
  cv::Mat image;
  // One pixel per cell: the image is the cell grid itself.
  cv::aruco::drawMarker(dictionary, aruco_id, fiducial_cells, image, 1);
  FiducialBits bits{};
  for (int r = 0; r < fiducial_cells; ++r) {
    for (int c = 0; c < fiducial_cells; ++c) {
      bits[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] =
          image.at<unsigned char>(r, c) < 128;
    }
  }
  return bits;
}

}  // namespace wijkatlas::sketch
