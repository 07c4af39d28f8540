#include "wijkatlas/store/error.hpp"

#include <utility>

namespace wijkatlas::store {
namespace {

std::string with_subject(const std::string& subject, const std::string& text) {
  return subject.empty() ? text : subject + ": " + text;
}

}  // namespace

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::not_found:
      return "not_found";
    case ErrorKind::already_exists:
      return "already_exists";
    case ErrorKind::not_a_store:
      return "not_a_store";
    case ErrorKind::newer_format:
      return "newer_format";
    case ErrorKind::bad_location:
      return "bad_location";
    case ErrorKind::locked:
      return "locked";
    case ErrorKind::read_only:
      return "read_only";
    case ErrorKind::upgrade_failed:
      return "upgrade_failed";
    case ErrorKind::write_failed:
      return "write_failed";
    case ErrorKind::duplicate:
      return "duplicate";
    case ErrorKind::conflict:
      return "conflict";
    case ErrorKind::foreign_project:
      return "foreign_project";
    case ErrorKind::unknown_id:
      return "unknown_id";
    case ErrorKind::not_current:
      return "not_current";
    case ErrorKind::bad_value:
      return "bad_value";
  }
  return "?";
}

store_error::store_error(ErrorKind kind, std::string location, std::string subject,
                         std::string text)
    : kind_(kind),
      location_(std::move(location)),
      subject_(std::move(subject)),
      text_(std::move(text)) {}

void store_error::rethrow_with_hint(std::string_view hint) const {
  if (conflict_) raise_conflict(location_, text_ + ": " + std::string(hint), subject_, *conflict_);
  raise(kind_, location_, text_ + ": " + std::string(hint), subject_);
}

store_io_error::store_io_error(ErrorKind kind, std::string location, std::string subject,
                               std::string text)
    : io_error(location, with_subject(subject, text)), store_error(kind, location, subject, text) {}

store_output_error::store_output_error(ErrorKind kind, std::string location, std::string subject,
                                       std::string text)
    : output_error(location, with_subject(subject, text)),
      store_error(kind, location, subject, text) {}

store_data_error::store_data_error(ErrorKind kind, std::string location, std::string subject,
                                   std::string text)
    : data_error(location, subject, text), store_error(kind, location, subject, text) {}

store_usage_error::store_usage_error(ErrorKind kind, std::string location, std::string subject,
                                     std::string text)
    : usage_error(location + ": " + with_subject(subject, text)),
      store_error(kind, location, subject, text) {}

void raise(ErrorKind kind, const std::string& location, const std::string& text,
           const std::string& subject) {
  switch (kind) {
    case ErrorKind::not_found:
    case ErrorKind::not_a_store:
    case ErrorKind::newer_format:
      throw store_io_error(kind, location, subject, text);
    case ErrorKind::already_exists:
    case ErrorKind::locked:
    case ErrorKind::read_only:
    case ErrorKind::upgrade_failed:
    case ErrorKind::write_failed:
      throw store_output_error(kind, location, subject, text);
    case ErrorKind::duplicate:
    case ErrorKind::conflict:
    case ErrorKind::foreign_project:
    case ErrorKind::unknown_id:
    case ErrorKind::not_current:
    case ErrorKind::bad_value:
      throw store_data_error(kind, location, subject, text);
    case ErrorKind::bad_location:
      throw store_usage_error(kind, location, subject, text);
  }
  throw store_output_error(kind, location, subject, text);
}

void raise_conflict(const std::string& location, const std::string& text,
                    const std::string& subject, ConflictFacts facts) {
  store_data_error error(ErrorKind::conflict, location, subject, text);
  error.conflict_ = std::move(facts);
  throw error;
}

}  // namespace wijkatlas::store
