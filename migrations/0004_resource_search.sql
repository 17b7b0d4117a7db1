-- The library's full-text search (app/models/resource-search.server.ts, docs/decisions/008-resource-search.md).
-- Written by hand through `drizzle-kit generate --custom`: drizzle-kit cannot describe virtual tables or triggers.
--
-- The indexes hold text already folded and stemmed in JavaScript (better-sqlite3 cannot register a tokenizer):
-- words of letters and digits separated by single spaces, so the simplest tokenizer, 'ascii' (every non-ASCII
-- character is part of a word), splits them exactly as JavaScript did, a third quicker than 'unicode61'.
-- Contentless: the original text stays in `resource` and `resource_file`.
-- The rowid is the resource's id. Every resource is indexed whatever its state; visibility is decided per query.
--
-- resource_fts: stems, with positions (phrases, bm25 per column): the title, the summary (with authors, keywords,
-- publisher), the body (transcripts and the text extracted from PDFs). Word and phrase queries run here.
CREATE VIRTUAL TABLE `resource_fts` USING fts5(
	title, summary, body,
	content='', contentless_delete=1,
	tokenize='ascii'
);--> statement-breakpoint
-- resource_words_fts: each distinct word of a resource once, as written (folded) and without its Arabic article,
-- with prefix indexes, for word beginnings (برلم*, parliam*). No positions or columns: presence is all it answers.
CREATE VIRTUAL TABLE `resource_words_fts` USING fts5(
	words,
	content='', contentless_delete=1, detail=none, prefix='3 4 5',
	tokenize='ascii'
);--> statement-breakpoint
-- resource_title_fts: the same for the title alone, with its stems too: which results have the query in their
-- title (the first tier of the ranking when there are too many results to score them all).
CREATE VIRTUAL TABLE `resource_title_fts` USING fts5(
	words,
	content='', contentless_delete=1, detail=none, prefix='3 4 5',
	tokenize='ascii'
);--> statement-breakpoint
-- Which resources changed in a way the search's in-memory facet table must see (state, visibility, type, year,
-- region, publication time, pillars, resolutions, themes, languages), whoever changed them: filled by the
-- triggers below, read (never emptied) by the search, trimmed when it grows.
CREATE TABLE `resource_search_change` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL
);--> statement-breakpoint
CREATE TRIGGER `resource_search_insert` AFTER INSERT ON `resource` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (new.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_search_update` AFTER UPDATE OF `type`, `region`, `year`, `state`, `visibility`, `published_at` ON `resource` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (new.`id`);
END;--> statement-breakpoint
-- A deleted resource leaves the indexes at once, whoever deletes it.
CREATE TRIGGER `resource_search_delete` AFTER DELETE ON `resource` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`id`);
	DELETE FROM `resource_fts` WHERE `rowid` = old.`id`;
	DELETE FROM `resource_words_fts` WHERE `rowid` = old.`id`;
	DELETE FROM `resource_title_fts` WHERE `rowid` = old.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `resource_pillar_search_insert` AFTER INSERT ON `resource_pillar` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (new.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_pillar_search_update` AFTER UPDATE ON `resource_pillar` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`resource_id`), (new.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_pillar_search_delete` AFTER DELETE ON `resource_pillar` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_resolution_search_insert` AFTER INSERT ON `resource_resolution` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (new.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_resolution_search_update` AFTER UPDATE ON `resource_resolution` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`resource_id`), (new.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_resolution_search_delete` AFTER DELETE ON `resource_resolution` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_theme_search_insert` AFTER INSERT ON `resource_theme` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (new.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_theme_search_update` AFTER UPDATE ON `resource_theme` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`resource_id`), (new.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_theme_search_delete` AFTER DELETE ON `resource_theme` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_language_search_insert` AFTER INSERT ON `resource_language` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (new.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_language_search_update` AFTER UPDATE ON `resource_language` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`resource_id`), (new.`resource_id`);
END;--> statement-breakpoint
CREATE TRIGGER `resource_language_search_delete` AFTER DELETE ON `resource_language` BEGIN
	INSERT INTO `resource_search_change` (`resource_id`) VALUES (old.`resource_id`);
END;
