#include "pdf_raster.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <opencv2/imgproc.hpp>

#include "image_source.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch::photo {
namespace {

constexpr const char* step = "rasterising the PDF";
constexpr double scan_dpi = 300;

void ignore_poppler_message(const std::string&, void*) {}

}  // namespace

cv::Mat rasterise_pdf(const std::filesystem::path& path, const std::vector<unsigned char>& bytes) {
  // Library code does not print: poppler's own diagnostics would go to stderr. Our messages
  // say what matters.
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  // poppler-cpp hands out owning raw pointers; they are wrapped at once.
  std::vector<char> data(bytes.begin(), bytes.end());
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_data(&data));
  if (!doc)
    throw data_error(path.string(), step,
                     "the PDF file is damaged and cannot be opened: scan the sheet again");
  if (doc->is_locked())
    throw data_error(path.string(), step,
                     "the PDF is password protected: scan again without a password");
  if (doc->pages() < 1) throw data_error(path.string(), step, "the PDF has no pages");
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  if (!page) throw data_error(path.string(), step, "page 1 of the PDF cannot be read");

  const poppler::rectf box = page->page_rect(poppler::media_box);
  const double points = std::max(1.0, box.width() * box.height());
  const double max_dpi = 72.0 * std::sqrt(max_image_pixels / points);
  const double dpi = std::min(scan_dpi, max_dpi);

  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) {
    throw data_error(path.string(), step, "page 1 of the PDF could not be rendered");
  }
  // ARGB32 is B, G, R, A in memory on little-endian machines: OpenCV's BGRA.
  const cv::Mat bgra(img.height(), img.width(), CV_8UC4, const_cast<char*>(img.const_data()),
                     static_cast<std::size_t>(img.bytes_per_row()));
  cv::Mat bgr;
  cv::cvtColor(bgra, bgr, cv::COLOR_BGRA2BGR);
  return bgr;
}

}  // namespace wijkatlas::sketch::photo
