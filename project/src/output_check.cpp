#include "wijkatlas/project/output_check.hpp"

#include <filesystem>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/store/store_file.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  const bool same = fs::equivalent(a, b, ec);
  return !ec && same;
}

// The path with symlinks resolved as far as it exists, for outputs not written yet.
fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? fs::absolute(path).lexically_normal() : p;
}

// "the input points", "the store": how the message names an input field.
std::string input_words(const std::string& field) {
  if (field == "store") return "the project store";
  if (field == "points") return "the input points";
  if (field == "areas") return "the input areas";
  if (field == "indicators") return "an indicator table";
  if (field == "registry") return "the initiative registry";
  if (field == "definition") return "the map definition";
  if (field == "programme") return "the programme definition";
  return "the input '" + field + "'";
}

}  // namespace

std::vector<NamedPath> inputs_of(const AreaSource& source) {
  return {{"areas", source.areas}, {"programme", source.programme}};
}

void check_outputs_apart(const std::vector<NamedPath>& outputs,
                         const std::vector<NamedPath>& inputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const NamedPath& out = outputs[i];
    if (out.path.empty()) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (!outputs[j].path.empty() && resolved(outputs[j].path) == resolved(out.path)) {
        throw request_error(out.field, out.path +
                                           " is also the name of another output: give each "
                                           "output its own name");
      }
    }
    std::error_code ec;
    if (!fs::exists(out.path, ec)) continue;  // a new file replaces nothing
    for (const NamedPath& in : inputs) {
      if (!in.path.empty() && same_file(out.path, in.path)) {
        throw request_error(out.field, out.path + " is " + input_words(in.field) + " (" + in.path +
                                           "): writing it would destroy the input; choose "
                                           "another name");
      }
    }
    if (store::is_store_file(out.path)) {
      throw request_error(out.field, out.path +
                                         " is a project store: wijkatlas never replaces a store "
                                         "with an output; choose another name");
    }
  }
}

}  // namespace wijkatlas::project
