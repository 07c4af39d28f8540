// join_point_stream: the join of points read in batches (PointReader), in bounded memory.
#include <algorithm>
#include <limits>
#include <stdexcept>

#include "buurt_locator.hpp"
#include "join_counter.hpp"
#include "overlap/parallel.hpp"
#include "wijkatlas/geo/join.hpp"
#include "wijkatlas/geo/locator.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {

StreamedPointJoin join_point_stream(const AreaHierarchy& hierarchy, PointReader& points,
                                    const PointStreamJoinOptions& options, Reporter& reporter) {
  const Layer& header = points.header();
  const PolygonLocator locator =
      detail::buurt_locator(hierarchy, points.size_hint(), options.join.threads);

  const PointJoinOptions& join = options.join;
  const auto theme_index = join.theme_field.empty()
                               ? std::nullopt
                               : std::optional(header.require_field(join.theme_field));
  const auto value_index = join.value_field.empty()
                               ? std::nullopt
                               : std::optional(header.require_field(join.value_field));
  // A CSV's values are text until the whole column has been seen: themes are counted by their
  // text and named at the end, values summed as numbers and dropped if the column is not one.
  const bool typed_at_end = points.typed_at_end();
  // Locating and counting are split over the join's threads: each counts a run of the located
  // points into a counter of its own, and the counters are merged at the end. Values and the
  // points kept follow on this thread, in point order. A reader that reads ahead keeps a core
  // busy: with all cores asked for, the join then leaves it that one (on 2 cores, a second
  // locating thread made ten million points slower, not faster: it only took turns with the
  // reader).
  const unsigned cores = overlap_detail::worker_count(0, std::numeric_limits<unsigned>::max());
  const unsigned all_threads = join.threads != 0 ? join.threads : cores;
  unsigned threads =
      join.threads == 0 && points.reads_ahead() && cores > 1 ? cores - 1 : all_threads;
  // One counter to begin with (it also sums the values); more as parts of the points need them.
  std::vector<detail::PointCounter> counters;
  counters.emplace_back(hierarchy, theme_index.has_value());

  StreamedPointJoin out;
  const bool as_read = options.keep_all_as_read;
  if (as_read && !points.batches_stand_alone()) {
    throw std::logic_error(
        "join_point_stream: points kept as read from a reader whose batches "
        "do not stand alone");
  }
  out.all_kept = as_read || options.keep_all_up_to > 0;
  if (options.keep_assignments) {
    out.assignments.fids.reserve(points.size_hint());
    out.assignments.buurten.reserve(points.size_hint());
  }
  std::vector<std::int32_t> kept_buurt;  // while all are kept
  std::vector<std::int32_t> buurt;
  // Batches are located together, about a million points at a time: every polygon's edges
  // are then read from memory once for many points, not once per batch.
  const std::size_t located_together = std::max<std::size_t>(options.located_together, 1);
  std::vector<PointBatch> pending;
  std::vector<Point> locations;
  if (points.size_hint() > 0)
    locations.reserve(
        std::min(points.size_hint(), located_together + PointReadOptions{}.batch_size));
  // Too many to keep: from now on only the points outside (those kept so far too).
  auto stop_keeping_all = [&] {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < kept_buurt.size(); ++i) {
      if (kept_buurt[i] >= 0) continue;
      // Never onto itself: a self-move empties a vector.
      if (kept != i) out.points.features[kept] = std::move(out.points.features[i]);
      ++kept;
    }
    out.points.features.resize(kept);
    kept_buurt = {};
    out.all_kept = false;
  };
  // The text of point i's theme as read; `scratch` holds it when the source has no text of it.
  auto theme_of = [&](const PointBatch& batch, std::size_t i,
                      std::string& scratch) -> std::string_view {
    if (!theme_index) return {};
    if (const auto text = batch.text(*theme_index, i)) return *text;
    scratch = to_text(batch.value(*theme_index, i));
    return scratch;
  };
  auto count_pending = [&] {
    const std::size_t n = locations.size();
    // Threads only pay off for many points.
    const auto parts = static_cast<unsigned>(std::min<std::size_t>(threads, n / 20000 + 1));
    while (counters.size() < parts) counters.emplace_back(hierarchy, theme_index.has_value());
    overlap_detail::parallel_for(parts, parts, [&](std::size_t part) {
      const std::size_t begin = n * part / parts, end = n * (part + 1) / parts;
      std::string scratch;
      std::size_t offset = 0;  // of the batch in `locations`
      for (const PointBatch& batch : pending) {
        const std::size_t from = std::max(begin, offset);
        const std::size_t to = std::min(end, offset + batch.size());
        for (std::size_t k = from; k < to; ++k)
          counters[part].count(buurt[k], theme_of(batch, k - offset, scratch));
        offset += batch.size();
      }
    });
  };
  auto locate_pending = [&] {
    buurt.resize(locations.size());
    locator.locate_all(locations, buurt, threads);
    // Decided before the points are copied: a million features made only to be dropped cost
    // more than the whole join.
    if (!as_read && out.all_kept && out.point_count + locations.size() > options.keep_all_up_to)
      stop_keeping_all();
    count_pending();
    if (options.keep_assignments) {
      for (const PointBatch& batch : pending) {
        out.assignments.fids.insert(out.assignments.fids.end(), batch.fids().begin(),
                                    batch.fids().end());
      }
      out.assignments.buurten.insert(out.assignments.buurten.end(), buurt.begin(), buurt.end());
    }
    std::size_t offset = 0;
    for (const PointBatch& batch : pending) {
      for (std::size_t i = 0; i < batch.size(); ++i) {
        const std::int32_t b = buurt[offset + i];
        if (b >= 0 && value_index) {
          const Value v = batch.value(*value_index, i);
          const auto* text = std::get_if<std::string>(&v);
          const std::optional<double> value =
              typed_at_end && text != nullptr ? support::parse_number(*text) : as_number(v);
          if (value) counters.front().add_value(b, *value);
        }
        if (b < 0) ++out.outside_count;
        if (out.all_kept) {
          if (!as_read) out.points.features.push_back(batch.feature(i));  // else kept whole
          kept_buurt.push_back(b);
        } else if (b < 0) {
          out.points.features.push_back(batch.feature(i));
        }
      }
      offset += batch.size();
    }
    out.point_count += locations.size();
    for (PointBatch& done : pending) {
      if (as_read)
        out.kept.add(std::move(done));
      else
        points.recycle(std::move(done));
    }
    pending.clear();
    locations.clear();
  };
  PointBatch batch;
  while (points.next(batch)) {
    locations.insert(locations.end(), batch.points().begin(), batch.points().end());
    pending.push_back(std::move(batch));
    if (locations.size() >= located_together) locate_pending();
  }
  // The reader is done: the last points (up to a million) get the core it kept.
  threads = all_threads;
  locate_pending();

  // Every point has been seen: the fields' final types, and the values in them.
  out.points.name = header.name;
  out.points.source = header.source;
  out.points.source_crs = header.source_crs;
  out.points.fields = header.fields;
  out.points.fids_are_csv_rows = header.fids_are_csv_rows;
  if (typed_at_end) {
    for (Feature& f : out.points.features) {
      for (std::size_t k = 0; k < f.values.size(); ++k)
        f.values[k] = points.final_value(k, std::move(f.values[k]));
    }
  }
  const bool numeric_values = !value_index || !typed_at_end ||
                              header.fields[*value_index].type == FieldType::integer ||
                              header.fields[*value_index].type == FieldType::real;
  for (std::size_t t = 1; t < counters.size(); ++t) counters.front().merge_counts(counters[t]);
  counters.front().finish(
      out.result,
      [&](const std::string& text) {
        return typed_at_end ? to_text(points.final_value(*theme_index, Value(text))) : text;
      },
      numeric_values);
  if (out.all_kept) {
    out.result.buurt_of_point = std::move(kept_buurt);
    for (std::size_t i = 0; i < out.result.buurt_of_point.size(); ++i) {
      if (out.result.buurt_of_point[i] < 0) out.result.outside.push_back(i);
    }
  } else {
    out.result.buurt_of_point.assign(out.points.features.size(), PolygonLocator::not_found);
    for (std::size_t i = 0; i < out.points.features.size(); ++i) out.result.outside.push_back(i);
  }
  if (as_read) {
    out.kept.finish(header, points.final_typing());
    // The warning names the first points outside, as features.
    Layer examples = out.points;
    std::vector<std::size_t> first;
    const std::size_t named = std::min(detail::outside_examples, out.result.outside.size());
    for (std::size_t k = 0; k < named; ++k) {
      examples.features.push_back(out.kept.feature(out.result.outside[k]));
      first.push_back(k);
    }
    detail::warn_outside(reporter, examples, first, out.outside_count, out.point_count);
    return out;
  }
  detail::warn_outside(reporter, out.points, out.result.outside, out.outside_count,
                       out.point_count);
  return out;
}

}  // namespace wijkatlas::geo
