// The round-two vocabulary and ids: the closed set of status words, how a person may type them,
// session slugs for spot ids and the S17 ids of sketches.
#include <gtest/gtest.h>

#include "wijkatlas/sketch/status.hpp"

namespace wijkatlas::sketch {
namespace {

TEST(StatusWords, StoredWordsRoundTrip) {
  for (const Status s :
       {Status::nieuw, Status::in_behandeling, Status::opgepakt, Status::geen_actie}) {
    ASSERT_TRUE(parse_status(to_string(s)).has_value()) << to_string(s);
    EXPECT_EQ(*parse_status(to_string(s)), s);
  }
  EXPECT_EQ(to_string(Status::in_behandeling), "in behandeling");
  EXPECT_EQ(to_string(Status::geen_actie), "geen actie");
  EXPECT_EQ(status_words(), "nieuw, in behandeling, opgepakt, geen actie");
}

TEST(StatusWords, TypedVariantsAreAccepted) {
  EXPECT_EQ(parse_status("in_behandeling"), Status::in_behandeling);
  EXPECT_EQ(parse_status("In-Behandeling"), Status::in_behandeling);
  EXPECT_EQ(parse_status("  geen   actie "), Status::geen_actie);
  EXPECT_EQ(parse_status("OPGEPAKT"), Status::opgepakt);
}

TEST(StatusWords, AnythingElseIsRefused) {
  for (const char* word : {"", "klaar", "in", "behandeling", "opgepakt!", "geenactie", "new"}) {
    EXPECT_FALSE(parse_status(word).has_value()) << "'" << word << "'";
  }
}

TEST(StatusIds, SessionSlugs) {
  EXPECT_EQ(session_slug("Blokgesprek Hommelstraat"), "blokgesprek-hommelstraat");
  EXPECT_EQ(session_slug("  Städtle: Tafel 3! "), "stadtle-tafel-3");
  EXPECT_EQ(session_slug("Café Één"), "cafe-een");
  EXPECT_EQ(session_slug("Tafel – “oost”"), "tafel-oost");  // punctuation only
  // Names in other scripts: a short hash keeps two sessions apart, the same on every run.
  const std::string arabic = session_slug("جلسة الحي"), hebrew = session_slug("מפגש שכונה");
  EXPECT_EQ(arabic.substr(0, 7), "sessie-");
  EXPECT_EQ(arabic.size(), 13u);
  EXPECT_NE(arabic, hebrew);
  EXPECT_NE(session_slug("🏠🌳"), session_slug("🏠🚲"));
  EXPECT_EQ(session_slug("جلسة الحي"), arabic);
  EXPECT_EQ(session_slug("Tafel ∑").substr(0, 6), "tafel-");
  EXPECT_EQ(session_slug("Tafel ∑").size(), 12u);
  EXPECT_EQ(session_slug(""), "sessie");
}

TEST(StatusIds, SketchIds) {
  EXPECT_EQ(sketch_status_id(17), "S17");
  EXPECT_EQ(parse_sketch_status_id("S17"), 17);
  EXPECT_EQ(parse_sketch_status_id("s3"), 3);
  for (const char* id : {"S", "S0", "S-1", "S1x", "P01", "17", "blokgesprek-P01"}) {
    EXPECT_FALSE(parse_sketch_status_id(id).has_value()) << id;
  }
}

}  // namespace
}  // namespace wijkatlas::sketch
