// The status vocabulary and the ids of spots and sketches: pure text rules.
#include "wijkatlas/sketch/status.hpp"

#include <array>
#include <charconv>
#include <span>
#include <utility>

#include "wijkatlas/geo/content_hash.hpp"

namespace wijkatlas::sketch {
namespace {

constexpr std::array<std::pair<Status, const char*>, 4> words{{
    {Status::nieuw, "nieuw"},
    {Status::in_behandeling, "in behandeling"},
    {Status::opgepakt, "opgepakt"},
    {Status::geen_actie, "geen actie"},
}};

char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Latin-1 letters (UTF-8 C3 xx) to their plain letter, so "Städtle" becomes "stadtle".
char plain_letter(unsigned char second) {
  static constexpr const char* table =  // U+00C0 .. U+00FF
      "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
  return table[second - 0x80];
}

}  // namespace

std::string to_string(Status status) {
  for (const auto& [s, word] : words) {
    if (s == status) return word;
  }
  return "?";
}

std::optional<Status> parse_status(std::string_view text) {
  std::string norm;
  for (const char c : text) {
    const char l = (c == '_' || c == '-') ? ' ' : lower_ascii(c);
    if (l == ' ' && (norm.empty() || norm.back() == ' ')) continue;  // one space between words
    norm += l;
  }
  while (!norm.empty() && norm.back() == ' ') norm.pop_back();
  for (const auto& [s, word] : words) {
    if (norm == word) return s;
  }
  return std::nullopt;
}

std::string status_words() {
  std::string out;
  for (const auto& [s, word] : words) out += (out.empty() ? "" : ", ") + std::string(word);
  return out;
}

std::string session_slug(std::string_view session) {
  std::string out;
  bool dropped_letters = false;  // letters of a script the slug cannot spell
  for (std::size_t i = 0; i < session.size(); ++i) {
    const auto c = static_cast<unsigned char>(session[i]);
    char letter = '-';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      letter = static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z')
      letter = lower_ascii(static_cast<char>(c));
    else if (c == 0xC3 && i + 1 < session.size() &&
             static_cast<unsigned char>(session[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(session[i + 1]) <= 0xBF) {
      letter = plain_letter(static_cast<unsigned char>(session[++i]));
    } else if (c >= 0x80) {
      // Dashes and quotes (General Punctuation, U+2000-U+206F) separate words like '-'.
      const bool punctuation = c == 0xE2 && i + 1 < session.size() &&
                               (static_cast<unsigned char>(session[i + 1]) & 0xFE) == 0x80;
      dropped_letters = dropped_letters || !punctuation;
      while (i + 1 < session.size() && (static_cast<unsigned char>(session[i + 1]) & 0xC0) == 0x80)
        ++i;  // rest of the character
    }
    if (letter == '-' && (out.empty() || out.back() == '-')) continue;
    out += letter;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) out = "sessie";
  // Sessions named in Arabic, Hebrew or emoji would all become "sessie": a few characters of
  // the name's hash keep them apart, the same for the same name on every machine.
  if (dropped_letters) {
    const std::string hash = geo::sha256_bytes(std::as_bytes(std::span(session)));
    out += "-" + hash.substr(0, 6);
  }
  return out;
}

std::string sketch_status_id(long long number) {
  return "S" + std::to_string(number);
}

std::optional<long long> parse_sketch_status_id(std::string_view id) {
  if (id.size() < 2 || (id[0] != 'S' && id[0] != 's')) return std::nullopt;
  long long fid = 0;
  const auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), fid);
  if (ec != std::errc() || end != id.data() + id.size() || fid <= 0) return std::nullopt;
  return fid;
}

}  // namespace wijkatlas::sketch
