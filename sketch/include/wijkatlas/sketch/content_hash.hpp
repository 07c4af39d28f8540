#pragma once
// The content hash that makes ingest idempotent: the same file is stored once. It is geo's
// SHA-256 (geo/content_hash.hpp), which also keys prepared base maps.
#include "wijkatlas/geo/content_hash.hpp"

namespace wijkatlas::sketch {

using geo::sha256_file;

}  // namespace wijkatlas::sketch
