// bench_ingest make DIR          writes photo_12mp.jpg and photo_24mp.jpg (20 drawn marks)
// bench_ingest read PHOTO [N]    reads it N times (default 3); prints wall times and marks
// bench_ingest preview IN OUT    a PNG of IN at most 1400 px wide, to look at
// bench_ingest crop IN OUT X Y W H  a piece of IN at full resolution
// bench_ingest qr PHOTO          which sizes zbar reads the QR code at
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "drawn_marks.hpp"
#include "photo_simulation.hpp"
#include "qr_reader.hpp"
#include "synthetic_sheet.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"

namespace {

using namespace wijkatlas;

int make(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const sketch::SheetInfo sheet = test::a3_sheet();
  const double k = 12;  // the page drawn at ~300 dpi so that a 24 MP photo has real detail
  cv::Mat page = test::render_sheet(sheet, test::SheetImageOptions(k));
  test::draw_marks(page, k, test::many_marks(sheet, 20));
  test::draw_handwriting(page, k, sheet);
  for (const auto& [name, size] : std::vector<std::pair<std::string, cv::Size>>{
           {"photo_12mp", {4000, 3000}}, {"photo_24mp", {6000, 4000}}}) {
    test::PhotoParams p;
    p.name = name;
    p.size = size;
    p.rotation_deg = 6;
    p.tilt = 0.12;
    p.blur_px = 1.2 * size.width / 4000.0;
    p.noise = 4;
    p.shadow = 0.3;
    p.jpeg_quality = 90;
    const auto path = test::write_photo(test::simulate_photo(page, p), dir, name, p.jpeg_quality);
    std::cout << path.string() << "\n";
  }
  return 0;
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

int read(const std::filesystem::path& photo, int repeat) {
  std::vector<double> seconds, cpu;
  std::size_t marks = 0;
  std::string steps;
  for (int i = 0; i < repeat; ++i) {
    sketch::PhotoReadOptions options;
    const auto start = std::chrono::steady_clock::now();
    auto last = start;
    std::string previous;
    steps.clear();
    // Wall time per step of the last run, from the progress callback.
    options.progress = [&](const std::string& step, double) {
      const auto now = std::chrono::steady_clock::now();
      if (!previous.empty())
        steps += " " + previous + " " +
                 std::to_string(std::chrono::duration<double>(now - last).count()).substr(0, 5);
      previous = step;
      last = now;
    };
    const double cpu0 = cpu_seconds();
    const sketch::PhotoReading r = sketch::read_sheet_photo(photo, options);
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    cpu.push_back(cpu_seconds() - cpu0);
    marks = r.marks.size();
  }
  std::sort(seconds.begin(), seconds.end());
  std::sort(cpu.begin(), cpu.end());
  std::cout << photo.filename().string() << ": " << marks << " marks, wall best " << seconds.front()
            << " s, median " << seconds[seconds.size() / 2] << " s; CPU median "
            << cpu[cpu.size() / 2] << " s; over " << repeat << " runs\n  steps (s):" << steps
            << "\n";
  return 0;
}

// Which sizes and filters zbar reads the QR code at (tuning aid).
int qr_sizes(const std::filesystem::path& in) {
  cv::Mat gray = cv::imread(in.string(), cv::IMREAD_GRAYSCALE);
  for (const int size : {4000, 3200, 2800, 2400, 2000, 1800, 1600, 1300, 1000, 800}) {
    if (size > std::max(gray.cols, gray.rows)) continue;
    const double f = static_cast<double>(size) / std::max(gray.cols, gray.rows);
    cv::Mat small;
    cv::resize(gray, small, cv::Size(), f, f, cv::INTER_AREA);
    cv::Mat smooth;
    cv::GaussianBlur(small, smooth, cv::Size(), 1.0);
    std::cout << size << ": raw " << wijkatlas::sketch::photo::read_qr_codes_once(small).size()
              << ", smoothed " << wijkatlas::sketch::photo::read_qr_codes_once(smooth).size()
              << "\n";
  }
  return 0;
}

int preview(const std::filesystem::path& in, const std::filesystem::path& out) {
  cv::Mat image = cv::imread(in.string(), cv::IMREAD_COLOR);
  if (image.empty()) return 1;
  const double f = std::min(1.0, 1400.0 / image.cols);
  cv::resize(image, image, cv::Size(), f, f, cv::INTER_AREA);
  return cv::imwrite(out.string(), image) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && args[0] == "make") return make(args[1]);
    if ((args.size() == 2 || args.size() == 3) && args[0] == "read")
      return read(args[1], args.size() == 3 ? std::stoi(args[2]) : 3);
    if (args.size() == 2 && args[0] == "qr") return qr_sizes(args[1]);
    if (args.size() == 7 && args[0] == "crop") {
      const cv::Mat image = cv::imread(args[1], cv::IMREAD_COLOR);
      const cv::Rect r(std::stoi(args[3]), std::stoi(args[4]), std::stoi(args[5]),
                       std::stoi(args[6]));
      return cv::imwrite(args[2], image(r & cv::Rect(0, 0, image.cols, image.rows))) ? 0 : 1;
    }
    if (args.size() == 3 && args[0] == "preview") return preview(args[1], args[2]);
  } catch (const std::exception& e) {
    std::cerr << "bench_ingest: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: bench_ingest make DIR | read PHOTO [N] | preview IN OUT.png\n";
  return 2;
}
