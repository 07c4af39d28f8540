#include "gdal_sql.hpp"

#include <ogrsf_frmts.h>

#include <memory>

namespace wijkatlas::test {

std::vector<std::string> sql_rows(GDALDataset& dataset, const std::string& sql) {
  std::vector<std::string> out;
  OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result == nullptr) return out;
  for (auto& f : *result) {
    std::string row;
    for (int i = 0; i < f->GetFieldCount(); ++i)
      row += (i ? "|" : "") + std::string(f->GetFieldAsString(i));
    out.push_back(row);
  }
  dataset.ReleaseResultSet(result);
  return out;
}

std::vector<std::string> sql_rows(const std::filesystem::path& path, const std::string& sql) {
  GDALAllRegister();
  const auto close = [](GDALDataset* d) { GDALClose(d); };
  const std::unique_ptr<GDALDataset, decltype(close)> dataset(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR), close);
  if (!dataset) return {};
  return sql_rows(*dataset, sql);
}

}  // namespace wijkatlas::test
