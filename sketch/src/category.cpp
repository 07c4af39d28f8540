// The category words: the stored form of InkCategory and of a CategoryChoice.
#include "wijkatlas/sketch/category.hpp"

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch {
namespace {

constexpr std::string_view all_word = "alle";

}  // namespace

std::string to_string(InkCategory category) {
  switch (category) {
    case InkCategory::probleem:
      return "probleem";
    case InkCategory::fijne_plek:
      return "fijne_plek";
    case InkCategory::idee:
      return "idee";
  }
  return "?";
}

std::optional<InkCategory> parse_ink_category(std::string_view word) {
  for (const InkCategory c : ink_categories) {
    if (word == to_string(c)) return c;
  }
  return std::nullopt;
}

InkCategory ink_category_from_string(std::string_view text) {
  if (const auto exact = parse_ink_category(text)) return *exact;
  if (text == "fijne plek") return InkCategory::fijne_plek;
  if (text == "idee/wens" || text == "wens") return InkCategory::idee;
  throw config_error(
      "", "category",
      "unknown colour category '" + std::string(text) + "' (probleem, fijne_plek, idee)");
}

std::string CategoryChoice::word() const {
  return category_ ? to_string(*category_) : std::string(all_word);
}

std::optional<CategoryChoice> CategoryChoice::parse(std::string_view word) {
  if (word == all_word) return all();
  if (const auto category = parse_ink_category(word)) return CategoryChoice(*category);
  return std::nullopt;
}

std::string CategoryChoice::words() {
  std::string out;
  for (const InkCategory c : ink_categories) out += to_string(c) + ", ";
  out.erase(out.size() - 2);
  return out + " or " + std::string(all_word);
}

}  // namespace wijkatlas::sketch
