CREATE TABLE `mechanism` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parliament_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`name_ar` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_ar` text DEFAULT '' NOT NULL,
	`year` integer,
	`url` text,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `mechanism_parliament_id_idx` ON `mechanism` (`parliament_id`);--> statement-breakpoint
CREATE INDEX `mechanism_kind_idx` ON `mechanism` (`kind`);--> statement-breakpoint
CREATE TABLE `mechanism_pillar` (
	`mechanism_id` integer NOT NULL,
	`pillar` integer NOT NULL,
	PRIMARY KEY(`mechanism_id`, `pillar`),
	FOREIGN KEY (`mechanism_id`) REFERENCES `mechanism`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mechanism_pillar_pillar_idx` ON `mechanism_pillar` (`pillar`);--> statement-breakpoint
CREATE TABLE `member` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parliament_id` integer NOT NULL,
	`user_id` integer,
	`popolo_id` text,
	`name_en` text DEFAULT '' NOT NULL,
	`name_ar` text DEFAULT '' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`position` text DEFAULT 'member' NOT NULL,
	`committees` text DEFAULT '' NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`gender` text,
	`birth_year` integer,
	`languages` text DEFAULT '' NOT NULL,
	`photo` text,
	`image_url` text,
	`bio_en` text DEFAULT '' NOT NULL,
	`bio_ar` text DEFAULT '' NOT NULL,
	`email` text,
	`phone` text,
	`website` text,
	`visibility` text DEFAULT 'public' NOT NULL,
	`is_focal_point` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `member_parliament_id_idx` ON `member` (`parliament_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `member_user_id_idx` ON `member` (`user_id`) WHERE "member"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `member_popolo_id_idx` ON `member` (`popolo_id`) WHERE "member"."popolo_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `member_gender_idx` ON `member` (`gender`);--> statement-breakpoint
CREATE TABLE `member_identifier` (
	`member_id` integer NOT NULL,
	`scheme` text NOT NULL,
	`identifier` text NOT NULL,
	PRIMARY KEY(`scheme`, `identifier`),
	FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_identifier_member_id_idx` ON `member_identifier` (`member_id`);--> statement-breakpoint
ALTER TABLE `parliament` ADD `chamber` text;--> statement-breakpoint
ALTER TABLE `parliament` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `parliament` ADD `ipu_seats` integer;--> statement-breakpoint
ALTER TABLE `parliament` ADD `ipu_women` integer;--> statement-breakpoint
ALTER TABLE `parliament` ADD `ipu_as_of` text;--> statement-breakpoint
CREATE UNIQUE INDEX `parliament_country_chamber_idx` ON `parliament` (`country_code`,`chamber`) WHERE "parliament"."country_code" IS NOT NULL AND "parliament"."chamber" IS NOT NULL;