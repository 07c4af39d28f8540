// The QR code's payload (JSON) and the sheet id a user types when the code is damaged. A
// payload that is accepted must encode to one that is accepted again: the QR code printed for
// a sheet read back from a QR code reads too.
#include <optional>

#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::fuzz {

void sheet_payload(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = text(data, size);
  std::optional<sketch::SheetInfo> sheet;
  expect_only_our_errors([&] { sheet = sketch::decode_payload(input); });
  if (sheet) {
    // Outside expect_only_our_errors: the payload written for an accepted sheet must decode.
    const sketch::SheetInfo again = sketch::decode_payload(sketch::encode_payload(*sheet));
    if (again.id != sheet->id || again.project != sheet->project) __builtin_trap();
  }
  expect_only_our_errors([&] {
    const std::string id = sketch::normalise_sheet_id(input);
    // Canonical ids are fixed points.
    if (sketch::normalise_sheet_id(id) != id) __builtin_trap();
  });
}

}  // namespace wijkatlas::fuzz
