#include "overlap/tile_overlay.hpp"

#include <boost/geometry.hpp>
#include <cstdio>
#include <string>

#include "overlap/geos_context.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/geos_convert.hpp"

namespace wijkatlas::geo::overlap_detail {
namespace bg = boost::geometry;
using support::GeosContext;
using support::GeosGeometryPtr;
using support::GeosPreparedPtr;
using support::take_geos;

namespace {

// A clipped piece of one sheet's area (or coverage) in the tile, prepared for point tests.
struct Piece {
  GeosGeometryPtr geometry;
  GeosPreparedPtr prepared;
  Box envelope;
};

std::string tile_name(const Box& tile) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "overlap tile [%.0f %.0f, %.0f %.0f]", tile.min_corner().x(),
                tile.min_corner().y(), tile.max_corner().x(), tile.max_corner().y());
  return buf;
}

class TileWork {
 public:
  TileWork(const Box& tile, const OverlapOptions& options)
      : ctx_(geos_context()), tile_(tile), options_(options), name_(tile_name(tile)) {}

  // Clips one polygon to the tile and keeps it (and its outline for the noder). Returns whether
  // the tile lies entirely inside the polygon (then nothing is kept: it counts everywhere).
  bool add(const Polygon& polygon, const Box& envelope, std::vector<Piece>& pieces) {
    GeosGeometryPtr g = support::to_geos(ctx_, MultiPolygon{polygon});
    const bool inside_tile = bg::within(envelope, tile_);
    auto outline = take_geos(ctx_, GEOSBoundary_r(ctx_.get(), g.get()), name_ + ": outline");
    if (!inside_tile) {
      // Only the outline inside the tile is noded; the tile's own edges are added once, so
      // no two pieces bring the same tile-edge segment (duplicates upset the polygonizer).
      outline = take_geos(
          ctx_,
          GEOSClipByRect_r(ctx_.get(), outline.get(), tile_.min_corner().x(),
                           tile_.min_corner().y(), tile_.max_corner().x(), tile_.max_corner().y()),
          name_ + ": clipping");
      if (GEOSisEmpty_r(ctx_.get(), outline.get()) == 1) {
        // No edge in the tile: the tile is entirely inside (counts everywhere) or outside.
        Point centre;
        bg::centroid(tile_, centre);
        return bg::within(centre, polygon);
      }
      clipped_any_ = true;
    }
    lines_.push_back(std::move(outline));
    Piece& piece = pieces.emplace_back();
    piece.envelope = envelope;
    piece.prepared = GeosPreparedPtr(GEOSPrepare_r(ctx_.get(), g.get()),
                                     support::GeosPreparedDeleter{ctx_.get()});
    piece.geometry = std::move(g);
    return false;
  }

  bool clipped_any() const { return clipped_any_; }

  // The tile's own outline closes the faces of pieces that cover the whole tile.
  void add_tile_outline() {
    Polygon whole;
    bg::convert(tile_, whole);
    auto g = support::to_geos(ctx_, MultiPolygon{whole});
    lines_.push_back(take_geos(ctx_, GEOSBoundary_r(ctx_.get(), g.get()), name_ + ": outline"));
  }

  // Nodes every outline and polygonizes the result into the tile's faces.
  GeosGeometryPtr faces() {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(lines_.size());
    for (auto& l : lines_) raw.push_back(l.release());
    lines_.clear();
    auto collection =
        take_geos(ctx_,
                  GEOSGeom_createCollection_r(ctx_.get(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                              static_cast<unsigned>(raw.size())),
                  name_ + ": collecting outlines");
    // Floating precision: GEOS's noder, about twice as fast as an overlay union of the
    // linework; should it fail on nearly coincident outlines, the overlay union (OverlayNG,
    // which falls back to snapping by itself) takes over. With a precision grid: snap-rounding
    // noding, which never fails.
    GEOSGeometry* node_result = nullptr;
    if (options_.precision_m > 0) {
      node_result = GEOSUnaryUnionPrec_r(ctx_.get(), collection.get(), options_.precision_m);
    } else {
      node_result = GEOSNode_r(ctx_.get(), collection.get());
      if (node_result == nullptr) {
        (void)ctx_.take_error();
        node_result = GEOSUnaryUnion_r(ctx_.get(), collection.get());
      }
    }
    auto noded = take_geos(ctx_, node_result, name_ + ": noding outlines");
    const GEOSGeometry* input = noded.get();
    return take_geos(ctx_, GEOSPolygonize_r(ctx_.get(), &input, 1), name_ + ": polygonizing");
  }

  GeosContext& ctx() { return ctx_; }
  const std::string& name() const { return name_; }

 private:
  GeosContext& ctx_;
  Box tile_;
  const OverlapOptions& options_;
  std::string name_;
  std::vector<GeosGeometryPtr> lines_;
  bool clipped_any_ = false;
};

int count_containing(GeosContext& ctx, const std::vector<Piece>& pieces, const Point& p,
                     const GEOSGeometry* point) {
  int count = 0;
  for (const Piece& piece : pieces) {
    if (!bg::covered_by(p, piece.envelope)) continue;
    if (GEOSPreparedContains_r(ctx.get(), piece.prepared.get(), point) == 1) ++count;
  }
  return count;
}

}  // namespace

std::vector<OverlapFace> overlay_tile(const Box& tile, const SheetIndex& index,
                                      std::span<const DissolvedSheet> sheets,
                                      const OverlapOptions& options) {
  TileWork work(tile, options);
  // A sheet's marked parts are disjoint, so counting the pieces that contain a point counts
  // the different sheets that marked it.
  std::vector<Piece> marked, covered;
  int marked_everywhere = 0, covered_everywhere = 0;
  for (const auto& [box, ref] : index.marked_in(tile)) {
    if (work.add(sheets[ref.sheet].marked[ref.part], box, marked)) ++marked_everywhere;
  }
  if (marked.empty() && marked_everywhere == 0) return {};
  for (const auto& [box, ref] : index.coverage_in(tile)) {
    if (work.add(sheets[ref.sheet].coverage[ref.part], box, covered)) ++covered_everywhere;
  }

  std::vector<OverlapFace> out;
  GeosContext& ctx = work.ctx();
  if (marked.empty() && covered.empty()) {
    // The whole tile lies inside every piece that reaches it: one face.
    Polygon whole;
    bg::convert(tile, whole);
    out.push_back({whole, marked_everywhere, covered_everywhere, bg::area(tile)});
    return out;
  }
  if (marked_everywhere + covered_everywhere > 0 || work.clipped_any()) work.add_tile_outline();
  GeosGeometryPtr faces = work.faces();
  const int face_count = GEOSGetNumGeometries_r(ctx.get(), faces.get());
  for (int i = 0; i < face_count; ++i) {
    const GEOSGeometry* face = GEOSGetGeometryN_r(ctx.get(), faces.get(), i);
    auto inside =
        take_geos(ctx, GEOSPointOnSurface_r(ctx.get(), face), work.name() + ": interior point");
    double x = 0, y = 0;
    GEOSGeomGetX_r(ctx.get(), inside.get(), &x);
    GEOSGeomGetY_r(ctx.get(), inside.get(), &y);
    const Point p(x, y);
    const int n = marked_everywhere + count_containing(ctx, marked, p, inside.get());
    if (n == 0) continue;
    OverlapFace& f = out.emplace_back();
    f.n = n;
    f.N = covered_everywhere + count_containing(ctx, covered, p, inside.get());
    GEOSArea_r(ctx.get(), face, &f.area);
    MultiPolygon mp = support::polygons_from_geos(ctx, face);
    if (!mp.empty()) f.geometry = std::move(mp.front());
  }
  return out;
}

}  // namespace wijkatlas::geo::overlap_detail
