#pragma once
// The page and its bundle, read into memory once at start: a URL can only ever name one of
// these files, so no path from a request reaches the file system (no traversal to guard).
#include <filesystem>
#include <map>
#include <string>

namespace wijkatlas::server {

struct WebAsset {
  std::string bytes;
  std::string media_type;
};

class WebAssets {
 public:
  // Every regular file under `dir` (not following links out of it), by its URL path
  // ("/index.html", "/app.js"). Throws io_error when `dir` has no index.html.
  explicit WebAssets(const std::filesystem::path& dir);
  // "/" is "/index.html"; nullptr for anything else not loaded.
  const WebAsset* find(const std::string& url_path) const;
  std::size_t size() const { return files_.size(); }

 private:
  std::map<std::string, WebAsset> files_;
};

std::string media_type_for(const std::filesystem::path& file);

}  // namespace wijkatlas::server
