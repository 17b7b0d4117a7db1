CREATE TABLE `meeting_draft` (
	`meeting_id` integer NOT NULL,
	`draft_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`meeting_id`, `draft_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_draft_draft_id_idx` ON `meeting_draft` (`draft_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_assistance_request_output` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`resource_id` integer,
	`meeting_id` integer,
	`draft_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `assistance_request`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assistance_request_output_one_target" CHECK(("__new_assistance_request_output"."resource_id" IS NOT NULL) + ("__new_assistance_request_output"."meeting_id" IS NOT NULL) + ("__new_assistance_request_output"."draft_id" IS NOT NULL) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_assistance_request_output`("id", "request_id", "resource_id", "meeting_id", "created_at") SELECT "id", "request_id", "resource_id", "meeting_id", "created_at" FROM `assistance_request_output`;--> statement-breakpoint
DROP TABLE `assistance_request_output`;--> statement-breakpoint
ALTER TABLE `__new_assistance_request_output` RENAME TO `assistance_request_output`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `assistance_request_output_resource_idx` ON `assistance_request_output` (`request_id`,`resource_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `assistance_request_output_meeting_idx` ON `assistance_request_output` (`request_id`,`meeting_id`);--> statement-breakpoint
CREATE INDEX `assistance_request_output_resource_id_idx` ON `assistance_request_output` (`resource_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `assistance_request_output_draft_idx` ON `assistance_request_output` (`request_id`,`draft_id`);--> statement-breakpoint
CREATE INDEX `assistance_request_output_meeting_id_idx` ON `assistance_request_output` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `assistance_request_output_draft_id_idx` ON `assistance_request_output` (`draft_id`);--> statement-breakpoint
DROP INDEX `draft_resource_id_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `draft_resource_id_idx` ON `draft` (`resource_id`);