#include "homography.hpp"

#include <array>
#include <cmath>
#include <opencv2/calib3d.hpp>
#include <set>

namespace wijkatlas::sketch::photo {
namespace {

// RANSAC inlier threshold in page millimetres: a marker corner is found to well under a pixel,
// a sheet that is slightly wavy bends the plane by a few tenths of a millimetre.
constexpr double ransac_mm = 1.5;

}  // namespace

cv::Point2d apply(const cv::Matx33d& h, cv::Point2d p) {
  const cv::Vec3d v = h * cv::Vec3d(p.x, p.y, 1.0);
  return {v[0] / v[2], v[1] / v[2]};
}

std::vector<cv::Point2f> marker_page_corners(const SheetInfo& sheet, int aruco_id) {
  const PageRect r = marker_placements(sheet).at(static_cast<std::size_t>(aruco_id)).square;
  const auto x0 = static_cast<float>(r.x), y0 = static_cast<float>(r.y);
  const auto x1 = static_cast<float>(r.x + r.width), y1 = static_cast<float>(r.y + r.height);
  return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

PageHomography fit_page_homography(const std::vector<DetectedMarker>& markers,
                                   const SheetInfo& sheet) {
  std::vector<cv::Point2f> photo, page;
  for (const DetectedMarker& m : markers) {
    const auto corners = marker_page_corners(sheet, m.id);
    for (std::size_t k = 0; k < 4; ++k) {
      photo.push_back(m.corners[k]);
      page.push_back(corners[k]);
    }
  }
  PageHomography out;
  if (photo.size() < 4 * static_cast<std::size_t>(min_markers)) return out;
  std::vector<unsigned char> inlier;
  const cv::Mat h = cv::findHomography(photo, page, cv::RANSAC, ransac_mm, inlier, 2000, 0.999);
  if (h.empty()) return out;
  out.photo_to_page = cv::Matx33d(h);

  double sum = 0;
  for (std::size_t i = 0; i < photo.size(); ++i) {
    if (!inlier[i]) continue;
    const cv::Point2d p = apply(out.photo_to_page, photo[i]);
    sum += std::pow(p.x - page[i].x, 2) + std::pow(p.y - page[i].y, 2);
    ++out.corners_used;
  }
  out.rms_mm = out.corners_used > 0 ? std::sqrt(sum / out.corners_used) : 0;

  // Local scale at the frame's centre: photo distance of a 1 mm step there.
  const cv::Matx33d inv = out.photo_to_page.inv();
  const cv::Point2d c(sheet.frame.x + sheet.frame.width / 2,
                      sheet.frame.y + sheet.frame.height / 2);
  const cv::Point2d p0 = apply(inv, c), px = apply(inv, c + cv::Point2d(1, 0)),
                    py = apply(inv, c + cv::Point2d(0, 1));
  out.px_per_mm = std::sqrt(std::abs((px - p0).cross(py - p0)));
  return out;
}

std::string missing_parts(const std::vector<DetectedMarker>& markers) {
  // Marker ids clockwise from the top-left: 0 tl, 1 top, 2 tr, 3 right, 4 br, 5 bottom, 6 bl, 7
  // left.
  std::set<int> missing{0, 1, 2, 3, 4, 5, 6, 7};
  for (const DetectedMarker& m : markers) missing.erase(m.id);
  std::vector<std::string> parts;
  const auto all_missing = [&](std::initializer_list<int> ids) {
    for (const int id : ids) {
      if (!missing.count(id)) return false;
    }
    return true;
  };
  // Whole sides first, then corners (with the edge markers next to them), then lone edges.
  struct Side {
    const char* name;
    std::array<int, 3> ids;
  };
  const std::array<Side, 4> sides{
      {{"top", {0, 1, 2}}, {"right", {2, 3, 4}}, {"bottom", {4, 5, 6}}, {"left", {6, 7, 0}}}};
  std::vector<std::string> side_names;
  std::set<int> covered;
  for (const Side& s : sides) {
    if (all_missing({s.ids[0], s.ids[1], s.ids[2]})) {
      side_names.push_back(s.name);
      covered.insert(s.ids.begin(), s.ids.end());
    }
  }
  if (side_names.size() == 1) parts.push_back("the " + side_names[0] + " side");
  if (side_names.size() > 1) {
    std::string joined = "the ";
    for (std::size_t i = 0; i < side_names.size(); ++i) {
      joined += (i == 0 ? "" : i + 1 == side_names.size() ? " and " : ", ") + side_names[i];
    }
    parts.push_back(joined + " sides");
  }
  const std::array<std::pair<int, const char*>, 4> corner_names{
      {{0, "upper-left"}, {2, "upper-right"}, {4, "lower-right"}, {6, "lower-left"}}};
  for (const auto& [id, name] : corner_names) {
    if (missing.count(id) && !covered.count(id)) {
      parts.push_back(std::string("the ") + name + " corner");
      covered.insert(id);
      // The edge markers beside a missing corner belong to the same part of the photo.
      for (const int edge : {(id + 1) % 8, (id + 7) % 8}) {
        if (missing.count(edge)) covered.insert(edge);
      }
    }
  }
  const std::array<std::pair<int, const char*>, 4> edge_names{
      {{1, "top"}, {3, "right"}, {5, "bottom"}, {7, "left"}}};
  for (const auto& [id, name] : edge_names) {
    if (missing.count(id) && !covered.count(id))
      parts.push_back(std::string("the middle of the ") + name + " edge");
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  return out;
}

}  // namespace wijkatlas::sketch::photo
