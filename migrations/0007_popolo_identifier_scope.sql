PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_member_identifier` (
	`member_id` integer NOT NULL,
	`scheme` text NOT NULL,
	`identifier` text NOT NULL,
	`scope_parliament_id` integer,
	PRIMARY KEY(`member_id`, `scheme`, `identifier`),
	FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scope_parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Edited before landing: drizzle-kit selected the new column from the old table; existing rows get their scope
-- by the rule of app/models/popolo-import.server.ts (GLOBAL_IDENTIFIER_SCHEMES), their member's parliament otherwise.
INSERT INTO `__new_member_identifier`("member_id", "scheme", "identifier", "scope_parliament_id") SELECT i."member_id", i."scheme", i."identifier", CASE WHEN lower(i."scheme") IN ('wikidata', 'viaf', 'isni', 'orcid', 'gnd', 'lcauth', 'lccn', 'bnf', 'sudoc', 'idref', 'freebase') THEN NULL ELSE m."parliament_id" END FROM `member_identifier` i JOIN `member` m ON m."id" = i."member_id";--> statement-breakpoint
DROP TABLE `member_identifier`;--> statement-breakpoint
ALTER TABLE `__new_member_identifier` RENAME TO `member_identifier`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `member_identifier_global_idx` ON `member_identifier` (`scheme`,`identifier`) WHERE "member_identifier"."scope_parliament_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `member_identifier_scoped_idx` ON `member_identifier` (`scope_parliament_id`,`scheme`,`identifier`) WHERE "member_identifier"."scope_parliament_id" IS NOT NULL;