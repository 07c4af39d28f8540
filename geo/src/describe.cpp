// describe_dataset: what `wijkatlas info` shows, without reading every feature.
#include "detail/ogr_open.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/ogr_convert.hpp"

namespace wijkatlas::geo {

std::vector<std::string> layer_names(const std::filesystem::path& path) {
  support::QuietGdalErrors quiet;
  auto ds = detail::open_vector(path);
  std::vector<std::string> names;
  for (auto* layer : ds->GetLayers()) names.emplace_back(layer->GetName());
  return names;
}

namespace {

std::vector<Field> fields_of(OGRFeatureDefn& defn) {
  std::vector<Field> fields;
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const OGRFieldDefn* fd = defn.GetFieldDefn(i);
    const FieldType type = support::field_type_of(fd->GetType());
    fields.push_back(Field{fd->GetNameRef(), type, is_personal_field_name(fd->GetNameRef())});
  }
  return fields;
}

}  // namespace

DatasetSummary describe_dataset(const std::filesystem::path& path, DescribeDetail detail) {
  support::QuietGdalErrors quiet;
  auto ds = detail::open_vector(path);
  DatasetSummary summary;
  summary.path = path.string();
  summary.driver = ds->GetDriver()->GetDescription();
  const bool is_osm = summary.driver == "OSM";
  for (auto* layer : ds->GetLayers()) {
    LayerSummary ls;
    ls.name = layer->GetName();
    ls.geometry_type = OGRGeometryTypeToName(layer->GetGeomType());
    ls.fields = fields_of(*layer->GetLayerDefn());
    if (detail == DescribeDetail::structure) {
      ls.feature_count = -1;
      summary.layers.push_back(std::move(ls));
      continue;
    }
    // Counting OSM layers means parsing the whole file; the summary says "unknown" instead.
    ls.feature_count = is_osm ? -1 : layer->GetFeatureCount(TRUE);
    if (const auto* srs = layer->GetSpatialRef()) {
      const char* auth = srs->GetAuthorityName(nullptr);
      const char* code = srs->GetAuthorityCode(nullptr);
      ls.crs =
          (auth != nullptr && code != nullptr) ? std::string(auth) + ":" + code : srs->GetName();
    }
    OGREnvelope env;
    if (!is_osm && layer->GetGeomType() != wkbNone && layer->GetExtent(&env, TRUE) == OGRERR_NONE) {
      ls.extent = Box(Point(env.MinX, env.MinY), Point(env.MaxX, env.MaxY));
    }
    summary.layers.push_back(std::move(ls));
  }
  return summary;
}

}  // namespace wijkatlas::geo
