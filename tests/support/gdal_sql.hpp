#pragma once
// SQL on a dataset through GDAL, for tests that compare what two writers made (tables,
// declarations, index rows).
#include <gdal_priv.h>

#include <filesystem>
#include <string>
#include <vector>

namespace wijkatlas::test {

// Every row of an SQL query, its fields joined by '|'; none if the query fails.
std::vector<std::string> sql_rows(GDALDataset& dataset, const std::string& sql);
// The same on the dataset at `path`, opened read-only for the query.
std::vector<std::string> sql_rows(const std::filesystem::path& path, const std::string& sql);

}  // namespace wijkatlas::test
