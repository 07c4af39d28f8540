// libFuzzer's entry points for one case, chosen when the executable is built
// (-DWIJKATLAS_FUZZ_CASE=sheet_payload, see CMakeLists.txt).
#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  wijkatlas::fuzz::quiet_gdal();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  wijkatlas::fuzz::WIJKATLAS_FUZZ_CASE(data, size);
  return 0;
}
