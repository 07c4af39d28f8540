// `store push`: a copy's edits back to its store, per row, in one transaction there. What the
// laptop and the store each did to a row since the copy follows from the row's version on each
// side against the version the copy took (copy_rows); a row changed on one side only is
// written as a compare-and-set on that version, a row changed on both is held back for a
// person to decide (ours, theirs). Afterwards the laptop records the versions now shared, in
// its own transaction, so that the same push again finds nothing to do.
#include <algorithm>
#include <functional>
#include <set>

#include "push_rows.hpp"
#include "schema.hpp"
#include "store_impl.hpp"
#include "sync_tables.hpp"
#include "wijkatlas/store/sync.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
using push_rows::Entry;
namespace h = schema::history;
namespace sk = schema::sketches;
constexpr const char* via_push = "(via push)";

enum class Decision { none, ours, theirs };

class Decisions {
 public:
  Decisions(const std::vector<std::string>& ours, const std::vector<std::string>& theirs) {
    for (const std::string& id : ours) add(id, Decision::ours);
    for (const std::string& id : theirs) add(id, Decision::theirs);
  }

  Decision of(const std::string& row_id, const std::string& uuid) {
    for (const std::string& key :
         {support::to_lower_ascii(row_id), support::to_lower_ascii(uuid)}) {
      if (const auto it = ids_.find(key); it != ids_.end()) {
        used_.insert(key);
        return it->second;
      }
    }
    return all_;
  }

  std::vector<std::string> unused() const {
    std::vector<std::string> out;
    for (const auto& [id, d] : ids_)
      if (used_.count(id) == 0) out.push_back(given_.at(id));
    return out;
  }

 private:
  void add(const std::string& id, Decision d) {
    const std::string key = support::to_lower_ascii(id);
    const Decision other = d == Decision::ours ? Decision::theirs : Decision::ours;
    if (key == "all") {
      if (all_ == other)
        throw request_error(d == Decision::ours ? "ours" : "theirs",
                            "'all' is given for both ours and theirs");
      all_ = d;
      return;
    }
    if (const auto it = ids_.find(key); it != ids_.end() && it->second == other)
      throw request_error(d == Decision::ours ? "ours" : "theirs",
                          id + " is given for both ours and theirs");
    ids_[key] = d;
    given_[key] = id;
  }

  Decision all_ = Decision::none;
  std::map<std::string, Decision> ids_;
  std::map<std::string, std::string> given_;
  std::set<std::string> used_;
};

// The tables a push carries (sync::is_pushed), where both sides have them.
std::vector<const schema::Table*> pushed_tables(Backend& laptop, Backend& store) {
  std::vector<const schema::Table*> out;
  for (const schema::Table& t : schema::tables()) {
    if (!sync::is_pushed(t.name) || !schema::has_bookkeeping(t)) continue;
    if (laptop.dataset().GetLayerByName(t.name) == nullptr ||
        store.dataset().GetLayerByName(t.name) == nullptr)
      continue;
    out.push_back(&t);
  }
  return out;
}

class Pusher {
 public:
  Pusher(Backend& laptop, Backend& store, const PushRequest& request)
      : laptop_(laptop),
        store_(store),
        decisions_(request.ours, request.theirs),
        laptop_history_(laptop, h::table),
        store_history_(store, h::table),
        by_(request.options.by.empty() ? "wijkatlas" : request.options.by),
        now_(utc_now()),
        source_(laptop.location()),
        bases_(sync::read_bases(laptop)) {
    // Read once: a query per row would scan the whole table for each pushed row.
    laptop_history_.each(
        "", [&](OGRFeature& f) { laptop_entries_[text(f, h::row_uuid)].emplace_back(f.Clone()); });
  }

  // Everything on the store's side, inside its transaction.
  PushResult run() {
    for (const schema::Table* t : pushed_tables(laptop_, store_)) table(*t);
    out_.unused_decisions = decisions_.unused();
    return std::move(out_);
  }

  // The laptop's side, after the store committed: the shared versions, the laptop's rows as
  // decided, sketch numbers as the store gave them.
  void record_on_laptop() {
    for (const auto& step : after_) step();
    renumber_laptop();
    sync::set_origin(laptop_, sync::origin::last_push, now_);
  }

 private:
  void table(const schema::Table& t) {
    Rows laptop_rows(laptop_, t.name);
    Rows store_rows(store_, t.name);
    auto on_laptop = push_rows::by_uuid(laptop_rows);
    auto in_store = push_rows::by_uuid(store_rows);
    // Removed on the laptop first: a spot made again there may take its id back.
    for (const auto& [uuid, base] : bases_) {
      if (base.table != t.name || on_laptop.count(uuid) > 0) continue;
      removed_on_laptop(t, uuid, base.version, in_store);
    }
    // New sketches in the order the laptop numbered them.
    std::vector<OGRFeature*> order;
    for (auto& [uuid, f] : on_laptop) order.push_back(f.get());
    if (std::string_view(t.name) == sk::table)
      std::stable_sort(order.begin(), order.end(), [](OGRFeature* a, OGRFeature* b) {
        return a->GetFieldAsInteger64(sk::number) < b->GetFieldAsInteger64(sk::number);
      });
    for (OGRFeature* f : order) on_laptop_row(t, store_rows, *f, in_store);
  }

  // ---- rows removed on the laptop ----
  void removed_on_laptop(const schema::Table& t, const std::string& uuid, long long base,
                         std::map<std::string, OGRFeatureUniquePtr>& in_store) {
    const auto it = in_store.find(uuid);
    if (it == in_store.end()) {  // removed on both sides: nothing to decide
      after_.push_back([this, uuid] { sync::drop_base(laptop_, uuid); });
      return;
    }
    const OGRFeature& now = *it->second;
    const long long version = row_version(now);
    const std::string id = row_id(t.name, now);
    auto history = laptop_history(uuid, base);
    if (version == base) {
      remove_in_store(t, uuid, base, id, history);
      ++out_.removed;
      after_.push_back([this, uuid] { sync::drop_base(laptop_, uuid); });
      return;
    }
    switch (decisions_.of(id, uuid)) {
      case Decision::ours:
        remove_in_store(t, uuid, version, id, history);
        ++out_.took_ours;
        after_.push_back([this, uuid] { sync::drop_base(laptop_, uuid); });
        return;
      case Decision::theirs: {
        ++out_.kept_theirs;
        held_.insert(uuid);
        OGRFeatureUniquePtr row(now.Clone());
        const std::string table = t.name;
        after_.push_back(
            [this, table, uuid, version, row = std::shared_ptr<OGRFeature>(row.release())] {
              Rows laptop_rows(laptop_, table.c_str());
              OGRFeatureUniquePtr back = push_rows::copy_of(laptop_rows, *row);
              laptop_rows.insert(*back, "the store's row " + row_id(table, *row));
              sync::set_base(laptop_, table, uuid, version);
            });
        return;
      }
      case Decision::none:
        conflict(t, id, uuid, ConflictKind::removed_on_laptop, base,
                 push_rows::entries_of(history));
        return;
    }
  }

  void remove_in_store(const schema::Table& t, const std::string& uuid, long long version,
                       const std::string& id, const std::vector<OGRFeatureUniquePtr>& history) {
    if (push_rows::delete_row(store_, t.name, uuid, version) != 1) changed_meanwhile(id);
    // The laptop's history of the row, its removal with when and by whom it was removed.
    bool logged_removal = false;
    for (const auto& e : history) {
      if (text(*e, h::field) == h::removed) {
        OGRFeatureUniquePtr entry = push_rows::copy_of(store_history_, *e);
        entry->SetField(h::row_version, static_cast<GIntBig>(version + 1));
        entry->SetField(h::uuid, new_uuid().c_str());
        store_history_.insert(*entry, "the history of " + id);
        logged_removal = true;
      }
    }
    if (!logged_removal)
      push_rows::write_entry(
          store_history_, {t.name, uuid, id, h::removed, id, std::nullopt, version + 1, now_, by_});
    mark_pushed(t.name, uuid, id, version + 1);
  }

  // ---- rows the laptop has ----
  void on_laptop_row(const schema::Table& t, Rows& store_rows, const OGRFeature& mine,
                     std::map<std::string, OGRFeatureUniquePtr>& in_store) {
    const std::string uuid = text(mine, "uuid");
    const long long version = row_version(mine);
    const auto base = bases_.find(uuid);
    const auto there = in_store.find(uuid);
    const std::string id = row_id(t.name, mine);
    if (base == bases_.end()) {
      if (there != in_store.end()) {
        // Pushed before without the laptop recording it (it failed after the store committed).
        if (row_version(*there->second) == version &&
            push_rows::same_content(mine, *there->second, sk::number)) {
          after_.push_back(
              [this, t, uuid, version] { sync::set_base(laptop_, t.name, uuid, version); });
          return;
        }
        conflict(t, id, uuid, ConflictKind::both_changed, 0,
                 push_rows::entries_of(laptop_history(uuid, 0)));
        return;
      }
      new_row(t, store_rows, mine);
      return;
    }
    const long long b = base->second.version;
    if (version == b) return;  // the laptop did not change it
    if (there == in_store.end()) {
      removed_in_store(t, store_rows, mine, b);
      return;
    }
    const OGRFeature& theirs = *there->second;
    const long long now = row_version(theirs);
    if (now == b) {
      update_in_store(t, store_rows, mine, theirs, b);
      ++out_.updated;
      after_.push_back(
          [this, t, uuid, version] { sync::set_base(laptop_, t.name, uuid, version); });
      return;
    }
    if (now == version && push_rows::same_content(mine, theirs, sk::number)) {
      after_.push_back(
          [this, t, uuid, version] { sync::set_base(laptop_, t.name, uuid, version); });
      return;
    }
    switch (decisions_.of(id, uuid)) {
      case Decision::ours: {
        ours_over_theirs(t, store_rows, mine, theirs);
        ++out_.took_ours;
        const long long made = now + 1;
        after_.push_back([this, t, uuid, made] {
          push_rows::set_version(laptop_, t.name, uuid, row_version_of(t.name, uuid), made);
          sync::set_base(laptop_, t.name, uuid, made);
        });
        return;
      }
      case Decision::theirs:
        theirs_to_laptop(t, uuid, theirs);
        return;
      case Decision::none:
        conflict(t, id, uuid, ConflictKind::both_changed, b,
                 push_rows::entries_of(laptop_history(uuid, b)));
        return;
    }
  }

  // The laptop's history of a row above version `above`, oldest first.
  std::vector<OGRFeatureUniquePtr> laptop_history(const std::string& uuid, long long above) {
    std::vector<OGRFeatureUniquePtr> out;
    const auto it = laptop_entries_.find(uuid);
    if (it == laptop_entries_.end()) return out;
    for (const auto& e : it->second)
      if (e->GetFieldAsInteger64(h::row_version) > above) out.emplace_back(e->Clone());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a->GetFieldAsInteger64(h::row_version) < b->GetFieldAsInteger64(h::row_version);
    });
    return out;
  }

  long long row_version_of(const char* table, const std::string& uuid) {
    Rows rows(laptop_, table);
    const OGRFeatureUniquePtr f = rows.first("uuid = " + sql_literal(uuid));
    return f ? row_version(*f) : 0;
  }

  void new_row(const schema::Table& t, Rows& store_rows, const OGRFeature& mine) {
    const std::string uuid = text(mine, "uuid");
    const long long version = row_version(mine);
    const std::string table = t.name;
    const auto shared = [this, table, uuid, version] {
      after_.push_back(
          [this, table, uuid, version] { sync::set_base(laptop_, table, uuid, version); });
    };
    // The same file or sheet stored on both sides is stored once (its content hash, its id).
    if (table == sk::table && duplicate_ingests_.count(text(mine, sk::ingest_id)) > 0) {
      held_.insert(uuid);  // its status changes stay on the laptop too
      shared();
      return;
    }
    if (table == schema::status_changes::table) {
      const std::string target = text(mine, schema::status_changes::target_uuid);
      if (held_.count(target) > 0) {
        if (!in_conflict_.count(target)) shared();  // the change was decided against: not pushed
        return;
      }
    }
    bool took_ours = false;
    for (const char* column : t.unique) {
      const std::string_view c(column);
      if (c == "uuid" || (table == sk::table && c == sk::number)) continue;
      const std::string value = text(mine, column);
      if (value.empty()) continue;
      const OGRFeatureUniquePtr other =
          store_rows.first("\"" + std::string(column) + "\" = " + sql_literal(value));
      if (!other) continue;
      if (table == schema::ingests::table || table == schema::sheets::table) {
        if (table == schema::ingests::table)
          duplicate_ingests_.insert(text(mine, schema::ingests::id));
        ++out_.already_there;
        shared();
        return;
      }
      const std::string id = row_id(table, mine);
      switch (decisions_.of(id, uuid)) {
        case Decision::ours: {
          const std::string other_uuid = text(*other, "uuid");
          remove_in_store(t, other_uuid, row_version(*other), row_id(table, *other), {});
          took_ours = true;
          break;
        }
        case Decision::theirs: {
          ++out_.kept_theirs;
          held_.insert(uuid);
          after_.push_back([this, table, uuid] {
            push_rows::delete_row(laptop_, table, uuid, std::nullopt);
            sync::drop_base(laptop_, uuid);
          });
          return;
        }
        case Decision::none: {
          PushConflict& added = conflict(t, id, uuid, ConflictKind::id_taken, 0,
                                         push_rows::entries_of(laptop_history(uuid, 0)));
          added.store_changes =
              push_rows::entries_of(push_rows::history_of(store_history_, text(*other, "uuid"), 0));
          return;
        }
      }
    }
    insert_in_store(t, store_rows, mine);
    ++(took_ours ? out_.took_ours : out_.inserted);
    shared();
  }

  // `base`: the laptop's history above it is its own (below it came from the store).
  void insert_in_store(const schema::Table& t, Rows& store_rows, const OGRFeature& mine,
                       long long base = 0) {
    const std::string table = t.name;
    const std::string uuid = text(mine, "uuid");
    OGRFeatureUniquePtr row = push_rows::copy_of(store_rows, mine);
    if (table == sk::table) {
      const long long number = next_number();
      const std::string was = row_id(table, mine);
      row->SetField(sk::number, static_cast<GIntBig>(number));
      const std::string now = sketch::sketch_status_id(number);
      if (now != was) {
        out_.renumbered[was] = now;
        renumbered_[uuid] = {mine.GetFieldAsInteger64(sk::number), number};
      }
    }
    if (table == schema::status_changes::table) {
      const auto it = renumbered_.find(text(mine, schema::status_changes::target_uuid));
      if (it != renumbered_.end())
        row->SetField(schema::status_changes::target_id,
                      sketch::sketch_status_id(it->second.second).c_str());
    }
    const std::string id = row_id(table, *row);
    store_rows.insert(*row, table + " " + id);
    replay(uuid, base, id);
    mark_pushed(table, uuid, id, row_version(mine));
  }

  // The laptop's changes of a row the store did not change: a compare-and-set on the base.
  void update_in_store(const schema::Table& t, Rows& store_rows, const OGRFeature& mine,
                       const OGRFeature& theirs, long long base) {
    const std::string uuid = text(mine, "uuid");
    const std::string id = row_id(t.name, theirs);
    if (push_rows::set_version(store_, t.name, uuid, base, row_version(mine)) != 1)
      changed_meanwhile(id);
    write_over(t, store_rows, mine, theirs);
    replay(uuid, base, id);
    mark_pushed(t.name, uuid, id, row_version(mine));
  }

  void write_over(const schema::Table& t, Rows& store_rows, const OGRFeature& mine,
                  const OGRFeature& theirs) {
    OGRFeatureUniquePtr row = push_rows::copy_of(store_rows, mine);
    row->SetFID(theirs.GetFID());
    if (std::string_view(t.name) == sk::table)  // the store's number stays
      row->SetField(sk::number, theirs.GetFieldAsInteger64(sk::number));
    store_rows.update(*row, std::string(t.name) + " " + row_id(t.name, theirs));
  }

  // --ours on a row both changed: the laptop's values over the store's, as one more version,
  // logged field by field as the laptop's last change (its time, its author).
  void ours_over_theirs(const schema::Table& t, Rows& store_rows, const OGRFeature& mine,
                        const OGRFeature& theirs) {
    const std::string uuid = text(mine, "uuid");
    const std::string id = row_id(t.name, theirs);
    const long long version = row_version(theirs) + 1;
    if (push_rows::set_version(store_, t.name, uuid, row_version(theirs), version) != 1)
      changed_meanwhile(id);
    OGRFeatureUniquePtr row = push_rows::copy_of(store_rows, mine);
    row->SetField(schema::row::version, static_cast<GIntBig>(version));
    row->SetFID(theirs.GetFID());
    if (std::string_view(t.name) == sk::table)
      row->SetField(sk::number, theirs.GetFieldAsInteger64(sk::number));
    store_rows.update(*row, std::string(t.name) + " " + id);
    const std::string at = time_text(mine, schema::row::updated_at);
    const std::string by = text(mine, schema::row::updated_by);
    for (int i = 0; i < row->GetFieldCount(); ++i) {
      const OGRFieldDefn* defn = row->GetFieldDefnRef(i);
      if (defn->GetType() == OFTBinary || !is_logged_field(defn->GetNameRef())) continue;
      const int j = theirs.GetDefnRef()->GetFieldIndex(defn->GetNameRef());
      const auto old_value = j >= 0 ? value_text(theirs, j) : std::nullopt;
      const auto new_value = value_text(*row, i);
      if (old_value != new_value)
        push_rows::write_entry(store_history_, {t.name, uuid, id, defn->GetNameRef(), old_value,
                                                new_value, version, at, by});
    }
    mark_pushed(t.name, uuid, id, version);
  }

  void theirs_to_laptop(const schema::Table& t, const std::string& uuid, const OGRFeature& theirs) {
    ++out_.kept_theirs;
    held_.insert(uuid);
    const std::string table = t.name;
    const long long version = row_version(theirs);
    std::shared_ptr<OGRFeature> row(theirs.Clone());
    after_.push_back([this, table, uuid, version, row] {
      Rows laptop_rows(laptop_, table.c_str());
      const OGRFeatureUniquePtr mine = laptop_rows.first("uuid = " + sql_literal(uuid));
      if (!mine) return;
      OGRFeatureUniquePtr back = push_rows::copy_of(laptop_rows, *row);
      back->SetFID(mine->GetFID());
      if (table == sk::table) back->SetField(sk::number, mine->GetFieldAsInteger64(sk::number));
      laptop_rows.update(*back, "the store's row " + row_id(table, *row));
      sync::set_base(laptop_, table, uuid, version);
    });
  }

  // Changed on the laptop, removed in the store.
  void removed_in_store(const schema::Table& t, Rows& store_rows, const OGRFeature& mine,
                        long long base) {
    const std::string uuid = text(mine, "uuid");
    const std::string id = row_id(t.name, mine);
    switch (decisions_.of(id, uuid)) {
      case Decision::ours: {
        insert_in_store(t, store_rows, mine, base);
        ++out_.took_ours;
        const std::string table = t.name;
        const long long version = row_version(mine);
        after_.push_back(
            [this, table, uuid, version] { sync::set_base(laptop_, table, uuid, version); });
        return;
      }
      case Decision::theirs: {
        ++out_.kept_theirs;
        held_.insert(uuid);
        const std::string table = t.name;
        after_.push_back([this, table, uuid] {
          push_rows::delete_row(laptop_, table, uuid, std::nullopt);
          sync::drop_base(laptop_, uuid);
        });
        return;
      }
      case Decision::none:
        conflict(t, id, uuid, ConflictKind::removed_in_store, base,
                 push_rows::entries_of(laptop_history(uuid, base)));
        return;
    }
  }

  // ---- what every written row gets ----
  // The laptop's history of the row since `base`, as it was written there (when, by whom).
  void replay(const std::string& uuid, long long base, const std::string& id) {
    for (const auto& e : laptop_history(uuid, base)) {
      OGRFeatureUniquePtr entry = push_rows::copy_of(store_history_, *e);
      entry->SetField(h::row_id, id.c_str());
      store_history_.insert(*entry, "the history of " + id);
    }
  }

  // One entry that says the row came by push, from which copy, by whom.
  void mark_pushed(const std::string& table, const std::string& uuid, const std::string& id,
                   long long version) {
    push_rows::write_entry(store_history_, {table, uuid, id, via_push, std::nullopt,
                                            "push van " + source_, version, now_, by_});
  }

  PushConflict& conflict(const schema::Table& t, const std::string& id, const std::string& uuid,
                         ConflictKind kind, long long base, std::vector<HistoryEntry> laptop) {
    held_.insert(uuid);
    in_conflict_.insert(uuid);
    PushConflict c;
    c.table = t.name;
    c.row_id = id;
    c.row_uuid = uuid;
    c.kind = kind;
    c.base_version = base;
    c.laptop_changes = std::move(laptop);
    c.store_changes = push_rows::entries_of(push_rows::history_of(store_history_, uuid, base));
    out_.conflicts.push_back(std::move(c));
    return out_.conflicts.back();
  }

  [[noreturn]] void changed_meanwhile(const std::string& id) {
    raise(ErrorKind::write_failed, store_.location(),
          "the row changed while the push held the store's write lock (another program "
          "writing without it?): nothing was written",
          id);
  }

  long long next_number() {
    if (next_number_ == 0) {
      const auto max_of = [&](const std::string& sql) {
        const auto v = store_.query(sql);
        return v.empty() || !v.front() ? 0LL : std::stoll(*v.front());
      };
      next_number_ = std::max(max_of("SELECT COALESCE(MAX(" + std::string(sk::number) +
                                     "), 0) FROM " + sk::table),
                              max_of("SELECT COALESCE(MAX(CAST(substr(" + std::string(h::row_id) +
                                     ", 2) AS INTEGER)), 0) FROM " + h::table + " WHERE " +
                                     h::table_name + " = " + sql_literal(sk::table) + " AND " +
                                     h::field + " = " + sql_literal(h::removed))) +
                     1;
    }
    return next_number_++;
  }

  // The laptop's new sketches get the numbers the store gave them (through negative numbers:
  // the laptop's own numbers stay unique meanwhile), with their status changes and history.
  void renumber_laptop() {
    for (const auto& [uuid, numbers] : renumbered_)
      laptop_.execute("UPDATE " + std::string(sk::table) + " SET " + sk::number + " = " +
                      std::to_string(-numbers.second) + " WHERE uuid = " + sql_literal(uuid));
    for (const auto& [uuid, numbers] : renumbered_) {
      const std::string id = sketch::sketch_status_id(numbers.second);
      laptop_.execute("UPDATE " + std::string(sk::table) + " SET " + sk::number + " = " +
                      std::to_string(numbers.second) + " WHERE uuid = " + sql_literal(uuid));
      laptop_.execute("UPDATE " + std::string(schema::status_changes::table) + " SET " +
                      schema::status_changes::target_id + " = " + sql_literal(id) + " WHERE " +
                      schema::status_changes::target_uuid + " = " + sql_literal(uuid));
      laptop_.execute("UPDATE " + std::string(h::table) + " SET " + h::row_id + " = " +
                      sql_literal(id) + " WHERE " + h::row_uuid + " = " + sql_literal(uuid));
    }
  }

  Backend& laptop_;
  Backend& store_;
  Decisions decisions_;
  Rows laptop_history_;
  Rows store_history_;
  std::string by_, now_, source_;
  std::map<std::string, sync::Base> bases_;
  std::map<std::string, std::vector<OGRFeatureUniquePtr>> laptop_entries_;  // by row uuid
  PushResult out_;
  std::vector<std::function<void()>> after_;
  std::set<std::string> held_;         // rows not pushed (conflict, or the store's kept)
  std::set<std::string> in_conflict_;  // rows left to decide
  std::set<std::string> duplicate_ingests_;
  std::map<std::string, std::pair<long long, long long>> renumbered_;  // uuid -> laptop, store
  long long next_number_ = 0;
};

}  // namespace

std::string_view to_string(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::both_changed:
      return "both_changed";
    case ConflictKind::removed_on_laptop:
      return "removed_on_laptop";
    case ConflictKind::removed_in_store:
      return "removed_in_store";
    case ConflictKind::id_taken:
      return "id_taken";
  }
  return "?";
}

PushResult push(const PushRequest& request) {
  const support::QuietGdalErrors quiet;
  ProjectStore laptop_store = ProjectStore::open(request.laptop, request.options);
  ProjectStore target_store = ProjectStore::open(request.to, request.options);
  Backend& laptop = *StoreAccess::impl(laptop_store).backend;
  Backend& store = *StoreAccess::impl(target_store).backend;
  if (!sync::is_copy(laptop))
    raise(ErrorKind::not_a_store, laptop.location(),
          "this store is no copy of another one (it has no table copy_origin): there is "
          "nothing to push from it");
  if (laptop.location() == store.location())
    raise(ErrorKind::bad_location, store.location(), "a copy cannot be pushed to itself");
  const std::string copied_from = sync::read_origin(laptop)[sync::origin::project_uuid];
  const std::string project = sync::project_uuid(store);
  if (!copied_from.empty() && !project.empty() && copied_from != project)
    raise(ErrorKind::foreign_project, store.location(),
          "the copy " + laptop.location() + " was taken from another project's store (" +
              sync::read_origin(laptop)[sync::origin::from] + "): push it there");
  WriteTransaction on_laptop(laptop);
  WriteTransaction in_store(store);
  Pusher pusher(laptop, store, request);
  PushResult result = pusher.run();
  in_store.commit();
  // The store has the edits now. Should what follows fail, the next push finds them there
  // (same version, same values) and only records them.
  pusher.record_on_laptop();
  on_laptop.commit();
  return result;
}

}  // namespace wijkatlas::store
