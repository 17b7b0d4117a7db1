-- Bitmaps of the search indexes' most frequent entries (app/features/search/bitmaps.server.ts,
-- docs/decisions/008-resource-search.md). Written by hand through `drizzle-kit generate --custom`, as 0004.
--
-- A stem, a word beginning or a title word held by a large share of a big library (10 % of 100,000 resources or
-- more) has a bitmap here besides its FTS5 entry: reading its 600,000 ids out of FTS5 would take most of a
-- search's time, reading its bitmap a millisecond. `key` names the entry (`s stem`: resource_fts; `p beginning`:
-- resource_words_fts; `t word`, `tp beginning`: resource_title_fts), `chunk` a run of 4,096 resource ids, and bit
-- i of `bits` (byte i >> 3, bit i & 7) the resource chunk * 4096 + i. A chunk without a row holds no resource.
-- Kept in step with the indexes by the code that writes them; a bit left by a deleted resource is harmless (the
-- lists never show a resource that is gone).
CREATE TABLE `resource_search_bitmap` (
	`key` text NOT NULL,
	`chunk` integer NOT NULL,
	`bits` blob NOT NULL,
	PRIMARY KEY (`key`, `chunk`)
) WITHOUT ROWID;--> statement-breakpoint
-- The entries that have a bitmap, with their number of resources when chosen; the row of key '' holds the
-- library's size then (the choice is made again when the library has grown or shrunk by half).
CREATE TABLE `resource_search_bitmap_key` (
	`key` text PRIMARY KEY NOT NULL,
	`docs` integer NOT NULL
) WITHOUT ROWID;
