// What only the PostGIS backend has: a server to reach, a database that may lack PostGIS, roles,
// an advisory lock per project, and tables that QGIS reads through GDAL. Runs against the
// server of scripts/test-postgres.sh (WIJKATLAS_TEST_PG); without it every test skips, and
// StoreBackends.PostgisRunsInCi fails in CI.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <memory>

#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::InkCategory;

struct ConnectionCloser {
  void operator()(PGconn* c) const noexcept { PQfinish(c); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

class StorePostgisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = postgis_server();
    if (server_.empty()) GTEST_SKIP() << "WIJKATLAS_TEST_PG is not set";
    static int counter = 0;
    schema_ = "pg" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  }
  std::string location() const { return server_ + "active_schema=" + schema_; }

  // A libpq connection of the test's own, as the store's owner (or another user).
  Connection connect(const std::string& extra = "") const {
    Connection c(PQconnectdb((server_.substr(3) + extra).c_str()));
    EXPECT_EQ(PQstatus(c.get()), CONNECTION_OK) << PQerrorMessage(c.get());
    return c;
  }
  static void exec(PGconn* c, const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    const ExecStatusType status = PQresultStatus(r);
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        << sql << ": " << PQresultErrorMessage(r);
    PQclear(r);
  }

  std::string server_, schema_;
};

TEST_F(StorePostgisTest, AServerThatDoesNotAnswerIsNamedByHostAndPortNeverThePassword) {
  const std::string unreachable =
      "PG:host=127.0.0.1 port=1 dbname=wijkatlas user=planner password=geheim-wachtwoord "
      "active_schema=npao";
  for (const bool creating : {false, true}) {
    try {
      if (creating)
        ProjectStore::create(unreachable, "npao");
      else
        ProjectStore::open(unreachable);
      FAIL() << "no error";
    } catch (const store_error& e) {
      const std::string message = e.what();
      EXPECT_EQ(e.kind(), creating ? ErrorKind::write_failed : ErrorKind::not_found);
      EXPECT_CONTAINS(message, "cannot connect to PostgreSQL at host 127.0.0.1 port 1");
      EXPECT_EQ(message.find("geheim"), std::string::npos) << message;
      EXPECT_EQ(e.location().find("geheim"), std::string::npos) << e.location();
    }
  }
}

TEST_F(StorePostgisTest, ALocationWithoutItsSchemaOrWithABadOneIsAUsageError) {
  for (const std::string& bad : {server_, server_ + "active_schema=Npao", server_ + "schema=a;b"}) {
    try {
      ProjectStore::open(bad);
      FAIL() << bad;
    } catch (const store_error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::bad_location) << bad;
      EXPECT_THROW(ProjectStore::open(bad), usage_error);
    }
  }
}

TEST_F(StorePostgisTest, ADatabaseWithoutPostgisIsSaidSo) {
  std::string plain = server_;
  plain.replace(plain.find("dbname=wijkatlas_test"), 21, "dbname=wijkatlas_test_plain");
  try {
    ProjectStore::create(plain + "active_schema=" + schema_, "npao");
    FAIL();
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_a_store);
    EXPECT_CONTAINS(std::string(e.what()), "has no PostGIS");
  }
}

TEST_F(StorePostgisTest, TablesAreRealPostgisTablesThatGdalReads) {
  {
    ProjectStore store = ProjectStore::create(location(), "npao", quick());
    store.ingest(photo_batch("h1", {square(InkCategory::idee, 191100, 443100)}));
  }
  // GDAL's own reader, as ogrinfo and QGIS use it.
  GDALAllRegister();
  const GDALDatasetUniquePtr ds(GDALDataset::Open(location().c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  OGRLayer* sketches = ds->GetLayerByName("sketches");
  ASSERT_NE(sketches, nullptr);
  ASSERT_NE(sketches->GetSpatialRef(), nullptr);
  EXPECT_STREQ(sketches->GetSpatialRef()->GetAuthorityCode(nullptr), "28992");
  EXPECT_EQ(sketches->GetFeatureCount(), 1);
  const OGRFeatureDefn* defn = sketches->GetLayerDefn();
  const auto type = [&](const char* name) {
    const int i = defn->GetFieldIndex(name);
    EXPECT_GE(i, 0) << name;
    return i < 0 ? OFTMaxType : defn->GetFieldDefn(i)->GetType();
  };
  EXPECT_EQ(type("status_changed_at"), OFTDateTime);
  EXPECT_EQ(type("number"), OFTInteger);
  EXPECT_EQ(type("crop_png"), OFTBinary);
  EXPECT_EQ(type("area_m2"), OFTReal);
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("superseded"))->GetSubType(), OFSTBoolean);
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("uuid"))->GetSubType(), OFSTUUID)
      << "PostgreSQL's uuid type";
  EXPECT_STREQ(sketches->GetGeometryColumn(), "geom");

  // A GiST index on every geometry column.
  const Connection c = connect();
  PGresult* r = PQexec(c.get(), ("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema_ +
                                 "' AND indexdef LIKE '%USING gist (geom)%'")
                                    .c_str());
  ASSERT_EQ(PQresultStatus(r), PGRES_TUPLES_OK);
  EXPECT_STREQ(PQgetvalue(r, 0, 0), "6") << "sheets, sketches, spots, areas, initiatives, assets";
  PQclear(r);
}

TEST_F(StorePostgisTest, AWriterHoldingTheProjectPastTheTimeoutIsAClearLockedError) {
  ProjectStore store = ProjectStore::create(location(), "npao", quick());
  const Connection other = connect();
  exec(other.get(), "BEGIN");
  exec(other.get(), "SELECT pg_advisory_xact_lock(" + std::to_string(0x77696a6b) + ", hashtext('" +
                        schema_ + "'))");
  try {
    store.ingest(photo_batch("h1", {dot(InkCategory::idee, 191100, 443100)}));
    FAIL();
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::locked);
    EXPECT_CONTAINS(std::string(e.what()), "0.2 s");
  }
  exec(other.get(), "ROLLBACK");
  EXPECT_FALSE(store.ingest(photo_batch("h1", {dot(InkCategory::idee, 191100, 443100)})).duplicate)
      << "the refused ingest stored nothing";
}

TEST_F(StorePostgisTest, AReadOnlyRoleReadsButCannotWrite) {
  { ProjectStore::create(location(), "npao"); }
  const Connection owner = connect();
  exec(owner.get(), "GRANT USAGE ON SCHEMA " + schema_ + " TO wijkatlas_reader");
  exec(owner.get(), "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema_ + " TO wijkatlas_reader");
  std::string reader = location();
  reader.replace(reader.find("user=wijkatlas "), 15, "user=wijkatlas_reader ");
  ProjectStore store = ProjectStore::open(reader, quick());
  EXPECT_EQ(store.project(), "npao");
  try {
    store.ingest(photo_batch("h1", {dot(InkCategory::idee, 191100, 443100)}));
    FAIL();
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::read_only) << e.what();
  }
  EXPECT_EQ(ProjectStore::open(location()).sheet_count(), 0u) << "nothing half-written";
}

TEST_F(StorePostgisTest, AStoreOfANewerFormatIsRefused) {
  { ProjectStore::create(location(), "npao"); }
  const Connection c = connect();
  exec(c.get(), "UPDATE " + schema_ +
                    ".wijkatlas_project SET value = '99' WHERE key = " + "'format_version'");
  try {
    ProjectStore::open(location());
    FAIL();
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::newer_format);
  }
}

}  // namespace
}  // namespace wijkatlas::store::test
