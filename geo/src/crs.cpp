#include "wijkatlas/geo/crs.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <string>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/proj_handles.hpp"

namespace wijkatlas::geo {
namespace {

std::string proj_message(PJ_CONTEXT* ctx) {
  const char* m = proj_context_errno_string(ctx, proj_context_errno(ctx));
  return m != nullptr ? m : "unknown PROJ error";
}

// PROJ accepts "EPSG:4326"; users also type "4326" or "epsg:4326".
std::string expand_user_crs(std::string_view user_crs) {
  std::string s(user_crs);
  bool all_digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
  if (all_digits) return "EPSG:" + s;
  if (s.size() > 5 && (s.rfind("epsg:", 0) == 0)) return "EPSG:" + s.substr(5);
  return s;
}

// A PROJ context that reports through our exceptions (proj_message) instead of printing
// "proj_create: crs not found" on stderr.
support::ProjContextPtr quiet_context() {
  support::ProjContextPtr ctx(proj_context_create());
  proj_log_level(ctx.get(), PJ_LOG_NONE);
  return ctx;
}

}  // namespace

Box rd_new_bounds() {
  // EPSG:28992 area of use (Netherlands onshore and offshore) in RD metres, with a margin.
  return Box(Point(-25000.0, 280000.0), Point(310000.0, 640000.0));
}

namespace {

std::string normalise_crs_uncached(std::string_view user_crs) {
  std::string expanded = expand_user_crs(user_crs);
  support::ProjContextPtr ctx = quiet_context();
  support::ProjPtr crs(proj_create(ctx.get(), expanded.c_str()));
  if (!crs) {
    // PROJ says only "Unknown error (code 4096)" for a code its database does not have.
    std::string why = proj_message(ctx.get());
    if (why.starts_with("Unknown error")) {
      why =
          "not in PROJ's database; use an EPSG code such as EPSG:28992 (RD New) or EPSG:4326 "
          "(WGS84)";
    }
    throw crs_error("unknown coordinate reference system '" + std::string(user_crs) + "': " + why);
  }
  const char* auth = proj_get_id_auth_name(crs.get(), 0);
  const char* code = proj_get_id_code(crs.get(), 0);
  if (auth != nullptr && code != nullptr) return std::string(auth) + ":" + code;
  return expanded;
}

}  // namespace

std::string normalise_crs(std::string_view user_crs) {
  // Every new PROJ context opens proj.db again (5-10 ms each), and one command asks about the
  // same few CRS many times (every layer read, every transformer), so answers are kept for the
  // life of the process. Errors are not kept: they throw again.
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> known;
  {
    std::lock_guard lock(mutex);
    if (auto it = known.find(user_crs); it != known.end()) return it->second;
  }
  std::string normalised = normalise_crs_uncached(user_crs);
  std::lock_guard lock(mutex);
  known.emplace(std::string(user_crs), normalised);
  return normalised;
}

struct Transformer::Impl {
  support::ProjContextPtr context;
  support::ProjPtr transformation;
  bool identity = false;
};

Transformer::Transformer(std::string_view source_crs, std::string_view target_crs)
    : impl_(std::make_unique<Impl>()) {
  std::string source = expand_user_crs(source_crs);
  std::string target = expand_user_crs(target_crs);
  impl_->identity = normalise_crs(source) == normalise_crs(target);
  if (impl_->identity) return;
  impl_->context = quiet_context();
  PJ_CONTEXT* ctx = impl_->context.get();
  support::ProjPtr raw(proj_create_crs_to_crs(ctx, source.c_str(), target.c_str(), nullptr));
  if (!raw) {
    throw crs_error("no transformation from '" + source + "' to '" + target +
                    "': " + proj_message(ctx));
  }
  // GIS axis order (x = east/longitude, y = north/latitude) whatever the CRS says.
  impl_->transformation.reset(proj_normalize_for_visualization(ctx, raw.get()));
  if (!impl_->transformation) {
    throw crs_error("cannot normalise axis order for '" + source + "': " + proj_message(ctx));
  }
}

Transformer::~Transformer() = default;
Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;

bool Transformer::is_identity() const noexcept {
  return impl_->identity;
}

void Transformer::transform(std::span<Point> points) const {
  if (impl_->identity || points.empty()) return;
  // Point is two contiguous doubles; proj_trans_generic transforms strided arrays in place.
  static_assert(sizeof(Point) == 2 * sizeof(double));
  auto* base = reinterpret_cast<double*>(points.data());
  proj_trans_generic(impl_->transformation.get(), PJ_FWD, base, sizeof(Point), points.size(),
                     base + 1, sizeof(Point), points.size(), nullptr, 0, 0, nullptr, 0, 0);
  for (auto& p : points) {
    if (p.x() == HUGE_VAL || p.y() == HUGE_VAL) {
      p = Point(std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity());
    }
  }
}

Point Transformer::transform(Point p) const {
  transform(std::span<Point>(&p, 1));
  return p;
}

void Transformer::transform(Geometry& geometry) const {
  if (impl_->identity) return;
  auto transform_range = [this](auto& range) {
    transform(std::span<Point>(range.data(), range.size()));
  };
  std::visit(
      [&](auto& g) {
        using T = std::decay_t<decltype(g)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return;
        else if constexpr (std::is_same_v<T, Point>)
          g = transform(g);
        else if constexpr (std::is_same_v<T, MultiPoint>)
          transform_range(g);
        else if constexpr (std::is_same_v<T, MultiLineString>) {
          for (auto& line : g) transform_range(line);
        } else {
          for (auto& polygon : g) {
            transform_range(polygon.outer());
            for (auto& ring : polygon.inners()) transform_range(ring);
          }
        }
      },
      geometry);
}

}  // namespace wijkatlas::geo
