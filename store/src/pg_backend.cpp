// The PostGIS backend: the location parsed, the connection checked with libpq, the rows through
// GDAL's PostgreSQL driver, transactions serialised by an advisory lock per project.
#include "pg_backend.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>

#include "schema.hpp"
#include "schema_build.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store::detail {
namespace {

// The first key of the two-key advisory lock: "wijkatlas" in a 32-bit number, so that other
// programs' advisory locks on the same database do not collide with ours.
constexpr int lock_class = 0x77696a6b;  // 'wijk'

struct ConnectionCloser {
  void operator()(PGconn* c) const noexcept { PQfinish(c); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;
struct ResultCloser {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultCloser>;

// A parsed location: the connection string for libpq and GDAL, the project's schema, and the
// location as shown in messages (without the password).
struct PgLocation {
  std::string conninfo;
  std::string schema;
  std::string shown;
};

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Splits a libpq connection string into its key=value words, quotes kept as written.
std::vector<std::pair<std::string, std::string>> words(std::string_view text,
                                                       const std::string& location) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) return out;
    const std::size_t eq = text.find('=', i);
    if (eq == std::string_view::npos)
      raise(ErrorKind::bad_location, location, "a PostgreSQL location needs key=value words");
    std::string key(text.substr(i, eq - i));
    while (!key.empty() && is_space(key.back())) key.pop_back();
    i = eq + 1;
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t start = i;
    if (i < text.size() && text[i] == '\'') {
      for (++i; i < text.size() && text[i] != '\''; ++i)
        if (text[i] == '\\') ++i;
      if (i >= text.size())
        raise(ErrorKind::bad_location, location, "an unclosed quote in the PostgreSQL location");
      ++i;
    } else {
      while (i < text.size() && !is_space(text[i])) ++i;
    }
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.emplace_back(key, std::string(text.substr(start, i - start)));
  }
}

bool valid_schema(const std::string& s) {
  return !s.empty() && s.size() <= 63 && !std::isdigit(static_cast<unsigned char>(s[0])) &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

PgLocation parse(std::string_view location) {
  const std::string given(location);
  PgLocation out;
  std::string shown = "PG:";
  for (const auto& [key, value] : words(location.substr(3), given)) {
    if (key == "active_schema" || key == "schema") {
      out.schema = value;
      continue;
    }
    if (key != "password") shown += key + "=" + value + " ";
    out.conninfo += key + "=" + value + " ";
  }
  if (!valid_schema(out.schema)) {
    raise(ErrorKind::bad_location, shown,
          out.schema.empty()
              ? "a PostgreSQL location names its project's schema: active_schema=NAME"
              : "the schema '" + out.schema +
                    "' is not lower case letters, digits and _ (at most 63)");
  }
  out.shown = shown + "active_schema=" + out.schema;
  return out;
}

// A libpq connection for the checks, or a message that names host and port.
Connection connect(const PgLocation& where, ErrorKind kind) {
  Connection c(PQconnectdb((where.conninfo + " connect_timeout=10").c_str()));
  if (!c) raise(kind, where.shown, "cannot connect to PostgreSQL: out of memory");
  if (PQstatus(c.get()) != CONNECTION_OK) {
    std::string reason = PQerrorMessage(c.get());
    while (!reason.empty() && is_space(reason.back())) reason.pop_back();
    const char* host = PQhost(c.get());
    const char* port = PQport(c.get());
    raise(kind, where.shown,
          std::string("cannot connect to PostgreSQL at host ") +
              (host != nullptr && *host != '\0' ? host : "(local socket)") + " port " +
              (port != nullptr && *port != '\0' ? port : "5432") + ": " + reason);
  }
  return c;
}

// The kind of a failed libpq result, from its SQLSTATE (never from the translatable message).
ErrorKind kind_of_sqlstate(const PGresult* r, ErrorKind otherwise) {
  const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  const std::string code = state != nullptr ? state : "";
  if (code == "55P03") return ErrorKind::locked;     // lock_not_available
  if (code == "23505") return ErrorKind::duplicate;  // unique_violation
  if (code == "42501" || code == "25006")            // insufficient_privilege,
    return ErrorKind::read_only;                     // read_only_sql_transaction
  if (code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0 || code.empty())
    return ErrorKind::write_failed;  // the connection: lost, refused, server shutting down
  return otherwise;
}

bool exists(PGconn* c, const PgLocation& where, const char* sql, const std::string& value) {
  const char* params[] = {value.c_str()};
  const Result r(PQexecParams(c, sql, 1, nullptr, params, nullptr, nullptr, 0));
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK)
    raise(kind_of_sqlstate(r.get(), ErrorKind::not_a_store), where.shown,
          std::string("cannot read the database: ") + PQresultErrorMessage(r.get()));
  return PQntuples(r.get()) > 0;
}

// Checks the database and whether the project's schema is there.
bool probe(const PgLocation& where, ErrorKind connect_kind) {
  const Connection c = connect(where, connect_kind);
  if (!exists(c.get(), where, "SELECT 1 FROM pg_extension WHERE extname = $1", "postgis"))
    raise(ErrorKind::not_a_store, where.shown,
          "the database has no PostGIS: CREATE EXTENSION postgis in it first");
  return exists(c.get(), where, "SELECT 1 FROM pg_namespace WHERE nspname = $1", where.schema);
}

std::string seconds(std::chrono::milliseconds ms) {
  const auto tenths = (ms.count() + 50) / 100;
  return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") +
         " s";
}

bool contains(const std::string& text, const char* needle) {
  return text.find(needle) != std::string::npos;
}

bool starts_with_word(const std::string& sql, const char* word) {
  const std::size_t n = std::char_traits<char>::length(word);
  return sql.size() > n && std::equal(word, word + n, sql.begin(), [](char a, char b) {
           return a == std::toupper(static_cast<unsigned char>(b));
         });
}

class PostgisBackend final : public Backend {
 public:
  // `creating`: the connection starts a transaction that creates the project's schema and ends
  // with the connection (GDAL then uses savepoints for its own transactions), so that GDAL sees
  // the new schema as its active one and the whole store appears at once, at that end.
  PostgisBackend(PgLocation where, OpenOptions options, bool creating = false)
      : where_(std::move(where)), options_(options) {
    open_dataset(creating);
  }

  void open_dataset(bool creating) {
    support::ensure_gdal_registered();
    const support::QuietGdalErrors quiet;
    const char* drivers[] = {"PostgreSQL", nullptr};
    const std::string prelude = "PRELUDE_STATEMENTS=BEGIN; CREATE SCHEMA " + where_.schema;
    // Opening a store ends the list after LIST_ALL_TABLES.
    const char* open_options[] = {"LIST_ALL_TABLES=YES", creating ? prelude.c_str() : nullptr,
                                  "CLOSING_STATEMENTS=COMMIT", nullptr};
    const std::string gdal =
        "PG:" + where_.conninfo + "active_schema=" + where_.schema + " schemas=" + where_.schema;
    CPLErrorReset();
    dataset_.reset(GDALDataset::Open(gdal.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers,
                                     open_options, nullptr));
    if (!dataset_ && creating) {
      const std::string message = support::last_gdal_error("no reason given");
      // Asked, not read from the message: is the schema there now (another creator's)?
      if (probe(where_, ErrorKind::write_failed))
        raise(ErrorKind::already_exists, where_.shown,
              "a store was made here at the same moment by another process");
      raise(ErrorKind::write_failed, where_.shown, "cannot create the store: " + message);
    }
    if (!dataset_) {
      raise(ErrorKind::not_a_store, where_.shown,
            "GDAL cannot open the PostgreSQL store (" +
                support::last_gdal_error("no reason given") + ")");
    }
  }
  ~PostgisBackend() override {
    const support::QuietGdalErrors quiet;
    rollback();
    dataset_.reset();
  }

  // Ends the creating transaction without a store: nothing of it stays.
  void abandon() noexcept {
    const support::QuietGdalErrors quiet;
    rollback();
    OGRLayer* result = dataset_->ExecuteSQL("ROLLBACK", nullptr, nullptr);
    if (result != nullptr) dataset_->ReleaseResultSet(result);
  }

  const std::string& location() const override { return where_.shown; }
  GDALDataset& dataset() override { return *dataset_; }

  std::vector<std::string> table_options(bool has_geometry) const override {
    // Names as the GeoPackage has them (LAUNDER would lower-case and alter them); text without
    // a length limit.
    std::vector<std::string> o{"FID=fid", "LAUNDER=NO", "PRECISION=NO", "SCHEMA=" + where_.schema};
    if (has_geometry) o.insert(o.end(), {"GEOMETRY_NAME=geom", "SPATIAL_INDEX=GIST", "DIM=2"});
    return o;
  }

  bool typed_uuids() const override { return true; }

  void begin() override {
    begin_private();
    // One writer per project at a time: what a transaction reads decides what it writes
    // (versions, sketch numbers). The lock ends with the transaction, also when the connection
    // drops; waiting for it ends after the busy timeout.
    run("SET LOCAL lock_timeout = " + std::to_string(options_.busy_timeout.count()),
        "cannot lock the store for writing");
    CPLErrorReset();
    OGRLayer* result =
        dataset_->ExecuteSQL(("SELECT pg_advisory_xact_lock(" + std::to_string(lock_class) +
                              ", hashtext(" + sql_literal(where_.schema) + "))")
                                 .c_str(),
                             nullptr, nullptr);
    if (result != nullptr) dataset_->ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure) {
      // This statement only waits: on a live connection it fails by the lock timeout (55P03).
      raise_message("cannot lock the store for writing",
                    support::last_gdal_error("GDAL gave no reason"), true);
    }
  }

  void begin_private() {
    for (int i = 0; i < dataset_->GetLayerCount(); ++i) dataset_->GetLayer(i)->ResetReading();
    CPLErrorReset();
    if (dataset_->StartTransaction(FALSE) != OGRERR_NONE) fail("cannot start a transaction");
    in_transaction_ = true;
  }

  void commit() override {
    CPLErrorReset();
    in_transaction_ = false;
    if (dataset_->CommitTransaction() != OGRERR_NONE || CPLGetLastErrorType() >= CE_Failure) {
      const std::string message = support::last_gdal_error("GDAL gave no reason");
      raise_message("cannot commit", message);
    }
  }

  void rollback() noexcept override {
    if (!in_transaction_) return;
    in_transaction_ = false;
    const support::QuietGdalErrors quiet;
    (void)dataset_->RollbackTransaction();
  }

  std::int64_t execute(const std::string& sql) override {
    // GDAL reports no row count: a changing statement counts its own rows.
    const bool changes = starts_with_word(sql, "UPDATE") || starts_with_word(sql, "DELETE") ||
                         starts_with_word(sql, "INSERT");
    if (!changes) {
      run(sql, "cannot change the store");
      return 0;
    }
    const auto count =
        query("WITH changed AS (" + sql + " RETURNING 1) SELECT count(*) FROM changed");
    return count.empty() || !count.front() ? 0 : std::stoll(*count.front());
  }

  std::vector<std::optional<std::string>> query(const std::string& sql) override {
    // A statement that does not start with SELECT runs as it is, its rows copied (GDAL runs a
    // SELECT through a cursor, which a data-changing WITH cannot be).
    const std::string statement =
        starts_with_word(sql, "WITH") ? sql : "WITH q AS (" + sql + ") SELECT * FROM q";
    CPLErrorReset();
    OGRLayer* result = dataset_->ExecuteSQL(statement.c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure) {
      if (result != nullptr) dataset_->ReleaseResultSet(result);
      fail("cannot read the store");
    }
    std::vector<std::optional<std::string>> out;
    if (result == nullptr) return out;
    for (OGRFeatureUniquePtr f(result->GetNextFeature()); f; f.reset(result->GetNextFeature())) {
      out.push_back(f->IsFieldSetAndNotNull(0) ? std::optional<std::string>(f->GetFieldAsString(0))
                                               : std::nullopt);
    }
    dataset_->ReleaseResultSet(result);
    return out;
  }

  [[noreturn]] void fail(const std::string& what) override {
    raise_message(what, support::last_gdal_error("GDAL gave no reason"));
  }

  // A statement whose rows, if any, nobody needs.
  void run(const std::string& sql, const std::string& what) {
    CPLErrorReset();
    OGRLayer* result = dataset_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result != nullptr) dataset_->ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure) fail(what);
  }

  // Format 4 and later: tables that only gained columns get them in place (ALTER TABLE through
  // GDAL, so the types are those of a new store), new tables are created; one transaction,
  // under the project's write lock.
  void upgrade(int from) override {
    const support::QuietGdalErrors quiet;
    try {
      WriteTransaction transaction(*this);
      const auto stored = query("SELECT value FROM wijkatlas_project WHERE key = 'format_version'");
      from = stored.empty() || !stored.front() ? 0 : std::stoi(*stored.front());
      if (from < format_version) {
        if (from < 4)
          raise(
              ErrorKind::upgrade_failed, where_.shown,
              "PostgreSQL stores start at format 4; this one says format " + std::to_string(from));
        for (const schema::Table& t : schema::tables()) {
          if (t.since > from) {
            if (dataset_->GetLayerByName(t.name) != nullptr)
              raise(
                  ErrorKind::upgrade_failed, where_.shown,
                  "a table '" + std::string(t.name) + "' is in the way (made by another program?)");
            create_table(*this, t, t.name);
            create_unique_indexes(*this, t, t.name);
          } else {
            add_new_columns(*this, t, from);
            fill_new_columns(*this, t, from);
          }
        }
        execute("UPDATE wijkatlas_project SET value = " +
                sql_literal(std::to_string(format_version)) + " WHERE key = 'format_version'");
        transaction.commit();
      }
    } catch (const store_error& e) {
      if (e.kind() == ErrorKind::locked) throw;
      raise(ErrorKind::upgrade_failed, where_.shown,
            "cannot upgrade the store from format " + std::to_string(from) + " to " +
                std::to_string(format_version) + " (it is left unchanged): " + e.text());
    }
    // GDAL's tables as they are now (another process may have upgraded them).
    rollback();
    dataset_.reset();
    open_dataset(false);
  }

 private:
  // Rolls back and throws the store_error for a failure on GDAL's connection. GDAL hands out
  // neither the connection nor the SQLSTATE, so the class is found by asking the database, not
  // by reading its (translatable) message: is the connection still there, was it the lock
  // statement (which can only time out), may this role write here at all.
  [[noreturn]] void raise_message(const std::string& what, const std::string& message,
                                  bool locking = false) {
    rollback();
    if (!alive()) {
      raise(ErrorKind::write_failed, where_.shown,
            what +
                ": the connection to PostgreSQL was lost (the server ended it or the network "
                "dropped): nothing was stored; try again when the server is back (" +
                first_line(message) + ")");
    }
    if (locking)
      raise(ErrorKind::locked, where_.shown,
            "another writer kept the project locked for " + seconds(options_.busy_timeout) +
                ": try again; nothing was stored");
    if (cannot_write())
      raise(ErrorKind::read_only, where_.shown,
            what +
                ": this role may not write the project's tables (a read-only role or "
                "database): nothing was stored (" +
                first_line(message) + ")");
    // The one class left to the message: a unique key taken by another writer (23505), which
    // makes ingest look again for the same file.
    const ErrorKind kind =
        contains(message, "duplicate key") ? ErrorKind::duplicate : ErrorKind::write_failed;
    raise(kind, where_.shown, what + ": " + message + "; nothing was stored");
  }

  static std::string first_line(const std::string& message) {
    std::string line = message.substr(0, message.find('\n'));
    while (!line.empty() && is_space(line.back())) line.pop_back();
    return line;
  }

  // Whether GDAL's connection still answers (after the rollback: not in a failed transaction).
  bool alive() {
    const support::QuietGdalErrors quiet;
    CPLErrorReset();
    OGRLayer* result = dataset_->ExecuteSQL("SELECT 1", nullptr, nullptr);
    if (result != nullptr) dataset_->ReleaseResultSet(result);
    return CPLGetLastErrorType() < CE_Failure;
  }

  // A read-only transaction (a standby, default_transaction_read_only) or a role without
  // INSERT on a table of the project.
  bool cannot_write() {
    const support::QuietGdalErrors quiet;
    CPLErrorReset();
    const std::string sql =
        "SELECT CASE WHEN current_setting('transaction_read_only') = 'on' OR EXISTS (SELECT 1 "
        "FROM pg_class c WHERE c.relnamespace = " +
        sql_literal(where_.schema) +
        "::regnamespace AND c.relkind = 'r' AND NOT has_table_privilege(c.oid, 'INSERT')) THEN 1 "
        "ELSE 0 END";
    OGRLayer* result = dataset_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    bool out = false;
    if (result != nullptr) {
      const OGRFeatureUniquePtr f(result->GetNextFeature());
      out = f && f->GetFieldAsInteger(0) == 1;
      dataset_->ReleaseResultSet(result);
    }
    return out;
  }

  PgLocation where_;
  OpenOptions options_;
  GDALDatasetUniquePtr dataset_;
  bool in_transaction_ = false;
};

}  // namespace

bool names_postgresql(std::string_view location) {
  return location.size() >= 3 && (location[0] == 'P' || location[0] == 'p') &&
         (location[1] == 'G' || location[1] == 'g') && location[2] == ':';
}

std::unique_ptr<Backend> open_postgis(std::string_view location, const OpenOptions& options) {
  PgLocation where = parse(location);
  if (!probe(where, ErrorKind::not_found))
    raise(ErrorKind::not_found, where.shown,
          "no project store here (no schema " + where.schema + " in the database)");
  return std::make_unique<PostgisBackend>(std::move(where), options);
}

std::unique_ptr<Backend> create_postgis(std::string_view location, const OpenOptions& options,
                                        const std::function<void(Backend&)>& build) {
  PgLocation where = parse(location);
  if (probe(where, ErrorKind::write_failed))
    raise(ErrorKind::already_exists, where.shown,
          "the schema " + where.schema + " exists already: a new store is never made in it");
  {
    // The schema and its tables appear at once, when the backend closes; a second creator at
    // the same moment waits for that, then fails on the schema's name.
    PostgisBackend backend(where, options, true);
    backend.begin_private();
    try {
      build(backend);
      backend.commit();
    } catch (...) {
      backend.abandon();
      throw;
    }
  }
  return open_postgis(location, options);
}

}  // namespace wijkatlas::store::detail
