#pragma once
// The state behind ProjectStore's pointer, and what its parts share.
#include <memory>
#include <string>

#include "backend.hpp"
#include "row_log.hpp"
#include "rows.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::store {

struct ProjectStore::Impl {
  std::unique_ptr<detail::Backend> backend;
  std::string project;
  std::string by;  // OpenOptions::by

  const std::string& location() const { return backend->location(); }
};

namespace detail {

struct StoreAccess {
  static ProjectStore::Impl& impl(ProjectStore& store) { return *store.impl_; }
};

// Throws foreign_project when a sheet belongs to another project than the store.
void check_project(const sketch::SheetInfo& sheet, const std::string& project,
                   const std::string& location, const std::string& source);

// A sheet's row (store_sheets.cpp), also written by an ingest of a sheet printed elsewhere.
void insert_sheet(RowLog& log, Rows& sheets, const SheetRecord& r);
bool has_sheet(Rows& sheets, const std::string& id);

}  // namespace detail
}  // namespace wijkatlas::store
