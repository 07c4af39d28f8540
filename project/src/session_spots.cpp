#include "wijkatlas/project/session_spots.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/algorithms/within.hpp>
#include <cstdio>
#include <set>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/project/overlap.hpp"

namespace wijkatlas::project {
namespace {

int category_rank(sketch::InkCategory category) {
  return static_cast<int>(category);
}

sketch::SpotRecord spot_of(const std::string& session, sketch::InkCategory category, int min_n,
                           geo::MultiPolygon geometry) {
  sketch::SpotRecord s;
  s.session = session;
  s.category = category;
  s.geometry = std::move(geometry);
  s.area_m2 = geo::area(s.geometry);
  s.min_n = min_n;
  return s;
}

// The spots of an exact overlap map: the faces with n >= min_n united, each part with the
// highest n of the faces inside it and the N of that face.
std::vector<sketch::SpotRecord> spots_of_faces(const geo::OverlapMap& map,
                                               const std::string& session,
                                               sketch::InkCategory category, int min_n) {
  std::vector<geo::MultiPolygon> kept;
  std::vector<const geo::OverlapFace*> faces;
  for (const auto& f : map.faces) {
    if (f.n < min_n) continue;
    kept.push_back(geo::MultiPolygon{f.geometry});
    faces.push_back(&f);
  }
  std::vector<const geo::MultiPolygon*> pointers;
  for (const auto& k : kept) pointers.push_back(&k);
  const geo::MultiPolygon united = geo::union_polygons(pointers);

  std::vector<sketch::SpotRecord> out;
  for (const geo::Polygon& part : united) {
    sketch::SpotRecord s = spot_of(session, category, min_n, geo::MultiPolygon{part});
    for (std::size_t i = 0; i < faces.size(); ++i) {
      if (!boost::geometry::within(geo::point_on_surface(kept[i]), part)) continue;
      if (faces[i]->n > s.n || (faces[i]->n == s.n && faces[i]->N > s.N)) {
        s.n = faces[i]->n;
        s.N = faces[i]->N;
      }
    }
    if (s.n > 0) out.push_back(std::move(s));
  }
  return out;
}

// The spots of one category: the parts of the area that min_n or more sheets marked. A session
// of a few dozen sheets gets the exact map; one too large for it (thousands of sheets drawn on
// screen or collected over a year) the 1 m grid, as `overlap` chooses, its regions traced.
std::vector<sketch::SpotRecord> category_spots(store::ProjectStore& store,
                                               const std::string& session,
                                               sketch::InkCategory category, int min_n,
                                               geo::Reporter& reporter) {
  OverlapRequest request;
  request.category = sketch::to_string(category);
  request.session = session;
  request.density_sigma_m = 0;
  request.counts_only = true;
  geo::WarningsOnlyReporter warnings(reporter);  // not overlap's "method exact: ..." per category
  OverlapResult result = overlap(store, request, warnings);
  if (result.exact) return spots_of_faces(*result.exact, session, category, min_n);
  std::vector<sketch::SpotRecord> out;
  for (geo::CountedRegion& region : geo::grid_regions(*result.grid, min_n)) {
    sketch::SpotRecord s = spot_of(session, category, min_n, std::move(region.geometry));
    s.n = region.n;
    s.N = region.N;
    out.push_back(std::move(s));
  }
  return out;
}

std::string spot_number(std::size_t i, std::size_t count) {
  char text[16];
  std::snprintf(text, sizeof text, count > 99 ? "P%03zu" : "P%02zu", i + 1);
  return text;
}

}  // namespace

void require_session(store::ProjectStore& store, const std::string& session) {
  const std::vector<std::string> known = store.sessions();
  if (std::find(known.begin(), known.end(), session) != known.end()) return;
  std::string names;
  for (const auto& k : known) names += (names.empty() ? "" : ", ") + ("'" + k + "'");
  throw data_error(
      store.location(), "",
      "no drawings of session '" + session + "' in this store" +
          (known.empty()
               ? std::string(": it holds no drawings yet ('wijkatlas ingest' reads them in)")
               : " (sessions: " + names + ")"));
}

std::vector<sketch::SpotRecord> compute_spots(store::ProjectStore& store,
                                              const std::string& session, int min_n,
                                              geo::Reporter& reporter) {
  if (min_n < 1) throw request_error("min_n", "must be at least 1");
  require_session(store, session);
  std::set<sketch::InkCategory> present;
  for (const auto& row : store.sketch_statuses(session)) present.insert(row.category);
  std::vector<sketch::SpotRecord> spots;
  for (const sketch::InkCategory category : sketch::ink_categories) {
    if (!present.contains(category)) continue;
    auto some = category_spots(store, session, category, min_n, reporter);
    spots.insert(spots.end(), std::make_move_iterator(some.begin()),
                 std::make_move_iterator(some.end()));
  }
  std::stable_sort(spots.begin(), spots.end(),
                   [](const sketch::SpotRecord& a, const sketch::SpotRecord& b) {
                     if (category_rank(a.category) != category_rank(b.category))
                       return category_rank(a.category) < category_rank(b.category);
                     if (a.n != b.n) return a.n > b.n;
                     return a.area_m2 > b.area_m2;
                   });
  const std::string slug = sketch::session_slug(session);
  for (std::size_t i = 0; i < spots.size(); ++i)
    spots[i].id = slug + "-" + spot_number(i, spots.size());
  return spots;
}

void carry_statuses(const std::vector<sketch::SpotRecord>& old_spots,
                    std::vector<sketch::SpotRecord>& new_spots) {
  std::vector<geo::Box> old_boxes;  // a spot far away shares nothing: no GEOS call for it
  for (const auto& old : old_spots)
    old_boxes.push_back(boost::geometry::return_envelope<geo::Box>(old.geometry));
  for (auto& s : new_spots) {
    double best = 0;
    const auto box = boost::geometry::return_envelope<geo::Box>(s.geometry);
    for (std::size_t i = 0; i < old_spots.size(); ++i) {
      const auto& old = old_spots[i];
      if (old.category != s.category || old.status.status == sketch::Status::nieuw) continue;
      if (!boost::geometry::intersects(box, old_boxes[i])) continue;
      const double shared = geo::area(geo::intersection(old.geometry, s.geometry));
      if (shared > best) {
        best = shared;
        s.status = old.status;
      }
    }
  }
}

int recorded_min_n(const std::vector<sketch::SpotRecord>& spots) {
  if (spots.empty()) return 0;
  const int first = spots.front().min_n;
  const bool shared = std::all_of(spots.begin(), spots.end(),
                                  [&](const sketch::SpotRecord& s) { return s.min_n == first; });
  return shared ? first : 0;
}

SessionSpots session_spots(store::ProjectStore& store, const std::string& session, int min_n,
                           bool remake, geo::Reporter& reporter) {
  require_session(store, session);
  SessionSpots out;
  out.spots = store.spots(session);
  if (!out.spots.empty() && !remake) return out;
  std::vector<sketch::SpotRecord> made = compute_spots(store, session, min_n, reporter);
  carry_statuses(out.spots, made);
  store.replace_spots(session, made);
  out.spots = store.spots(session);
  out.made = true;
  return out;
}

}  // namespace wijkatlas::project
