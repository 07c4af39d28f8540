#pragma once
// Finding the sheet's QR code with zbar.
#include <opencv2/core.hpp>
#include <span>
#include <string>
#include <vector>

namespace wijkatlas::sketch::photo {

// The texts of all QR codes zbar finds in a grey image. High-resolution photos show the paper's
// texture, which breaks zbar's binarisation, so the image is tried at several sizes, from one
// where a typical sheet QR has a few pixels per module down to small ones, and at full size
// last; the first size that yields any code wins. Returns an empty list when no size works.
std::vector<std::string> read_qr_codes(const cv::Mat& gray);

// The sizes (long side, px) read_qr_codes tries, in its order, for an image of `long_side` px.
std::vector<int> qr_read_sizes(int long_side);

// read_qr_codes over the given sizes only (the photo reader puts the squared-up view between
// the likeliest size and the rest).
std::vector<std::string> read_qr_codes_at(const cv::Mat& gray, std::span<const int> sizes);

// One zbar pass over the image as it is.
std::vector<std::string> read_qr_codes_once(const cv::Mat& gray);

// One zbar pass over a locally thresholded copy (OpenCV's adaptive mean threshold over
// `block_px`, odd, a few QR modules): zbar's own threshold fails where sensor noise, JPEG and a
// shadow make the contrast vary across a large image, while the code is still plainly there.
std::vector<std::string> read_qr_codes_thresholded(const cv::Mat& gray, int block_px);

}  // namespace wijkatlas::sketch::photo
