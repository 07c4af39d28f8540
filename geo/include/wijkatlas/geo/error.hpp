#pragma once
// The exception hierarchy of wijkatlas. Library code throws these; only a front end (the
// command line, a server) turns them into messages, exit codes or HTTP statuses. Every exception
// carries enough context (file, layer, feature, line, key) to tell the user what is wrong and
// where. Library messages never name a command-line flag: an error about a value of a request
// names the request's field (field(), e.g. "min_sheets"), which each front end words in its own
// terms (--min-sheets, a JSON key), and may suggest a value for a field that would fix it.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace wijkatlas {

class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;

  struct Suggestion {
    std::string field;
    std::string value;
  };
  const std::string& field() const noexcept { return field_; }
  const std::optional<Suggestion>& suggestion() const noexcept { return suggestion_; }
  void set_field(std::string field) { field_ = std::move(field); }
  void set_suggestion(std::string field, std::string value) {
    suggestion_ = Suggestion{std::move(field), std::move(value)};
  }

 private:
  std::string field_;
  std::optional<Suggestion> suggestion_;
};

// `throw about_field(crs_error("..."), "centre")`: the error, about a field of the request.
template <class Error>
Error about_field(Error e, std::string field) {
  e.set_field(std::move(field));
  return e;
}

// `throw suggesting(crs_error("..."), "crs", "EPSG:4326")`: the error, with a value that fixes it.
template <class Error>
Error suggesting(Error e, std::string field, std::string value) {
  e.set_suggestion(std::move(field), std::move(value));
  return e;
}

// Reading or writing a dataset failed: missing file, unknown format, unwritable output.
class io_error : public error {
 public:
  io_error(std::string path, std::string what_went_wrong, std::string layer = {});
  const std::string& path() const noexcept { return path_; }
  const std::string& layer() const noexcept { return layer_; }

 private:
  std::string path_;
  std::string layer_;
};

// Writing an output failed (unwritable directory, disk full). Separate from io_error so that
// the command line can tell "your input is wrong" from "I could not write".
class output_error : public io_error {
 public:
  using io_error::io_error;
};

// A dataset was read but its content is wrong: a bad value on a line, a duplicate code,
// coordinates that cannot be right.
class data_error : public error {
 public:
  data_error(std::string path, std::string location, std::string what_went_wrong);
  const std::string& path() const noexcept { return path_; }
  const std::string& location() const noexcept { return location_; }

 private:
  std::string path_;
  std::string location_;
};

// A coordinate reference system is unknown or a transformation failed.
class crs_error : public error {
 public:
  using error::error;
};

// A geometry operation failed for one feature (after repair was attempted).
class geometry_error : public error {
 public:
  geometry_error(std::string feature, std::string what_went_wrong);
  const std::string& feature() const noexcept { return feature_; }

 private:
  std::string feature_;
};

// A configuration file (programme definition, manifest, map definition) is wrong.
class config_error : public error {
 public:
  config_error(std::string path, std::string key, std::string what_went_wrong,
               std::optional<std::int64_t> line = std::nullopt);
  const std::string& path() const noexcept { return path_; }
  const std::string& key() const noexcept { return key_; }
  std::optional<std::int64_t> line() const noexcept { return line_; }

 private:
  std::string path_;
  std::string key_;
  std::optional<std::int64_t> line_;
};

// The user asked for something the command cannot do (wrong option combination).
class usage_error : public error {
 public:
  using error::error;
};

// A value of a request (a use case's options) is wrong; `field` names the request's member.
class request_error : public usage_error {
 public:
  request_error(std::string field, const std::string& what_went_wrong)
      : usage_error(what_went_wrong) {
    set_field(std::move(field));
  }
};

}  // namespace wijkatlas
