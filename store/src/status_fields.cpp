#include "status_fields.hpp"

#include "rows.hpp"
#include "schema.hpp"

namespace wijkatlas::store::detail {
namespace col = schema::status;

sketch::StatusInfo read_status(const OGRFeature& f, const std::string& location,
                               const std::string& what) {
  sketch::StatusInfo s;
  if (const std::string word = text(f, col::status); !word.empty()) {
    const auto status = sketch::parse_status(word);
    if (!status) {
      raise(ErrorKind::bad_value, location,
            "unknown status '" + word + "' in the store (use " + sketch::status_words() + ")",
            what);
    }
    s.status = *status;
  }
  s.note = text(f, col::note);
  if (const std::string id = text(f, col::initiative_id); !id.empty()) {
    sketch::LinkedInitiative i{id, text(f, col::initiative), std::nullopt};
    if (!is_null(f, col::initiative_x) && !is_null(f, col::initiative_y)) {
      i.location = geo::Point(real(f, col::initiative_x), real(f, col::initiative_y));
    }
    s.initiative = std::move(i);
  }
  s.by = text(f, col::by);
  s.changed_at = time_text(f, col::changed_at);
  return s;
}

void write_status(OGRFeature& f, const sketch::StatusInfo& s) {
  f.SetField(col::status, sketch::to_string(s.status).c_str());
  f.SetField(col::note, s.note.c_str());
  if (s.initiative) {
    f.SetField(col::initiative_id, s.initiative->id.c_str());
    f.SetField(col::initiative, s.initiative->name.c_str());
    if (s.initiative->location) {
      f.SetField(col::initiative_x, s.initiative->location->x());
      f.SetField(col::initiative_y, s.initiative->location->y());
    } else {
      set_null(f, col::initiative_x);
      set_null(f, col::initiative_y);
    }
  } else {
    for (const char* field :
         {col::initiative_id, col::initiative, col::initiative_x, col::initiative_y})
      set_null(f, field);
  }
  f.SetField(col::by, s.by.c_str());
  set_time(f, col::changed_at, s.changed_at);
}

}  // namespace wijkatlas::store::detail
