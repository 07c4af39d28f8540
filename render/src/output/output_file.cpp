#include "output/output_file.hpp"

#include <cerrno>
#include <cstring>
#include <string>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/write_failure.hpp"

namespace wijkatlas::render::output {

OutputFile::OutputFile(const geo::AtomicFile& file)
    : target_(file.target_path()), file_(std::fopen(file.temporary_path().c_str(), "wb")) {
  if (!file_) {
    throw output_error(target_.string(), std::string("cannot open: ") + std::strerror(errno));
  }
}

void OutputFile::write(std::span<const std::byte> bytes) {
  if (!file_) throw output_error(target_.string(), "cannot write: the file is closed");
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size()) {
    const int failure = errno;
    throw output_error(target_.string(), geo::could_not_write(geo::write_failure_reason(failure)));
  }
}

void OutputFile::close() {
  std::FILE* file = file_.release();
  if (file != nullptr && std::fclose(file) != 0) {
    const int failure = errno;
    throw output_error(target_.string(), geo::could_not_write(geo::write_failure_reason(failure)));
  }
}

void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const ByteSink& sink)>& write) {
  geo::AtomicFile file(target);
  {
    OutputFile out(file);
    write([&out](std::span<const std::byte> bytes) { out.write(bytes); });
    out.close();
  }
  file.commit();
}

}  // namespace wijkatlas::render::output
