#pragma once
// What residents draw, by marker colour, and a choice of sketches by category: one category or
// all of them ("alle"). The store, the overlap and the command line use these types instead of
// the words; the words are the stored and typed form.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace wijkatlas::sketch {

// Black is reserved for writing and never extracted.
enum class InkCategory { probleem, fijne_plek, idee };  // red, green, blue markers
inline constexpr std::array<InkCategory, 3> ink_categories{
    InkCategory::probleem, InkCategory::fijne_plek, InkCategory::idee};

std::string to_string(InkCategory category);  // "probleem", "fijne_plek", "idee"
// The stored word exactly ("fijne_plek"); nullopt for anything else.
std::optional<InkCategory> parse_ink_category(std::string_view word);
// Also "fijne plek", "idee/wens", "wens"; throws config_error for anything else.
InkCategory ink_category_from_string(std::string_view text);

// The sketches of one category, or of all categories.
class CategoryChoice {
 public:
  CategoryChoice(InkCategory category) : category_(category) {}  // NOLINT: a category is a choice
  static CategoryChoice all() { return CategoryChoice(); }

  bool is_all() const { return !category_.has_value(); }
  std::optional<InkCategory> category() const { return category_; }
  bool includes(InkCategory category) const { return !category_ || *category_ == category; }

  // "probleem", "fijne_plek", "idee" or "alle".
  std::string word() const;
  // The four words exactly; nullopt for anything else.
  static std::optional<CategoryChoice> parse(std::string_view word);
  // "probleem, fijne_plek, idee or alle": for messages and help texts.
  static std::string words();

  bool operator==(const CategoryChoice&) const = default;

 private:
  CategoryChoice() = default;
  std::optional<InkCategory> category_;
};

}  // namespace wijkatlas::sketch
