#include "push_rows.hpp"

#include <algorithm>
#include <cstring>

#include "schema.hpp"

namespace wijkatlas::store::detail::push_rows {
namespace h = schema::history;

std::map<std::string, OGRFeatureUniquePtr> by_uuid(Rows& rows) {
  std::map<std::string, OGRFeatureUniquePtr> out;
  rows.each("", [&](OGRFeature& f) { out[text(f, "uuid")].reset(f.Clone()); });
  return out;
}

bool same_content(const OGRFeature& a, const OGRFeature& b, const char* except) {
  for (int i = 0; i < a.GetFieldCount(); ++i) {
    const OGRFieldDefn* defn = a.GetFieldDefnRef(i);
    const char* name = defn->GetNameRef();
    if (except != nullptr && std::strcmp(name, except) == 0) continue;
    const int j = b.GetDefnRef()->GetFieldIndex(name);
    if (j < 0) return false;
    if (defn->GetType() == OFTBinary) {
      int na = 0, nb = 0;
      const GByte* da = a.IsFieldSetAndNotNull(i) ? a.GetFieldAsBinary(i, &na) : nullptr;
      const GByte* db = b.IsFieldSetAndNotNull(j) ? b.GetFieldAsBinary(j, &nb) : nullptr;
      if (na != nb || (na > 0 && std::memcmp(da, db, static_cast<std::size_t>(na)) != 0))
        return false;
      continue;
    }
    if (value_text(a, i) != value_text(b, j)) return false;
  }
  const OGRGeometry* ga = a.GetGeometryRef();
  const OGRGeometry* gb = b.GetGeometryRef();
  if ((ga == nullptr || ga->IsEmpty()) != (gb == nullptr || gb->IsEmpty())) return false;
  return ga == nullptr || ga->IsEmpty() || ga->Equals(gb);
}

OGRFeatureUniquePtr copy_of(Rows& rows, const OGRFeature& from) {
  OGRFeatureUniquePtr row(OGRFeature::CreateFeature(rows.layer().GetLayerDefn()));
  row->SetFrom(&from, TRUE);
  row->SetFID(OGRNullFID);
  return row;
}

std::vector<OGRFeatureUniquePtr> history_of(Rows& history, const std::string& uuid,
                                            long long above) {
  std::vector<OGRFeatureUniquePtr> out;
  history.each(std::string(h::row_uuid) + " = " + sql_literal(uuid) + " AND " + h::row_version +
                   " > " + std::to_string(above),
               [&](OGRFeature& f) { out.emplace_back(f.Clone()); });
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a->GetFieldAsInteger64(h::row_version) < b->GetFieldAsInteger64(h::row_version);
  });
  return out;
}

HistoryEntry entry_of(const OGRFeature& f) {
  const auto maybe = [&](const char* column) {
    return is_null(f, column) ? std::nullopt : std::optional<std::string>(text(f, column));
  };
  return {text(f, h::table_name),      text(f, h::row_id),    text(f, h::field),
          maybe(h::old_value),         maybe(h::new_value),   f.GetFieldAsInteger64(h::row_version),
          time_text(f, h::changed_at), text(f, h::changed_by)};
}

std::vector<HistoryEntry> entries_of(const std::vector<OGRFeatureUniquePtr>& history_rows) {
  std::vector<HistoryEntry> out;
  for (const auto& f : history_rows) out.push_back(entry_of(*f));
  return out;
}

void write_entry(Rows& history, const Entry& e) {
  OGRFeatureUniquePtr row = history.new_row();
  row->SetField(h::table_name, e.table.c_str());
  row->SetField(h::row_uuid, e.row_uuid.c_str());
  row->SetField(h::row_id, e.row_id.c_str());
  row->SetField(h::field, e.field.c_str());
  if (e.old_value) row->SetField(h::old_value, e.old_value->c_str());
  if (e.new_value) row->SetField(h::new_value, e.new_value->c_str());
  row->SetField(h::row_version, static_cast<GIntBig>(e.version));
  set_time(*row, h::changed_at, e.at);
  row->SetField(h::changed_by, e.by.c_str());
  history.insert(*row, "the history of " + e.row_id);
}

std::int64_t set_version(Backend& b, const std::string& table, const std::string& uuid,
                         long long from, long long to) {
  return b.execute("UPDATE \"" + table + "\" SET \"" + schema::row::version +
                   "\" = " + std::to_string(to) + " WHERE uuid = " + sql_literal(uuid) + " AND \"" +
                   schema::row::version + "\" = " + std::to_string(from));
}

std::int64_t delete_row(Backend& b, const std::string& table, const std::string& uuid,
                        std::optional<long long> version) {
  return b.execute(
      "DELETE FROM \"" + table + "\" WHERE uuid = " + sql_literal(uuid) +
      (version ? " AND \"" + std::string(schema::row::version) + "\" = " + std::to_string(*version)
               : std::string()));
}

}  // namespace wijkatlas::store::detail::push_rows
