// Table-driven join edge cases: tests/fixtures/join_cases/{polygons,cases}.csv. Each case is a
// point (WKT) and the polygon that must own it under the documented boundary rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "test_support.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/locator.hpp"

namespace wijkatlas::geo {
namespace {

struct JoinCase {
  std::string name, expected, why;
  Point point;
};

Layer read_fixture(std::string_view name) {
  CollectingReporter reporter;
  return read_layer(test::source_file("tests/fixtures/join_cases/" + std::string(name)), {},
                    reporter);
}

std::vector<JoinCase> load_cases() {
  const Layer layer = read_fixture("cases.csv");
  const std::size_t name = layer.require_field("name"), expected = layer.require_field("expected"),
                    why = layer.require_field("why");
  std::vector<JoinCase> cases;
  for (const auto& f : layer.features) {
    cases.push_back({to_text(f.values[name]), to_text(f.values[expected]), to_text(f.values[why]),
                     std::get<Point>(f.geometry)});
  }
  return cases;
}

class JoinCaseTest : public ::testing::TestWithParam<JoinCase> {
 protected:
  static void SetUpTestSuite() {
    const Layer layer = read_fixture("polygons.csv");
    const std::size_t id = layer.require_field("id");
    ids_ = new std::vector<std::string>;
    polygons_ = new std::vector<MultiPolygon>;
    for (const auto& f : layer.features) {
      ids_->push_back(to_text(f.values[id]));
      polygons_->push_back(std::get<MultiPolygon>(f.geometry));
    }
    locator_ = new PolygonLocator(*polygons_);
  }
  static void TearDownTestSuite() {
    delete locator_;
    delete polygons_;
    delete ids_;
  }
  static std::string owner(const Point& p) {
    const auto index = locator_->locate(p);
    return index == PolygonLocator::not_found ? "" : (*ids_)[static_cast<std::size_t>(index)];
  }

  static inline std::vector<std::string>* ids_ = nullptr;
  static inline std::vector<MultiPolygon>* polygons_ = nullptr;
  static inline PolygonLocator* locator_ = nullptr;
};

TEST_P(JoinCaseTest, PointGoesToTheDocumentedPolygon) {
  const JoinCase& c = GetParam();
  EXPECT_EQ(owner(c.point), c.expected) << c.name << ": " << c.why;
}

TEST_P(JoinCaseTest, ThreadedJoinAgrees) {
  const JoinCase& c = GetParam();
  // The same point many times over, so that locate_all really splits over threads.
  std::vector<Point> points(50000, c.point);
  std::vector<std::int32_t> out(points.size());
  locator_->locate_all(points, out, 2);
  const std::int32_t single = locator_->locate(c.point);
  EXPECT_EQ(std::count(out.begin(), out.end(), single), static_cast<std::ptrdiff_t>(out.size()));
}

INSTANTIATE_TEST_SUITE_P(Cases, JoinCaseTest, ::testing::ValuesIn(load_cases()),
                         [](const auto& param_info) { return param_info.param.name; });

TEST(JoinCases, CaseFileCoversTheIssueList) {
  // The issue asks for: a shared edge, a vertex, a hole, outside everything.
  std::set<std::string> names;
  for (const auto& c : load_cases()) names.insert(c.name);
  for (const char* required :
       {"shared_vertical_edge", "shared_vertex_of_four", "in_hole", "far_outside"}) {
    EXPECT_TRUE(names.count(required)) << required;
  }
}

}  // namespace
}  // namespace wijkatlas::geo
