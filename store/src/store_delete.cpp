// Withdrawing a drawing: a sketch removed as a compare-and-set on its version, its removal in
// the history. A removal found done already is the outcome both writers wanted, so the second
// one is told so rather than failing.
#include "schema.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace col = schema::sketches;
}  // namespace

SketchRemoval ProjectStore::delete_sketch(const std::string& id, long long based_on) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  const auto number = sketch::parse_sketch_status_id(id);
  if (!number)
    raise(ErrorKind::unknown_id, b.location(), "'" + id + "' is not a sketch id like S17");
  SketchRemoval out;
  out.id = sketch::sketch_status_id(*number);
  const std::string subject = "schets " + out.id;
  Rows sketches(b, col::table);
  WriteTransaction transaction(b);
  const OGRFeatureUniquePtr row =
      sketches.first(std::string(col::number) + " = " + std::to_string(*number));
  if (!row) {
    const auto removal = removal_of(b, col::table, out.id);
    if (!removal)
      raise(ErrorKind::unknown_id, b.location(), "no sketch " + out.id + " in this store");
    out.already_removed = true;
    out.version = removal->version;
    out.removed_at = removal->at;
    out.removed_by = removal->by;
    return out;  // nothing written: the transaction ends unused
  }
  RowLog log(b, impl_->by);
  out.version = log.remove(sketches, *row, based_on, subject);
  out.removed_at = log.at();
  out.removed_by = log.by();
  transaction.commit();
  return out;
}

}  // namespace wijkatlas::store
