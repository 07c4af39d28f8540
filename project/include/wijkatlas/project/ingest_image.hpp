#pragma once
// Photos and scans of drawn-on sheets, read by the photo reader (sketch/src/photo) when this
// build has it.
#include <filesystem>
#include <optional>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"
#include "wijkatlas/store/records.hpp"

namespace wijkatlas::project {

// JPEG/PNG/PDF/TIFF by extension.
bool is_image(const std::filesystem::path& path);

// The marks of one photo or scan, with its sheet. `known` stands in for an unreadable QR code
// (--sheet-id). Throws data_error saying what went wrong and what to do, also when the sheet
// holds no marks (so that it is not recorded as read).
store::IngestBatch read_image(const std::filesystem::path& path,
                              const std::optional<sketch::SheetInfo>& known,
                              geo::Reporter& reporter);

}  // namespace wijkatlas::project
