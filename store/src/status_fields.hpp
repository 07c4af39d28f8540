#pragma once
// The status fields that sketches and spots share (schema::status): read and written alike.
#include <ogrsf_frmts.h>

#include <string>

#include "wijkatlas/sketch/status.hpp"

namespace wijkatlas::store::detail {

// Throws bad_value naming `what` for a status word wijkatlas does not know.
sketch::StatusInfo read_status(const OGRFeature& f, const std::string& location,
                               const std::string& what);
void write_status(OGRFeature& f, const sketch::StatusInfo& status);

}  // namespace wijkatlas::store::detail
