// The words of MarkKind, as the store keeps them and the status listing shows them.
#include "wijkatlas/sketch/ink_mark.hpp"

#include <array>

namespace wijkatlas::sketch {

std::string to_string(MarkKind kind) {
  switch (kind) {
    case MarkKind::area:
      return "vlak";
    case MarkKind::line:
      return "lijn";
    case MarkKind::point:
      return "punt";
  }
  return "?";
}

std::optional<MarkKind> parse_mark_kind(std::string_view word) {
  for (const MarkKind k : std::array{MarkKind::area, MarkKind::line, MarkKind::point}) {
    if (word == to_string(k)) return k;
  }
  return std::nullopt;
}

}  // namespace wijkatlas::sketch
