#pragma once
// Outputs that would destroy what they are made from: a use case refuses, before any work, an
// output that is one of its inputs (the same file under another name, through a symlink or a
// hard link) and an output that is a project store (only the store's own operations write one).
#include <string>
#include <vector>

#include "wijkatlas/project/area_source.hpp"

namespace wijkatlas::project {

struct NamedPath {
  std::string field;  // the request or output field that names it, for the message
  std::string path;   // empty: not given
};

// The files an area source names: the buurten and the programme definition.
std::vector<NamedPath> inputs_of(const AreaSource& source);

// Throws request_error naming the output's field.
void check_outputs_apart(const std::vector<NamedPath>& outputs,
                         const std::vector<NamedPath>& inputs);

}  // namespace wijkatlas::project
