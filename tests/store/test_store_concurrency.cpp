// Two processes writing one store at the same moment (issue 15): creating it, ingesting the same
// file, ingesting two photos of one sheet, many writers. Each outcome is decided inside the
// write transaction, so nothing is lost, doubled or numbered twice.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::CategoryChoice;
using sketch::InkCategory;

constexpr int stored = 0, duplicate = 10;

class StoreConcurrencyTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string location(const std::string& name = "p") const {
    return GetParam().location(dir_, name);
  }
  TempDir dir_;
};

TEST_P(StoreConcurrencyTest, CreatorsAtOnceBothEndInOneStoreWithBothDrawings) {
  for (int trial = 0; trial < 8; ++trial) {
    const std::string where = location("race" + std::to_string(trial));
    const auto codes = run_at_once(2, [&](int i) {
      ProjectStore store = ProjectStore::open_or_create(where, "npao");
      const std::string file = "tekening" + std::to_string(i) + ".geojson";
      store.ingest(drawing_batch(file, "hash-" + std::to_string(i),
                                 {dot(InkCategory::idee, 191000.0 + i, 443000)}));
      return stored;
    });
    EXPECT_EQ(codes, (std::vector<int>{stored, stored})) << "trial " << trial;
    const SketchSheets all = ProjectStore::open(where).current_sheets(CategoryChoice::all());
    EXPECT_EQ(all.sketches, 2u) << "trial " << trial << ": no drawing lost";
  }
}

TEST_P(StoreConcurrencyTest, TheSameFileAtOnceIsStoredOnceAndTheOtherSaysSo) {
  for (int trial = 0; trial < 5; ++trial) {
    const std::string where = location("same" + std::to_string(trial));
    ProjectStore::create(where, "npao");
    auto codes = run_at_once(2, [&](int) {
      ProjectStore store = ProjectStore::open(where);
      const IngestOutcome out =
          store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100)}));
      return out.duplicate ? duplicate : stored;
    });
    std::sort(codes.begin(), codes.end());
    EXPECT_EQ(codes, (std::vector<int>{stored, duplicate})) << "trial " << trial;
    EXPECT_EQ(ProjectStore::open(where).current_sheets(CategoryChoice::all()).sketches, 1u);
  }
}

TEST_P(StoreConcurrencyTest, TwoPhotosOfOneSheetAtOnceGetVersionsOneAndTwo) {
  for (int trial = 0; trial < 5; ++trial) {
    const std::string where = location("versions" + std::to_string(trial));
    ProjectStore::create(where, "npao");
    auto codes = run_at_once(2, [&](int i) {
      ProjectStore store = ProjectStore::open(where);
      return store
          .ingest(photo_batch("photo-" + std::to_string(i),
                              {square(InkCategory::probleem, 191100, 443100)}))
          .version;
    });
    std::sort(codes.begin(), codes.end());
    EXPECT_EQ(codes, (std::vector<int>{1, 2})) << "trial " << trial;
    ProjectStore store = ProjectStore::open(where);
    EXPECT_EQ(store.current_sheets(CategoryChoice::all()).sketches, 1u)
        << "exactly one photo is current";
    EXPECT_EQ(store.sketch_statuses("Blokgesprek").size(), 1u);
  }
}

TEST_P(StoreConcurrencyTest, ManyWritersLoseNothingAndNumberEverySketchOnce) {
  const std::string where = location();
  ProjectStore::create(where, "npao");
  constexpr int writers = 4, files = 6;
  const auto codes = run_at_once(writers, [&](int w) {
    ProjectStore store = ProjectStore::open(where);
    for (int f = 0; f < files; ++f) {
      const std::string name = "w" + std::to_string(w) + "-f" + std::to_string(f);
      store.ingest(drawing_batch(
          name + ".geojson", name,
          {dot(InkCategory::idee, 191000, 443000), dot(InkCategory::idee, 191001, 443000)}));
    }
    return stored;
  });
  EXPECT_EQ(codes, std::vector<int>(writers, stored));
  ProjectStore store = ProjectStore::open(where);
  const auto rows = store.sketch_statuses("Tafel 3");
  EXPECT_EQ(rows.size(), static_cast<std::size_t>(writers * files * 2));
  std::set<std::string> ids;
  for (const auto& r : rows) ids.insert(r.id);
  EXPECT_EQ(ids.size(), rows.size()) << "no sketch number given twice";
  EXPECT_TRUE(ids.contains("S1"));
  EXPECT_TRUE(ids.contains("S" + std::to_string(writers * files * 2)));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConcurrencyTest, ::testing::ValuesIn(backends()),
                         backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
