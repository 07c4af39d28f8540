#include "detail/gpkg_rtree.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "detail/sqlite_file.hpp"

namespace wijkatlas::geo::detail {
namespace {

// One cell of an rtree node: a feature (leaf) or a child node, and its box in 32-bit floats.
using Cell = IndexedBox;

// SQLite's rtree.c stores coordinates as floats rounded outwards (rtreeValueDown/Up).
constexpr double round_towards = 1.0 - 1.0 / 8388608.0;
constexpr double round_away = 1.0 + 1.0 / 8388608.0;
float value_down(double d) {
  float f = static_cast<float>(d);
  if (f > d) f = static_cast<float>(d * (d < 0 ? round_away : round_towards));
  return f;
}
float value_up(double d) {
  float f = static_cast<float>(d);
  if (f < d) f = static_cast<float>(d * (d < 0 ? round_towards : round_away));
  return f;
}

void put_u16(unsigned char* at, unsigned v) {
  at[0] = static_cast<unsigned char>(v >> 8);
  at[1] = static_cast<unsigned char>(v);
}
void put_u32(unsigned char* at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>(v >> (24 - 8 * i));
}
void put_i64(unsigned char* at, std::int64_t value) {
  const auto v = static_cast<std::uint64_t>(value);
  for (int i = 0; i < 8; ++i) at[i] = static_cast<unsigned char>(v >> (56 - 8 * i));
}
void put_float(unsigned char* at, float f) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &f, sizeof bits);
  put_u32(at, bits);
}

// Reorders [begin, end) so that every run of `group` cells (from `begin`) holds the smallest by
// `key` of what follows it; the order within a run is left as it falls. This is what a sort
// would give the packing below, in O(n log(n / group)) instead of O(n log n).
template <typename Key>
void group_by(std::vector<Cell>::iterator begin, std::vector<Cell>::iterator end,
              std::ptrdiff_t group, Key key) {
  const std::ptrdiff_t groups = (end - begin + group - 1) / group;
  if (groups <= 1) return;
  const auto middle = begin + groups / 2 * group;
  std::nth_element(begin, middle, end,
                   [&](const Cell& a, const Cell& b) { return key(a) < key(b); });
  group_by(begin, middle, group, key);
  group_by(middle, end, group, key);
}

// Sort-Tile-Recursive packing of one level: cells grouped into nodes of at most `capacity`,
// in vertical slices by x, each slice's nodes by y. Returns the nodes as runs of `cells`.
std::vector<std::span<const Cell>> pack(std::vector<Cell>& cells, std::size_t capacity) {
  const std::size_t nodes = (cells.size() + capacity - 1) / capacity;
  const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
  const auto per_slice = static_cast<std::ptrdiff_t>(slices * capacity);
  const auto per_node = static_cast<std::ptrdiff_t>(capacity);
  auto centre_x = [](const Cell& c) { return static_cast<double>(c.minx) + c.maxx; };
  auto centre_y = [](const Cell& c) { return static_cast<double>(c.miny) + c.maxy; };
  group_by(cells.begin(), cells.end(), per_slice, centre_x);
  std::vector<std::span<const Cell>> out;
  out.reserve(nodes + slices);
  for (auto slice = cells.begin(); slice < cells.end();) {
    const auto slice_end = slice + std::min(per_slice, cells.end() - slice);
    group_by(slice, slice_end, per_node, centre_y);
    for (auto at = slice; at < slice_end; at += std::min(per_node, slice_end - at))
      out.emplace_back(&*at, static_cast<std::size_t>(std::min(per_node, slice_end - at)));
    slice = slice_end;
  }
  return out;
}

// Sorts (id, holder) links whose ids are unique. Ids are usually dense (the fids of a layer
// written in one go, node numbers): then each is put in its place in one pass.
void sort_by_unique_id(std::vector<std::pair<std::int64_t, std::int64_t>>& links) {
  if (links.empty()) return;
  const auto [low, high] = std::minmax_element(
      links.begin(), links.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const auto min_id = low->first;
  const auto span = static_cast<std::uint64_t>(high->first) - static_cast<std::uint64_t>(min_id);
  if (span >= 2 * links.size()) {
    std::sort(links.begin(), links.end());
    return;
  }
  constexpr std::int64_t none = std::numeric_limits<std::int64_t>::min();
  std::vector<std::int64_t> holder(span + 1, none);
  for (const auto& [id, at] : links) holder[static_cast<std::size_t>(id - min_id)] = at;
  links.clear();
  for (std::size_t i = 0; i < holder.size(); ++i) {
    if (holder[i] != none) links.emplace_back(min_id + static_cast<std::int64_t>(i), holder[i]);
  }
}

Cell bounds_of(std::int64_t id, std::span<const Cell> cells) {
  Cell b{id, cells.front().minx, cells.front().maxx, cells.front().miny, cells.front().maxy};
  for (const Cell& c : cells) {
    b.minx = std::min(b.minx, c.minx);
    b.maxx = std::max(b.maxx, c.maxx);
    b.miny = std::min(b.miny, c.miny);
    b.maxy = std::max(b.maxy, c.maxy);
  }
  return b;
}

// The triggers and extension entry of a GeoPackage spatial index, word for word as GDAL 3.6
// writes them (GeoPackage 1.2 rtree extension).
std::vector<std::string> index_definition(const std::string& table, const std::string& column,
                                          const std::string& fid) {
  const std::string t = sql_identifier(table), c = sql_identifier(column), id = sql_identifier(fid);
  const std::string rtree = sql_identifier("rtree_" + table + "_" + column);
  auto name = [&](const char* suffix) {
    return sql_identifier("rtree_" + table + "_" + column + "_" + suffix);
  };
  const std::string values = "VALUES (NEW." + id + ",ST_MinX(NEW." + c + "), ST_MaxX(NEW." + c +
                             "),ST_MinY(NEW." + c + "), ST_MaxY(NEW." + c + "))";
  return {
      "CREATE TRIGGER " + name("insert") + " AFTER INSERT ON " + t + " WHEN (new." + c +
          " NOT NULL AND NOT ST_IsEmpty(NEW." + c + ")) BEGIN INSERT OR REPLACE INTO " + rtree +
          " " + values + "; END",
      "CREATE TRIGGER " + name("update1") + " AFTER UPDATE OF " + c + " ON " + t + " WHEN OLD." +
          id + " = NEW." + id + " AND (NEW." + c + " NOTNULL AND NOT ST_IsEmpty(NEW." + c +
          ")) BEGIN INSERT OR REPLACE INTO " + rtree + " " + values + "; END",
      "CREATE TRIGGER " + name("update2") + " AFTER UPDATE OF " + c + " ON " + t + " WHEN OLD." +
          id + " = NEW." + id + " AND (NEW." + c + " ISNULL OR ST_IsEmpty(NEW." + c +
          ")) BEGIN DELETE FROM " + rtree + " WHERE id = OLD." + id + "; END",
      "CREATE TRIGGER " + name("update3") + " AFTER UPDATE ON " + t + " WHEN OLD." + id +
          " != NEW." + id + " AND (NEW." + c + " NOTNULL AND NOT ST_IsEmpty(NEW." + c +
          ")) BEGIN DELETE FROM " + rtree + " WHERE id = OLD." + id + "; INSERT OR REPLACE INTO " +
          rtree + " " + values + "; END",
      "CREATE TRIGGER " + name("update4") + " AFTER UPDATE ON " + t + " WHEN OLD." + id +
          " != NEW." + id + " AND (NEW." + c + " ISNULL OR ST_IsEmpty(NEW." + c +
          ")) BEGIN DELETE FROM " + rtree + " WHERE id IN (OLD." + id + ", NEW." + id + "); END",
      "CREATE TRIGGER " + name("delete") + " AFTER DELETE ON " + t + " WHEN old." + c +
          " NOT NULL BEGIN DELETE FROM " + rtree + " WHERE id = OLD." + id + "; END",
      "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,column_name TEXT,extension_name "
      "TEXT NOT NULL,definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE "
      "(table_name, column_name, extension_name))",
      "INSERT INTO gpkg_extensions (table_name,column_name,extension_name,definition,scope) VALUES "
      "(" +
          sql_literal(table) + ", " + sql_literal(column) +
          ", 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', "
          "'write-only')",
  };
}

}  // namespace

IndexedBox indexed_box(std::int64_t fid, const Box& box) {
  return {fid, value_down(box.min_corner().x()), value_up(box.max_corner().x()),
          value_down(box.min_corner().y()), value_up(box.max_corner().y())};
}

void add_gpkg_spatial_index(const std::filesystem::path& path, const std::string& table,
                            const std::string& geometry_column, std::vector<IndexedBox> boxes) {
  SqliteFile db(path, "spatial index", table);
  db.begin_unjournaled(256);  // the index pages stay in memory while the nodes are written
  const std::string fid = db.primary_key(table);
  const std::string rtree = "rtree_" + table + "_" + geometry_column;
  db.execute("CREATE VIRTUAL TABLE " + sql_identifier(rtree) +
             " USING rtree(id, minx, maxx, miny, maxy)");
  // The rtree module sized its nodes for this file's page size when it made the empty root.
  const auto node_bytes = static_cast<std::size_t>(std::stoul(db.text(
      "SELECT length(data) FROM " + sql_identifier(rtree + "_node") + " WHERE nodeno = 1")));
  constexpr std::size_t cell_bytes = 24;  // 64-bit id, 4 x 32-bit float
  const std::size_t capacity = (node_bytes - 4) / cell_bytes;

  std::vector<Cell> level = std::move(boxes);
  if (!level.empty()) {
    const support::Statement node = db.prepare("INSERT INTO " + sql_identifier(rtree + "_node") +
                                               " (nodeno, data) VALUES (?, ?)");
    db.execute("DELETE FROM " + sql_identifier(rtree + "_node"));
    // Which node holds each feature (leaves) and each node (inner nodes): written afterwards,
    // sorted, so that SQLite appends to its B-trees instead of inserting all over them.
    std::vector<std::pair<std::int64_t, std::int64_t>> leaf_of, parent_of;
    leaf_of.reserve(level.size());
    std::vector<unsigned char> blob(node_bytes);
    std::int64_t next_node = 2;  // 1 is the root
    // Level by level from the leaves: every node gets its number when it is written, and its
    // parent, packed from those numbers, is written one level up. The last level is the root.
    unsigned depth = 0;
    for (;;) {
      const std::vector<std::span<const Cell>> nodes = pack(level, capacity);
      const bool root = nodes.size() == 1;
      std::vector<Cell> above;
      for (const std::span<const Cell> cells : nodes) {
        const std::int64_t number = root ? 1 : next_node++;
        std::fill(blob.begin(), blob.end(), 0);
        if (root) put_u16(blob.data(), depth);
        put_u16(blob.data() + 2, static_cast<unsigned>(cells.size()));
        for (std::size_t i = 0; i < cells.size(); ++i) {
          unsigned char* at = blob.data() + 4 + i * cell_bytes;
          put_i64(at, cells[i].id);
          put_float(at + 8, cells[i].minx);
          put_float(at + 12, cells[i].maxx);
          put_float(at + 16, cells[i].miny);
          put_float(at + 20, cells[i].maxy);
          (depth == 0 ? leaf_of : parent_of).emplace_back(cells[i].id, number);
        }
        sqlite3_bind_int64(node.get(), 1, number);
        sqlite3_bind_blob(node.get(), 2, blob.data(), static_cast<int>(blob.size()),
                          SQLITE_TRANSIENT);
        db.step(node.get());
        above.push_back(bounds_of(number, cells));
      }
      if (root) break;
      level = std::move(above);
      ++depth;
    }
    auto write_links = [&](const std::string& links_table, const char* columns,
                           std::vector<std::pair<std::int64_t, std::int64_t>>& links) {
      sort_by_unique_id(links);
      const support::Statement insert = db.prepare("INSERT INTO " + sql_identifier(links_table) +
                                                   " " + columns + " VALUES (?, ?)");
      for (const auto& [id, holder] : links) {
        sqlite3_bind_int64(insert.get(), 1, id);
        sqlite3_bind_int64(insert.get(), 2, holder);
        db.step(insert.get());
      }
    };
    write_links(rtree + "_rowid", "(rowid, nodeno)", leaf_of);
    write_links(rtree + "_parent", "(nodeno, parentnode)", parent_of);
  }
  for (const std::string& sql : index_definition(table, geometry_column, fid)) db.execute(sql);
  db.commit();
}

}  // namespace wijkatlas::geo::detail
