#include "store_sql.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <memory>

#include "store_file.hpp"

namespace wijkatlas::store::test {
namespace {

struct ConnectionCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultClearer {
  void operator()(PGresult* r) const { PQclear(r); }
};

}  // namespace

bool on_postgis(const std::string& where) {
  return where.rfind("PG:", 0) == 0;
}

std::string schema_of(const std::string& where) {
  return where.substr(where.find("active_schema=") + 14);
}

std::string first_value(const std::string& where, const std::string& sql) {
  if (!on_postgis(where)) {
    if (sql.rfind("SELECT", 0) == 0) return wijkatlas::test::query_text(where, sql);
    wijkatlas::test::execute_sql(where, sql);
    return "";
  }
  const std::unique_ptr<PGconn, ConnectionCloser> c(
      PQconnectdb(where.substr(3, where.find("active_schema=") - 3).c_str()));
  const std::unique_ptr<PGresult, ResultClearer> r(
      PQexec(c.get(), ("SET search_path TO " + schema_of(where) + "; " + sql).c_str()));
  const ExecStatusType status = PQresultStatus(r.get());
  EXPECT_TRUE(status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
      << sql << ": " << PQresultErrorMessage(r.get());
  return status == PGRES_TUPLES_OK && PQntuples(r.get()) > 0 ? PQgetvalue(r.get(), 0, 0) : "";
}

}  // namespace wijkatlas::store::test
