#pragma once
// A project store filled through the store API: sheets in Geitenkamp with known marks, and the
// `wijkatlas` command run in-process.
#include <filesystem>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::test {

using CliResult = CliRun;  // run_wijkatlas() from cli_run.hpp

// `sheets` printed sheets showing [192500,445800]-[193300,446500] (inside and around the
// Geitenkamp buurt); sheet i marked 'probleem' on [192880+10i,446120]-[192930+10i,446170]
// (50 x 50 m, all inside Geitenkamp), so with 3 sheets n = 3 on a 30 x 50 m strip.
void fill_store(const std::filesystem::path& store, int sheets);

// A later photo of sheet `index`: a new version whose only mark is the given box.
void replace_sheet(const std::filesystem::path& store, int index, double x0, double y0, double x1,
                   double y1);

// `sheets` sheets showing all of Arnhem-Oost; at each spot the first `count` sheets drew a
// 20 x 20 m 'probleem' square around the point.
struct Spot {
  double x = 0, y = 0;
  int count = 0;
};
void fill_store_at(const std::filesystem::path& store, int sheets, const std::vector<Spot>& spots);

// Copies a rendered map to $WIJKATLAS_TEST_KEEP (when set), to look at it after the run.
void keep_for_viewing(const std::filesystem::path& file);

// The text of a PDF (pdftotext), for titles and legends.
std::string pdf_text(const std::filesystem::path& pdf);

geo::Layer read_output(const std::filesystem::path& path, const std::string& layer);

}  // namespace wijkatlas::test
