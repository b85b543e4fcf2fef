// Story contents: the items of a story's cross-check as tables of their own (claims,
// quotes, entities and every spelling of each entity), derived from the report document
// stored in `stories.report`, so that SQL finds the stories that name an entity, under any
// of its merged spellings, or quote a speaker. The report stays the one source: these rows
// are rewritten from it whenever the story is, in the same transaction, and removed with
// the story (ON DELETE CASCADE). docs/store.md lists the columns.
#pragma once

#include <string_view>

#include "store/database.h"
#include "store/records.h"

namespace recoupe::store {

// The tables (schema migration 2).
extern const char* const kStoryContentsSchema;

// Fills the tables for every stored story (migration 2 runs it on a store of version 1).
void fill_story_contents(Database& db);

// Replaces the rows of story `id` by those of `report_json` (the story's report document:
// {"articles": [...], "stories": [the story]}). Parts the report lacks give no rows. Throws
// SqlError (a report that is not JSON is a malformed-JSON error of SQLite). Cost: one
// statement per table.
void write_story_contents(Database& db, std::string_view id, std::string_view report_json);

// The same from the items as values (StoredStory::contents): the rows the report's JSON
// gives (a test holds the two to the same rows), without parsing it. Throws SqlError.
void write_story_contents(Database& db, std::string_view id, const StoryContents& contents);

}  // namespace recoupe::store
