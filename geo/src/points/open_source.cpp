#include "detail/ogr_open.hpp"
#include "points/arrow_source.hpp"
#include "points/csv_source.hpp"
#include "points/layer_source.hpp"
#include "points/source.hpp"

namespace wijkatlas::geo::points_detail {

std::unique_ptr<Source> open_source(const std::filesystem::path& path, const ReadOptions& options,
                                    std::size_t batch_size, Reporter& reporter,
                                    SourceHeader& header) {
  if (!options.bbox) {
    detail::OpenedLayer opened = detail::open_layer(path, options.layer);
    header.layer.name = opened.layer->GetName();
    header.layer.source = opened.label;
    header.layer.fids_are_csv_rows = opened.is_csv;
    std::unique_ptr<Source> source =
        opened.is_csv ? open_csv_source(opened, path, options, batch_size, header)
                      : open_arrow_source(opened, options, batch_size, header);
    if (source) return source;
    header = SourceHeader{};
  }
  return read_layer_source(path, options, batch_size, reporter, header);
}

}  // namespace wijkatlas::geo::points_detail
