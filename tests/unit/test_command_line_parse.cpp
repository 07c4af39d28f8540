// The command line parsed alone: which verb, which options, shared option groups, and what a
// wrong command line becomes. Nothing runs, nothing is read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "wijkatlas/app/command_line.hpp"

namespace wijkatlas::app {
namespace {

CommandLine parse(std::vector<std::string> args) {
  args.insert(args.begin(), "wijkatlas");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

template <typename Options>
const Options& options_of(const CommandLine& line) {
  EXPECT_EQ(line.action, CommandLine::Action::run) << line.text;
  if (!line.command || !std::holds_alternative<Options>(*line.command))
    throw std::runtime_error("another verb was parsed");
  return std::get<Options>(*line.command);
}

}  // namespace

TEST(CommandLineParse, AVerbWithItsOptions) {
  const auto line = parse({"overlap", "--store", "PG:dbname=npao active_schema=oost", "--category",
                           "idee", "--min-sheets", "7", "--grid", "25", "-q"});
  const auto& o = options_of<OverlapCommandOptions>(line);
  EXPECT_EQ(o.store, "PG:dbname=npao active_schema=oost");
  EXPECT_EQ(o.category, "idee");
  EXPECT_EQ(o.min_sheets, 7u);
  EXPECT_EQ(o.grid_m, 25.0);
  EXPECT_EQ(o.output, "overlap.gpkg");  // the default stays
  EXPECT_TRUE(line.quiet);
}

TEST(CommandLineParse, EveryVerbThatReadsAreasTakesTheSameAreaOptions) {
  const std::vector<std::string> area_options{"--data-dir",    "/data", "--areas",  "buurten.gpkg",
                                              "--areas-layer", "b",     "--where",  "x = 1",
                                              "--programme",   "none",  "--levels", "buurt,wijk"};
  const auto check = [](const project::AreaSource& s) {
    EXPECT_EQ(s.data_dir, "/data");
    EXPECT_EQ(s.areas, "buurten.gpkg");
    EXPECT_EQ(s.areas_layer, "b");
    EXPECT_EQ(s.where, "x = 1");
    EXPECT_EQ(s.programme, "none");
    EXPECT_EQ(s.levels, "buurt,wijk");
  };
  const auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), area_options.begin(), area_options.end());
    return parse(std::move(args));
  };
  check(options_of<AreasOptions>(with({"areas"})).source);
  check(options_of<JoinOptions>(with({"join"})).source);
  check(options_of<OverlapCommandOptions>(with({"overlap"})).source);
  check(options_of<CompareOptions>(with({"compare", "--indicator", "dichtheid"})).source);
  check(options_of<SheetOptions>(with({"sheet", "--area", "Klarendal"})).areas);
}

TEST(CommandLineParse, EveryVerbOnTheStoreTakesStore) {
  const std::string pg = "PG:host=127.0.0.1 dbname=npao active_schema=oost";
  EXPECT_EQ(options_of<SheetOptions>(parse({"sheet", "--area", "x", "--store", pg})).store, pg);
  EXPECT_EQ(options_of<IngestOptions>(parse({"ingest", "f.jpg", "--store", pg})).store, pg);
  EXPECT_EQ(options_of<OverlapCommandOptions>(parse({"overlap", "--store", pg})).store, pg);
  EXPECT_EQ(options_of<CompareOptions>(parse({"compare", "--indicator", "d", "--store", pg})).store,
            pg);
  EXPECT_EQ(options_of<StatusOptions>(parse({"status", "--store", pg})).store, pg);
  EXPECT_EQ(options_of<ServeOptions>(parse({"serve", "--store", pg})).store, pg);
  // The default is the same everywhere.
  EXPECT_EQ(options_of<StatusOptions>(parse({"status"})).store, "project.gpkg");
  EXPECT_EQ(options_of<IngestOptions>(parse({"ingest", "f.jpg"})).store, "project.gpkg");
}

TEST(CommandLineParse, StoreImportTakesItsPartsAndRepeatsAssets) {
  const std::string pg = "PG:host=127.0.0.1 dbname=npao active_schema=oost";
  const auto line = parse({"store", "import", "--store", pg, "--data-dir", "d", "--registry",
                           "r.csv", "--assets", "a.csv", "--assets", "b.csv", "--points", "p.gpkg",
                           "--layer-name", "punten", "--no-areas", "--include-personal"});
  const auto& o = options_of<StoreImportOptions>(line);
  EXPECT_EQ(o.store, pg);
  EXPECT_EQ(o.data_dir, "d");
  EXPECT_EQ(o.registry, "r.csv");
  EXPECT_EQ(o.assets, (std::vector<std::string>{"a.csv", "b.csv"}));
  EXPECT_EQ(o.points, "p.gpkg");
  EXPECT_EQ(o.layer_name, "punten");
  EXPECT_TRUE(o.no_areas);
  EXPECT_TRUE(o.include_personal);
  const auto plain_line = parse({"store", "import"});  // kept: the options live in it
  const auto& plain = options_of<StoreImportOptions>(plain_line);
  EXPECT_EQ(plain.store, "project.gpkg");
  EXPECT_FALSE(plain.no_areas) << "the areas and key figures by default";
  EXPECT_FALSE(plain.include_personal) << "never personal fields unless asked";
}

TEST(CommandLineParse, ServeListensOnLoopbackUnlessTold) {
  EXPECT_EQ(options_of<ServeOptions>(parse({"serve"})).listen, "127.0.0.1:8080");
  const auto line =
      parse({"serve", "--listen", "127.0.0.1:0", "--web-dir", "w", "--data-dir", "d", "-q"});
  const auto& o = options_of<ServeOptions>(line);
  EXPECT_EQ(o.listen, "127.0.0.1:0");
  EXPECT_EQ(o.web_dir, "w");
  EXPECT_EQ(o.data_dir, "d");
}

TEST(CommandLineParse, SheetsNeedNoGemeenteLevelUnlessAsked) {
  EXPECT_EQ(options_of<SheetOptions>(parse({"sheet", "--area", "x"})).areas.levels,
            "buurt,wijk,programma");
}

TEST(CommandLineParse, RepeatedAndPairedOptions) {
  const auto join_line = parse(
      {"join", "--indicators", "a.csv", "--indicators", "b.csv", "--joined-points", "ALWAYS"});
  const auto& join = options_of<JoinOptions>(join_line);
  EXPECT_EQ(join.indicators, (std::vector<std::string>{"a.csv", "b.csv"}));
  EXPECT_EQ(join.joined_points, JoinedPoints::always);
  const auto status_line = parse({"status", "--set", "S17", "opgepakt", "--note", ""});
  const auto& status = options_of<StatusOptions>(status_line);
  EXPECT_EQ(status.set, (std::vector<std::string>{"S17", "opgepakt"}));
  ASSERT_TRUE(status.note.has_value());
  EXPECT_EQ(*status.note, "");
  EXPECT_FALSE(status.initiative.has_value());
}

TEST(CommandLineParse, HelpVersionAndWrongUsage) {
  const auto help = parse({"join", "--help"});
  EXPECT_EQ(help.action, CommandLine::Action::show_help);
  EXPECT_NE(help.text.find("--include-personal"), std::string::npos);
  EXPECT_EQ(parse({"--version"}).action, CommandLine::Action::show_version);

  const auto nothing = parse({});
  EXPECT_EQ(nothing.action, CommandLine::Action::wrong_usage);
  EXPECT_NE(nothing.text.find("subcommand"), std::string::npos);
  const auto unknown = parse({"overlap", "--no-such-flag"});
  EXPECT_EQ(unknown.action, CommandLine::Action::wrong_usage);
  EXPECT_NE(unknown.text.find("--no-such-flag"), std::string::npos);
  const auto missing = parse({"map"});
  EXPECT_EQ(missing.action, CommandLine::Action::wrong_usage);
  EXPECT_NE(missing.text.find("definition"), std::string::npos);
  EXPECT_EQ(parse({"overlap", "--min-sheets", "vijf"}).action, CommandLine::Action::wrong_usage);
}

}  // namespace wijkatlas::app

namespace wijkatlas::app {

TEST(CommandLineParse, StoreCopyAndPushTakeTheirStoresAndDecisions) {
  const CommandLine copy_line =
      parse({"store", "copy", "--from", "PG:dbname=npao active_schema=oost", "--to", "laptop.gpkg",
             "--wijk", "Presikhaaf", "--by", "buurthuis"});
  const auto& copy = options_of<StoreCopyOptions>(copy_line);
  EXPECT_EQ(copy.from, "PG:dbname=npao active_schema=oost");
  EXPECT_EQ(copy.to, "laptop.gpkg");
  EXPECT_EQ(copy.wijk, "Presikhaaf");
  EXPECT_EQ(copy.by, "buurthuis");
  const CommandLine push_line =
      parse({"store", "push", "laptop.gpkg", "--to", "project.gpkg", "--ours", "S1", "S2",
             "--theirs", "blokgesprek-P01", "--ours", "S9"});
  const auto& push = options_of<StorePushOptions>(push_line);
  EXPECT_EQ(push.laptop, "laptop.gpkg");
  EXPECT_EQ(push.to, "project.gpkg");
  EXPECT_EQ(push.ours, (std::vector<std::string>{"S1", "S2", "S9"}));
  EXPECT_EQ(push.theirs, (std::vector<std::string>{"blokgesprek-P01"}));
  EXPECT_EQ(parse({"store", "push", "laptop.gpkg"}).action, CommandLine::Action::wrong_usage)
      << "--to is required";
  EXPECT_EQ(parse({"store", "copy", "--to", "x.gpkg"}).action, CommandLine::Action::wrong_usage);
}

}  // namespace wijkatlas::app
