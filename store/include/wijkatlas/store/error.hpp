#pragma once
// What went wrong with a project store, as a kind a front end can act on (a hint, an HTTP
// status, a retry) instead of message text. Every store failure is thrown as one of the classes
// below, which derive from the wijkatlas exception hierarchy (geo/error.hpp) so that the
// command line's exit codes follow from the type as before:
//   store_io_error      (io_error, exit 3):     not_found, not_a_store, newer_format
//   store_output_error  (output_error, exit 4): already_exists, locked, read_only,
//                                               upgrade_failed, write_failed
//   store_data_error    (data_error, exit 3):   duplicate, conflict (the command line: exit 5),
//                                               foreign_project, unknown_id, not_current,
//                                               bad_value
//   store_usage_error   (usage_error, exit 2):  bad_location
// Catch `store_error` to get at the kind of any of them. Messages never name a command-line
// option; a front end adds its own hints (rethrow_with_hint).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::store {

enum class ErrorKind {
  not_found,        // no store at the location (open never creates one)
  already_exists,   // create found a store (or any file) at the location
  not_a_store,      // an empty file, not SQLite, a GeoPackage of something else, no project
  newer_format,     // written by a newer wijkatlas
  bad_location,     // a directory, or a kind of location this build cannot open
  locked,           // another writer held the store past the busy timeout
  read_only,        // the store or its folder cannot be written
  upgrade_failed,   // an older format could not be upgraded (the store is left as it was)
  write_failed,     // any other failed write (disk full, a trigger refusing a row): nothing stored
  duplicate,        // the id (a sheet, a spot) is taken
  conflict,         // the row changed since the version a change was based on (compare-and-set):
                    // nothing written; the message says what changed, when and by whom
  foreign_project,  // a sheet of another project
  unknown_id,       // no spot or sketch with that id
  not_current,      // a sketch from an earlier photo of its sheet (superseded)
  bad_value,        // a value in the store that wijkatlas cannot read (an unknown status word)
};

// "not_found", "locked", ...: for logs and tests.
std::string_view to_string(ErrorKind kind);

// What a conflict found, for a front end that words it in its own language (the message's text
// says the same in English).
struct ConflictFacts {
  long long based_on = 0;     // the version the refused change was based on
  long long now_version = 0;  // 0: the row is gone
  std::string changed_at;     // when it last changed (or was removed); may be empty
  std::string changed_by;
  struct Change {
    std::string field;  // the store's field name (category, note, geometry, status, ...)
    std::optional<std::string> old_value, new_value;
  };
  std::vector<Change> changes;  // every change after `based_on`, oldest first
};

// Throws ErrorKind::conflict with the facts a front end can word itself.
[[noreturn]] void raise_conflict(const std::string& location, const std::string& text,
                                 const std::string& subject, ConflictFacts facts);

// The part every store exception shares.
class store_error {
 public:
  virtual ~store_error() = default;
  virtual const char* what() const noexcept = 0;

  ErrorKind kind() const noexcept { return kind_; }
  // The store's location (a path), as given.
  const std::string& location() const noexcept { return location_; }
  // What the message says about (a sheet, "schets S17"); may be empty.
  const std::string& subject() const noexcept { return subject_; }
  // The message without the location and subject.
  const std::string& text() const noexcept { return text_; }

  // Set for ErrorKind::conflict when the store could say what changed.
  const std::optional<ConflictFacts>& conflict() const noexcept { return conflict_; }

  // Throws the same kind of error with ": <hint>" after the text.
  [[noreturn]] void rethrow_with_hint(std::string_view hint) const;

 protected:
  store_error(ErrorKind kind, std::string location, std::string subject, std::string text);

 private:
  friend void raise_conflict(const std::string&, const std::string&, const std::string&,
                             ConflictFacts);
  std::optional<ConflictFacts> conflict_;
  ErrorKind kind_;
  std::string location_;
  std::string subject_;
  std::string text_;
};

class store_io_error final : public io_error, public store_error {
 public:
  store_io_error(ErrorKind kind, std::string location, std::string subject, std::string text);
  const char* what() const noexcept override { return io_error::what(); }
};

class store_output_error final : public output_error, public store_error {
 public:
  store_output_error(ErrorKind kind, std::string location, std::string subject, std::string text);
  const char* what() const noexcept override { return output_error::what(); }
};

class store_data_error final : public data_error, public store_error {
 public:
  store_data_error(ErrorKind kind, std::string location, std::string subject, std::string text);
  const char* what() const noexcept override { return data_error::what(); }
};

class store_usage_error final : public usage_error, public store_error {
 public:
  store_usage_error(ErrorKind kind, std::string location, std::string subject, std::string text);
  const char* what() const noexcept override { return usage_error::what(); }
};

// Throws the class that belongs to `kind`. The message reads "<location>: <subject>: <text>"
// (as io_error and data_error compose it).
[[noreturn]] void raise(ErrorKind kind, const std::string& location, const std::string& text,
                        const std::string& subject = {});

}  // namespace wijkatlas::store
