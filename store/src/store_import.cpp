// `store import`: the areas, key figures, registry and asset points of a data directory written
// into the store (format 6), all parts in one transaction. A part whose content hash is the one
// stored is left as it is; otherwise its rows are replaced and its row in `imports` changes
// (new version, history of the fields that differ: one change per part).
#include <cmath>

#include "bulk_load.hpp"
#include "schema.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace imp = schema::imports;

struct PartKey {
  std::string kind;
  std::string layer;  // asset layers only
  std::string id() const { return layer.empty() ? kind : kind + " " + layer; }
};

// Replaces one part: `clear` removes its old rows, `write` stores the new ones and returns how
// many; both skipped when the part is unchanged.
ImportedPart import_part(RowLog& log, Rows& imports, const PartKey& key, const ImportSource& from,
                         int boundary_year, const std::function<void()>& clear,
                         const std::function<std::size_t()>& write) {
  ImportedPart part{key.kind, key.layer.empty() ? key.kind : key.layer};
  const OGRFeatureUniquePtr existing =
      imports.first(std::string(imp::id) + " = " + sql_literal(key.id()));
  if (existing && !from.sha256.empty() && text(*existing, imp::sha256) == from.sha256) {
    part.unchanged = true;
    part.rows = static_cast<std::size_t>(existing->GetFieldAsInteger64(imp::rows));
    part.version = row_version(*existing);
    return part;
  }
  if (existing) clear();
  part.rows = write();
  OGRFeatureUniquePtr row(existing ? existing->Clone() : imports.new_row().release());
  row->SetField(imp::id, key.id().c_str());
  row->SetField(imp::kind, key.kind.c_str());
  row->SetField(imp::layer, key.layer.c_str());
  row->SetField(imp::source, from.source.c_str());
  row->SetField(imp::sha256, from.sha256.c_str());
  row->SetField(imp::rows, static_cast<GIntBig>(part.rows));
  if (boundary_year > 0)
    row->SetField(imp::boundary_year, boundary_year);
  else
    set_null(*row, imp::boundary_year);
  if (existing) {
    part.version =
        log.update(imports, *existing, *row, row_version(*existing), "import " + key.id());
  } else {
    log.insert(imports, *row, "import " + key.id());
    part.version = 1;
  }
  return part;
}

void set_text(OGRFeature& f, const char* column, const std::string& value) {
  if (value.empty())
    set_null(f, column);
  else
    f.SetField(column, value.c_str());
}

std::size_t write_areas(RowLog& log, Rows& rows, const ImportedAreas& a) {
  namespace col = schema::areas;
  const geo::AreaHierarchy& h = a.hierarchy;
  const auto code_of = [&](const geo::Area& buurt, geo::Level level) -> std::string {
    const std::int32_t i = buurt.parent[static_cast<std::size_t>(level)];
    return i >= 0 ? h.at(level)[static_cast<std::size_t>(i)].code : std::string();
  };
  std::size_t n = 0;
  for (const geo::Level level : geo::all_levels) {
    const auto& areas = h.at(level);
    for (std::size_t i = 0; i < areas.size(); ++i) {
      const geo::Area& area = areas[i];
      OGRFeatureUniquePtr f = rows.new_row();
      f->SetField(col::level, level_key(level));
      f->SetField(col::code, area.code.c_str());
      f->SetField(col::name, area.naam.c_str());
      f->SetField(col::ordinal, static_cast<GIntBig>(i));
      if (level == geo::Level::buurt) {
        set_text(*f, col::wijk_code, code_of(area, geo::Level::wijk));
        set_text(*f, col::programme_code, code_of(area, geo::Level::programma));
        set_text(*f, col::gemeente_code, code_of(area, geo::Level::gemeente));
      }
      if (a.boundary_year > 0) f->SetField(col::boundary_year, a.boundary_year);
      f->SetField(col::area_m2, area.area_m2);
      f->SetField(col::source, a.from.source.c_str());
      f->SetField(col::simplified, h.simplified_boundaries ? 1 : 0);
      set_geometry(*f, geo::Geometry(area.geometry));
      log.insert_unlogged(rows, *f, std::string(level_key(level)) + " " + area.code);
      ++n;
    }
  }
  return n;
}

std::size_t write_indicators(RowLog& log, Rows& rows, const ImportedIndicators& in) {
  namespace col = schema::indicators;
  std::size_t n = 0;
  for (std::size_t t = 0; t < in.tables.size(); ++t) {
    const geo::IndicatorTable& table = in.tables[t];
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      for (std::size_t c = 0; c < table.columns.size() && c < row.values.size(); ++c) {
        OGRFeatureUniquePtr f = rows.new_row();
        f->SetField(col::table_index, static_cast<GIntBig>(t));
        f->SetField(col::source, table.source.c_str());
        f->SetField(col::key_column, table.key_column.c_str());
        f->SetField(col::row_index, static_cast<GIntBig>(r));
        f->SetField(col::code, row.code.c_str());
        f->SetField(col::location, row.location.c_str());
        f->SetField(col::measure, table.columns[c].c_str());
        f->SetField(col::measure_index, static_cast<GIntBig>(c));
        const bool numeric = c < table.numeric.size() && table.numeric[c];
        f->SetField(col::numeric, numeric ? 1 : 0);
        const geo::Value& v = row.values[c];
        if (numeric) {
          if (const auto number = geo::as_number(v)) f->SetField(col::value, *number);
        } else if (!geo::is_null(v)) {
          f->SetField(col::value_text, geo::to_text(v).c_str());
        }
        log.insert_unlogged(rows, *f, "key figure " + table.columns[c] + " of " + row.code);
        ++n;
      }
    }
  }
  return n;
}

std::size_t write_registry(RowLog& log, Rows& rows, const ImportedRegistry& reg) {
  namespace col = schema::initiatives;
  const geo::Layer& layer = reg.layer;
  const char* standard[] = {col::id,     col::name,       col::theme,       col::description,
                            col::status, col::start_date, col::illustrative};
  const auto is_standard = [&](const std::string& name) {
    for (const char* s : standard)
      if (name == s) return true;
    return false;
  };
  std::size_t n = 0;
  for (const geo::Feature& feature : layer.features) {
    OGRFeatureUniquePtr f = rows.new_row();
    std::string attributes;
    for (std::size_t i = 0; i < layer.fields.size() && i < feature.values.size(); ++i) {
      const std::string& name = layer.fields[i].name;
      const geo::Value& v = feature.values[i];
      if (name == col::start_date) {
        if (const auto* d = std::get_if<geo::Date>(&v))
          f->SetField(col::start_date, d->year, d->month, d->day);
        else if (!geo::is_null(v) && !geo::to_text(v).empty())
          raise(ErrorKind::bad_value, reg.from.source,
                "startdatum '" + geo::to_text(v) + "' is not a date YYYY-MM-DD",
                layer.location_of(feature));
      } else if (name == col::illustrative) {
        const std::string t = geo::to_text(v);
        if (!t.empty()) f->SetField(col::illustrative, t == "ja" ? 1 : 0);
      } else if (is_standard(name)) {
        set_text(*f, name.c_str(), geo::to_text(v));
      } else if (!geo::is_null(v)) {
        // The extra columns as a JSON object: numbers bare, the rest as text.
        attributes += attributes.empty() ? "{" : ",";
        support::append_json_string(attributes, name);
        attributes += ':';
        if (std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v))
          attributes += geo::to_text(v);
        else
          support::append_json_string(attributes, geo::to_text(v));
      }
    }
    if (!attributes.empty()) f->SetField(col::attributes, (attributes + "}").c_str());
    f->SetField(col::source, reg.from.source.c_str());
    if (const auto* p = std::get_if<geo::Point>(&feature.geometry))
      set_geometry(*f, geo::Geometry(*p));
    log.insert_unlogged(rows, *f, "initiative " + layer.location_of(feature));
    ++n;
  }
  return n;
}

std::size_t write_assets(Backend& b, RowLog& log, Rows& rows, const ImportedAssets& assets) {
  namespace col = schema::assets;
  std::size_t n = 0;
  // One feature, filled anew for every point: the layer and the bookkeeping (the import's time
  // and author, version 1) are the same for all of them and set once.
  OGRFeatureUniquePtr f = rows.new_row();
  const int source_id_i = f->GetFieldIndex(col::source_id), name_i = f->GetFieldIndex(col::name),
            category_i = f->GetFieldIndex(col::category),
            attributes_i = f->GetFieldIndex(col::attributes), uuid_i = f->GetFieldIndex(col::uuid);
  f->SetField(col::layer, assets.layer.c_str());
  const std::string what = "the points of layer " + assets.layer;
  const auto set = [&](int i, const std::string& value) {
    if (value.empty())
      f->SetFieldNull(i);
    else
      f->SetField(i, value.c_str());
  };
  bulk_load(b, col::table, [&] {
    std::vector<AssetRow> batch;
    while (assets.next(batch)) {
      for (const AssetRow& row : batch) {
        f->SetFID(OGRNullFID);
        f->SetField(uuid_i, fast_uuid().c_str());
        set(source_id_i, row.source_id);
        set(name_i, row.name);
        set(category_i, row.category);
        set(attributes_i, row.attributes);
        if (std::isfinite(row.point.x()) && std::isfinite(row.point.y()))
          f->SetGeometryDirectly(new OGRPoint(row.point.x(), row.point.y()));
        else
          f->SetGeometryDirectly(nullptr);  // a row without a location
        if (n == 0)
          log.insert_unlogged(rows, *f, what);
        else
          rows.insert(*f, what);
        ++n;
      }
    }
  });
  return n;
}

}  // namespace

ImportOutcome ProjectStore::import_data(const ImportBatch& batch) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  Rows imports(b, imp::table);
  WriteTransaction transaction(b);
  RowLog log(b, impl_->by);
  ImportOutcome out;
  const auto clear = [&](const char* table, const std::string& where = "") {
    return [&b, table, where] {
      b.execute("DELETE FROM \"" + std::string(table) + "\"" +
                (where.empty() ? "" : " WHERE " + where));
    };
  };
  if (batch.areas) {
    Rows rows(b, schema::areas::table);
    out.parts.push_back(import_part(log, imports, {"areas", ""}, batch.areas->from,
                                    batch.areas->boundary_year, clear(schema::areas::table),
                                    [&] { return write_areas(log, rows, *batch.areas); }));
  }
  if (batch.indicators) {
    Rows rows(b, schema::indicators::table);
    out.parts.push_back(import_part(log, imports, {"indicators", ""}, batch.indicators->from, 0,
                                    clear(schema::indicators::table), [&] {
                                      return write_indicators(log, rows, *batch.indicators);
                                    }));
  }
  if (batch.registry) {
    Rows rows(b, schema::initiatives::table);
    out.parts.push_back(import_part(log, imports, {"initiatives", ""}, batch.registry->from, 0,
                                    clear(schema::initiatives::table),
                                    [&] { return write_registry(log, rows, *batch.registry); }));
  }
  for (const ImportedAssets& assets : batch.assets) {
    Rows rows(b, schema::assets::table);
    out.parts.push_back(
        import_part(log, imports, {"assets", assets.layer}, assets.from, 0,
                    clear(schema::assets::table,
                          std::string(schema::assets::layer) + " = " + sql_literal(assets.layer)),
                    [&] { return write_assets(b, log, rows, assets); }));
  }
  transaction.commit();
  return out;
}

}  // namespace wijkatlas::store
