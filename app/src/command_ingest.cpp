// `wijkatlas ingest`: drawn-on sheets (photos, scans) and digital drawings into the project
// store, one transaction per file, each file once.
#include <algorithm>
#include <exception>
#include <fstream>
#include <iterator>
#include <ostream>

#include "wijkatlas/project/ingest_image.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/sketch/digital_sketch.hpp"
#include "wijkatlas/sketch/store.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs
namespace {
namespace fs = std::filesystem;

std::vector<std::uint8_t> file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Ingester {
 public:
  Ingester(const IngestOptions& o, sketch::ProjectStore& store, geo::Reporter& reporter)
      : options_(o), store_(store), reporter_(reporter) {
    if (!o.sheet_id.empty()) {
      const std::string id = sketch::normalise_sheet_id(o.sheet_id);
      auto record = store_.find_sheet(id);
      if (!record) {
        throw usage_error("--sheet-id " + id + ": no sheet with this id in " + store_.path().string() +
                          " (it was printed with another store, or mistyped)");
      }
      known_ = std::move(record);
    }
  }

  IngestFileResult run(const std::string& file) {
    const fs::path path(file);
    if (!fs::exists(path)) throw io_error(file, "no such file");
    sketch::IngestBatch batch;
    if (is_image(path)) {
      batch = read_image(path, known_ ? std::optional(known_->sheet) : std::nullopt, reporter_);
    } else {
      batch.marks = sketch::read_digital_sketch(path, reporter_);
      batch.source = sketch::SketchSource::digitaal;
      if (known_) batch.sheet = known_->sheet;
    }
    batch.file_name = file;
    batch.content_sha256 = sketch::sha256_file(path);
    batch.session = session_for(batch);
    if (options_.keep_photo && batch.source != sketch::SketchSource::digitaal) batch.photo = file_bytes(path);
    const sketch::IngestOutcome outcome = store_.ingest(batch);
    return {file, !outcome.duplicate, outcome.duplicate, outcome.features, outcome.version,
            batch.sheet ? batch.sheet->id : "", outcome.superseded, outcome.earlier_file, outcome.earlier_at};
  }

 private:
  // The session named on the command line, else the one the sheet was printed for.
  std::string session_for(const sketch::IngestBatch& batch) {
    if (!options_.session.empty()) return options_.session;
    if (batch.sheet) {
      if (const auto record = store_.find_sheet(batch.sheet->id)) return record->session;
    }
    return "";
  }

  const IngestOptions& options_;
  sketch::ProjectStore& store_;
  geo::Reporter& reporter_;
  std::optional<sketch::SheetRecord> known_;
};

std::string result_line(const IngestFileResult& r) {
  const std::string name = fs::path(r.file).filename().string();
  if (r.duplicate) {
    return name + ": al ingelezen op " + r.earlier_at + " uit " + r.earlier_file +
           " (zelfde inhoud): niet opnieuw opgeslagen";
  }
  std::string line = name + ": " + std::to_string(r.features) + (r.features == 1 ? " schets" : " schetsen") + " opgeslagen";
  if (!r.sheet_id.empty()) line += " van blad " + r.sheet_id;
  line += " (versie " + std::to_string(r.version) + ")";
  if (r.superseded > 0) line += "; de eerdere versie blijft bewaard, gemarkeerd als vervangen";
  return line;
}

}  // namespace

IngestSummary run_ingest(const IngestOptions& options, geo::Reporter& reporter, std::ostream& out) {
  if (options.files.empty()) throw usage_error("give one or more files to read in (photos, scans, GeoJSON or GeoPackage drawings)");
  // Nothing to read: stop before a new store would be made for it.
  if (std::none_of(options.files.begin(), options.files.end(), [](const std::string& f) { return fs::exists(f); })) {
    throw io_error(options.files.front(), "no such file");
  }
  sketch::ProjectStore store = sketch::ProjectStore::open(options.store);
  Ingester ingester(options, store, reporter);
  IngestSummary summary;
  std::exception_ptr first_failure;
  for (const std::string& file : options.files) {
    try {
      const IngestFileResult r = ingester.run(file);
      out << result_line(r) << "\n";
      (r.duplicate ? summary.duplicates : summary.stored) += 1;
      summary.files.push_back(r);
    } catch (const output_error&) {
      throw;  // the store itself failed: the other files would fail the same way
    } catch (const error& e) {
      ++summary.failed;
      if (!first_failure) first_failure = std::current_exception();
      // One file's problem does not stop the others; the exit code still reports it.
      if (options.files.size() > 1) out << fs::path(file).filename().string() << ": niet ingelezen: " << e.what() << "\n";
    }
  }
  if (options.files.size() > 1) {
    out << summary.stored << " opgeslagen, " << summary.duplicates << " al eerder ingelezen, " << summary.failed
        << " niet ingelezen\n";
  }
  if (first_failure) std::rethrow_exception(first_failure);
  return summary;
}

}  // namespace wijkatlas::app
