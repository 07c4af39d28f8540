// `wijkatlas ingest`: drawn-on sheets (photos, scans) and digital drawings into the project
// store, one transaction per file, each file once.
#include <algorithm>
#include <exception>
#include <ostream>

#include "store_options.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/ingest.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::app {
namespace {
namespace fs = std::filesystem;

std::string result_line(const IngestFileResult& r) {
  const std::string name = fs::path(r.file).filename().string();
  if (r.duplicate) {
    return name + ": al ingelezen op " + r.earlier_at + " uit " + r.earlier_file +
           " (zelfde inhoud): niet opnieuw opgeslagen";
  }
  std::string line = name + ": " + std::to_string(r.features) +
                     (r.features == 1 ? " schets" : " schetsen") + " opgeslagen";
  if (!r.sheet_id.empty()) line += " van blad " + r.sheet_id;
  line += " (versie " + std::to_string(r.version) + ")";
  if (r.superseded > 0) line += "; de eerdere versie blijft bewaard, gemarkeerd als vervangen";
  return line;
}

}  // namespace

IngestSummary run_ingest(const IngestOptions& options, geo::Reporter& reporter, std::ostream& out) {
  if (options.files.empty())
    throw usage_error(
        "give one or more files to read in (photos, scans, GeoJSON or GeoPackage drawings)");
  // Nothing to read: stop before a new store would be made for it.
  if (std::none_of(options.files.begin(), options.files.end(),
                   [](const std::string& f) { return fs::exists(f); })) {
    throw io_error(options.files.front(), "no such file");
  }
  store::ProjectStore store =
      store::ProjectStore::open_or_create(options.store, "npao", store_options());
  project::Ingester ingester(store, options, reporter);
  IngestSummary summary;
  std::exception_ptr first_failure;
  for (const std::string& file : options.files) {
    try {
      const IngestFileResult r = ingester.ingest(file);
      out << result_line(r) << "\n";
      (r.duplicate ? summary.duplicates : summary.stored) += 1;
      summary.files.push_back(r);
    } catch (const output_error&) {
      throw;  // the store itself failed: the other files would fail the same way
    } catch (const error& e) {
      ++summary.failed;
      if (!first_failure) first_failure = std::current_exception();
      // One file's problem does not stop the others; the exit code still reports it.
      if (options.files.size() > 1)
        out << fs::path(file).filename().string() << ": niet ingelezen: " << e.what() << "\n";
    }
  }
  if (options.files.size() > 1) {
    out << summary.stored << " opgeslagen, " << summary.duplicates << " al eerder ingelezen, "
        << summary.failed << " niet ingelezen\n";
  }
  if (first_failure) std::rethrow_exception(first_failure);
  return summary;
}

}  // namespace wijkatlas::app
