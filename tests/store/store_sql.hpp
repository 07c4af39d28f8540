#pragma once
// Raw SQL on a store of either backend, for checks the store's API does not offer (what a
// table holds after an import, an upgrade from an older format).
#include <string>

namespace wijkatlas::store::test {

bool on_postgis(const std::string& where);
// The schema of a PG: location (its active_schema).
std::string schema_of(const std::string& where);
// Runs `sql` on the store; returns the first value of a query ("" for none, NULL or a statement
// that returns no rows). A failed statement is a test failure.
std::string first_value(const std::string& where, const std::string& sql);

}  // namespace wijkatlas::store::test
