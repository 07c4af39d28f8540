#include "points/csv_source.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "detail/csv_columns.hpp"
#include "detail/csv_types.hpp"
#include "points/csv_records.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo::points_detail {
namespace {

// The kept cells of a batch, one after the other in one string.
class CsvRows final : public BatchRows {
 public:
  explicit CsvRows(std::size_t kept) : kept_(kept) { starts_.push_back(0); }
  void clear(std::size_t kept) {
    kept_ = kept;
    cells_.clear();
    starts_.assign(1, 0);
  }
  void add(std::string_view cell) {
    cells_.append(cell);
    starts_.push_back(static_cast<std::uint32_t>(cells_.size()));
  }
  Value value(std::size_t field, std::size_t row) const override {
    return std::string(*text(field, row));
  }
  std::optional<std::string_view> text(std::size_t field, std::size_t row) const override {
    const std::size_t cell = row * kept_ + field;
    return std::string_view(cells_).substr(starts_[cell], starts_[cell + 1] - starts_[cell]);
  }

 private:
  std::size_t kept_;
  std::string cells_;
  std::vector<std::uint32_t> starts_;
};

// parse_number, without its copies for the usual plain number.
std::optional<double> coordinate(std::string_view text) {
  if (!text.empty() && text.front() != '+' && text.front() != ' ' && text.front() != '\t' &&
      text.back() != ' ' && text.back() != '\t' && text.find(',') == std::string_view::npos) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc{} && end == text.data() + text.size()) {
      return std::isfinite(value) ? std::optional(value) : std::nullopt;
    }
  }
  return support::parse_number(text);
}

class CsvSource final : public Source {
 public:
  CsvSource(const std::filesystem::path& path, char delimiter, detail::CsvLocation location,
            std::vector<int> kept, std::vector<std::string> header, const ReadOptions& options,
            std::string source, std::size_t batch_size, std::uintmax_t file_size)
      : records_(path),
        delimiter_(delimiter),
        location_(std::move(location)),
        kept_(std::move(kept)),
        header_(std::move(header)),
        infer_types_(options.infer_types),
        source_(std::move(source)),
        batch_size_(batch_size),
        file_size_(file_size),
        types_(kept_.size()) {
    records_.next(delimiter_, tokens_);  // the header, checked by open_csv_source
  }

  std::string_view method() const override { return "csv"; }
  bool typed_at_end() const override { return true; }
  std::size_t size_hint() const override { return size_hint_; }

  bool next(RawBatch& batch) override {
    // The rows of a recycled batch are reused, with their memory.
    std::unique_ptr<CsvRows> rows;
    if (auto* reused = dynamic_cast<CsvRows*>(batch.rows.get())) {
      reused->clear(kept_.size());
      rows.reset(static_cast<CsvRows*>(batch.rows.release()));
    } else {
      rows = std::make_unique<CsvRows>(kept_.size());
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    while (batch.points.size() < batch_size_ && records_.next(delimiter_, tokens_)) {
      const std::int64_t fid = ++fid_;  // GDAL numbers the data rows from 1
      auto cell = [&](int column) {
        return static_cast<std::size_t>(column) < tokens_.size()
                   ? tokens_[static_cast<std::size_t>(column)]
                   : std::string_view();
      };
      for (std::size_t k = 0; k < kept_.size(); ++k) {
        const std::string_view text = cell(kept_[k]);
        if (!support::is_valid_utf8(text)) {
          throw data_error(where(fid), "",
                           "column '" + header_[static_cast<std::size_t>(kept_[k])] +
                               "' is not valid UTF-8 text (save the file as UTF-8)");
        }
        if (infer_types_) types_[k].see(text);
        rows->add(text);
      }
      batch.fids.push_back(fid);
      const std::string_view xs = cell(location_.x), ys = cell(location_.y);
      if (support::trim(xs).empty() && support::trim(ys).empty()) {
        batch.without_geometry.push_back(batch.points.size());
        batch.points.emplace_back(nan, nan);
        continue;
      }
      const auto x = coordinate(xs);
      const auto y = coordinate(ys);
      if (!x) throw not_a_number(fid, xs, location_.x);
      if (!y) throw not_a_number(fid, ys, location_.y);
      batch.points.emplace_back(*x, *y);
    }
    if (size_hint_ == 0 && fid_ > 0 && records_.consumed() > 0) {
      size_hint_ = static_cast<std::size_t>(static_cast<double>(file_size_) /
                                            static_cast<double>(records_.consumed()) *
                                            static_cast<double>(fid_));
    }
    if (batch.points.empty()) return false;
    batch.rows = std::move(rows);
    return true;
  }

  void finish(std::vector<Field>& fields) override {
    for (std::size_t k = 0; k < fields.size(); ++k) {
      fields[k].type = infer_types_ ? types_[k].type() : FieldType::text;
    }
    final_types_.clear();
    for (const Field& f : fields) final_types_.push_back(f.type);
  }

  Value final_value(std::size_t field, Value value) const override {
    return typed(final_types_, field, std::move(value));
  }
  std::function<Value(std::size_t, Value)> final_typing() const override {
    return [types = final_types_](std::size_t field, Value value) {
      return typed(types, field, std::move(value));
    };
  }

 private:
  static Value typed(const std::vector<FieldType>& types, std::size_t field, Value value) {
    if (const auto* text = std::get_if<std::string>(&value))
      return detail::typed_cell(*text, types[field]);
    return value;
  }
  std::string where(std::int64_t fid) const {
    return source_ + ", line " + std::to_string(fid + 1);
  }
  data_error not_a_number(std::int64_t fid, std::string_view text, int column) const {
    return data_error(where(fid), "",
                      "'" + std::string(text) + "' in column " +
                          header_[static_cast<std::size_t>(column)] + " is not a number");
  }

  CsvRecords records_;
  char delimiter_;
  detail::CsvLocation location_;
  std::vector<int> kept_;
  std::vector<std::string> header_;
  bool infer_types_;
  std::string source_;
  std::size_t batch_size_;
  std::uintmax_t file_size_;
  std::vector<detail::ColumnType> types_;
  std::vector<FieldType> final_types_;
  std::vector<std::string_view> tokens_;
  std::int64_t fid_ = 0;
  std::size_t size_hint_ = 0;
};

}  // namespace

std::unique_ptr<Source> open_csv_source(const detail::OpenedLayer& opened,
                                        const std::filesystem::path& path,
                                        const ReadOptions& options, std::size_t batch_size,
                                        SourceHeader& header) {
  if (!opened.is_csv || !options.where.empty()) return nullptr;
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(path).replace_extension(".csvt"), ec))
    return nullptr;
  OGRFeatureDefn* defn = opened.layer->GetLayerDefn();
  std::vector<std::string> names;
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  const auto location = detail::find_location_columns(names);
  if (!location || location->kind == detail::CsvLocation::Kind::wkt) return nullptr;
  // The delimiter GDAL chose is the one that splits the header into GDAL's field names.
  char delimiter = 0;
  std::vector<std::string_view> tokens;
  for (const char candidate : {',', ';', '\t', '|', ' '}) {
    CsvRecords first(path);
    // GDAL names a column without a name field_<n>.
    auto same_name = [&, column = 0](std::string_view token, const std::string& name) mutable {
      ++column;
      return token == name || (token.empty() && name == "field_" + std::to_string(column));
    };
    if (first.next(candidate, tokens) &&
        std::equal(tokens.begin(), tokens.end(), names.begin(), names.end(), same_name)) {
      delimiter = candidate;
      break;
    }
  }
  if (delimiter == 0) return nullptr;

  Layer& out = header.layer;
  std::vector<int> kept;
  for (int i = 0; i < static_cast<int>(names.size()); ++i) {
    const bool is_location = i == location->x || i == location->y;
    const std::string& name = names[static_cast<std::size_t>(i)];
    const bool wanted =
        options.fields.empty() ||
        std::find(options.fields.begin(), options.fields.end(), name) != options.fields.end();
    if (is_location || !wanted) continue;
    kept.push_back(i);
    out.fields.push_back(Field{name, FieldType::text, is_personal_field_name(name)});
  }
  header.crs =
      detail::resolve_source_crs(out.source, options.assign_crs, {}, location->default_crs);
  out.source_crs = header.crs->crs;
  return std::make_unique<CsvSource>(path, delimiter, *location, std::move(kept), std::move(names),
                                     options, out.source, batch_size,
                                     std::filesystem::file_size(path, ec));
}

}  // namespace wijkatlas::geo::points_detail
