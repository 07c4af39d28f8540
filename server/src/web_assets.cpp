#include "web_assets.hpp"

#include <fstream>
#include <sstream>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::server {
namespace fs = std::filesystem;

std::string media_type_for(const fs::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}};
  const auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

WebAssets::WebAssets(const fs::path& dir) {
  if (!fs::is_regular_file(dir / "index.html")) {
    throw about_field(io_error(dir.string(),
                               "the viewer's page is missing (no index.html): build wijkatlas "
                               "after scripts/install-deps.sh has installed web/node_modules"),
                      "web_dir");
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::string url = "/" + fs::relative(entry.path(), dir).generic_string();
    files_[url] = {bytes.str(), media_type_for(entry.path())};
  }
}

const WebAsset* WebAssets::find(const std::string& url_path) const {
  const auto it = files_.find(url_path == "/" ? "/index.html" : url_path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace wijkatlas::server
