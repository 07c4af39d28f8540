#include "store_gdal.hpp"

#include <sqlite3.h>

#include <ogr_spatialref.h>

#include <boost/geometry/io/wkt/write.hpp>
#include <ctime>
#include <iomanip>
#include <memory>
#include <sstream>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch::detail {
namespace {

bool says_locked(const std::string& message) {
  return message.find("locked") != std::string::npos || message.find("busy") != std::string::npos;
}

constexpr const char* locked_hint =
    "the store is locked by another program (QGIS, another wijkatlas?): close it there and try again; nothing was stored";

struct SqliteCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};

}  // namespace

std::string gdal_message(const std::string& fallback) {
  const char* msg = CPLGetLastErrorMsg();
  return (msg != nullptr && *msg != '\0') ? std::string(msg) : fallback;
}

void fail_write(const std::filesystem::path& store, const std::string& what) {
  const std::string message = gdal_message("unknown GDAL error");
  if (says_locked(message)) throw output_error(store.string(), locked_hint);
  throw output_error(store.string(), what + ": " + message + "; nothing was stored");
}

Transaction::Transaction(GDALDataset& ds, const std::filesystem::path& path) : ds_(ds), path_(path) {
  CPLErrorReset();
  if (ds_.StartTransaction(TRUE) != OGRERR_NONE) fail_write(path_, "cannot start a transaction");
  open_ = true;
}

Transaction::~Transaction() {
  if (open_) ds_.RollbackTransaction();
}

void Transaction::commit() {
  CPLErrorReset();
  const OGRErr err = ds_.CommitTransaction();
  open_ = false;  // SQLite ends the transaction either way
  if (err != OGRERR_NONE) fail_write(path_, "cannot commit");
}

void execute(GDALDataset& ds, const std::filesystem::path& path, const std::string& sql) {
  CPLErrorReset();
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result != nullptr) ds.ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure) fail_write(path, "cannot update the store");
}

OGRLayer* create_table(GDALDataset& ds, const std::filesystem::path& target, const char* name, OGRwkbGeometryType type,
                       std::initializer_list<FieldSpec> fields) {
  OGRSpatialReference rd;
  rd.importFromEPSG(28992);
  rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const char* options[] = {"SPATIAL_INDEX=YES", nullptr};
  OGRLayer* layer = ds.CreateLayer(name, type == wkbNone ? nullptr : &rd, type, const_cast<char**>(options));
  if (layer == nullptr) throw output_error(target.string(), "cannot create table '" + std::string(name) + "': " + gdal_message("?"));
  add_fields(*layer, target, fields);
  return layer;
}

void add_fields(OGRLayer& layer, const std::filesystem::path& target, std::initializer_list<FieldSpec> fields) {
  for (const FieldSpec& f : fields) {
    OGRFieldDefn defn(f.name, f.type);
    defn.SetUnique(f.unique ? TRUE : FALSE);
    if (layer.CreateField(&defn) != OGRERR_NONE) {
      throw output_error(target.string(), "cannot create field '" + std::string(f.name) + "': " + gdal_message("?"));
    }
  }
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string to_wkt(const geo::Geometry& geometry) {
  std::ostringstream os;
  os << std::setprecision(15);  // RD metres to well below a millimetre
  std::visit(
      [&](const auto& g) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(g)>, std::monostate>) os << boost::geometry::wkt(g);
      },
      geometry);
  return os.str();
}

std::string to_wkt(const geo::Box& b) {
  std::ostringstream os;
  os << std::setprecision(15);
  const double x0 = b.min_corner().x(), y0 = b.min_corner().y(), x1 = b.max_corner().x(), y1 = b.max_corner().y();
  os << "POLYGON((" << x0 << ' ' << y0 << ',' << x1 << ' ' << y0 << ',' << x1 << ' ' << y1 << ',' << x0 << ' ' << y1
     << ',' << x0 << ' ' << y0 << "))";
  return os.str();
}

OGRGeometry* ogr_from_wkt(const std::string& wkt) {
  if (wkt.empty()) return nullptr;
  OGRGeometry* g = nullptr;
  if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE) return nullptr;
  return g;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

void check_writable(const std::filesystem::path& path) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  const std::unique_ptr<sqlite3, SqliteCloser> db(raw);
  if (rc != SQLITE_OK) {
    throw output_error(path.string(), std::string("cannot open the store for writing: ") + (raw ? sqlite3_errmsg(raw) : "out of memory"));
  }
  // SQLite quietly opens a write-protected file read-only; say so now, not at the first write.
  if (sqlite3_db_readonly(db.get(), "main") == 1) throw output_error(path.string(), "the store is read-only: check its permissions");
  sqlite3_busy_timeout(db.get(), 1500);  // another wijkatlas finishing its ingest
  const int begin = sqlite3_exec(db.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (begin == SQLITE_BUSY || begin == SQLITE_LOCKED) throw output_error(path.string(), locked_hint);
  if (begin == SQLITE_NOTADB) throw io_error(path.string(), "not a GeoPackage (not even an SQLite file): choose another --store");
  if (begin == SQLITE_READONLY) throw output_error(path.string(), "the store is read-only: check its permissions");
  if (begin != SQLITE_OK) throw output_error(path.string(), std::string("cannot lock the store for writing: ") + sqlite3_errmsg(db.get()));
  sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace wijkatlas::sketch::detail
