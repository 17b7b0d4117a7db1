CREATE TABLE `pending_upload` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`original_name` text NOT NULL,
	`extracted_text` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_upload_user_id_idx` ON `pending_upload` (`user_id`);--> statement-breakpoint
CREATE INDEX `pending_upload_created_at_idx` ON `pending_upload` (`created_at`);--> statement-breakpoint
CREATE TABLE `resource` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_ar` text DEFAULT '' NOT NULL,
	`summary_en` text DEFAULT '' NOT NULL,
	`summary_ar` text DEFAULT '' NOT NULL,
	`transcript_en` text DEFAULT '' NOT NULL,
	`transcript_ar` text DEFAULT '' NOT NULL,
	`publisher` text DEFAULT '' NOT NULL,
	`authors` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '' NOT NULL,
	`published_on` text,
	`year` integer,
	`region` text,
	`licence` text DEFAULT '' NOT NULL,
	`external_url` text,
	`visibility` text DEFAULT 'public' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`return_reason` text,
	`author_id` integer,
	`reviewer_id` integer,
	`submitted_at` integer,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "resource_has_title" CHECK("resource"."title_en" <> '' OR "resource"."title_ar" <> '')
);
--> statement-breakpoint
CREATE INDEX `resource_state_published_at_idx` ON `resource` (`state`,`published_at`);--> statement-breakpoint
CREATE INDEX `resource_author_id_idx` ON `resource` (`author_id`);--> statement-breakpoint
CREATE INDEX `resource_state_submitted_at_idx` ON `resource` (`state`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `resource_country` (
	`resource_id` integer NOT NULL,
	`country_code` text NOT NULL,
	PRIMARY KEY(`resource_id`, `country_code`),
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_country_country_idx` ON `resource_country` (`country_code`);--> statement-breakpoint
CREATE TABLE `resource_file` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`original_name` text NOT NULL,
	`role` text DEFAULT 'document' NOT NULL,
	`language` text,
	`alt_en` text DEFAULT '' NOT NULL,
	`alt_ar` text DEFAULT '' NOT NULL,
	`extracted_text` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_file_resource_id_idx` ON `resource_file` (`resource_id`);--> statement-breakpoint
CREATE INDEX `resource_file_sha256_idx` ON `resource_file` (`sha256`);--> statement-breakpoint
CREATE TABLE `resource_language` (
	`resource_id` integer NOT NULL,
	`language` text NOT NULL,
	PRIMARY KEY(`resource_id`, `language`),
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_language_language_idx` ON `resource_language` (`language`);--> statement-breakpoint
CREATE TABLE `resource_parliament` (
	`resource_id` integer NOT NULL,
	`parliament_id` integer NOT NULL,
	PRIMARY KEY(`resource_id`, `parliament_id`),
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_parliament_parliament_idx` ON `resource_parliament` (`parliament_id`);--> statement-breakpoint
CREATE TABLE `resource_pillar` (
	`resource_id` integer NOT NULL,
	`pillar` integer NOT NULL,
	PRIMARY KEY(`resource_id`, `pillar`),
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_pillar_pillar_idx` ON `resource_pillar` (`pillar`);--> statement-breakpoint
CREATE TABLE `resource_resolution` (
	`resource_id` integer NOT NULL,
	`resolution` text NOT NULL,
	PRIMARY KEY(`resource_id`, `resolution`),
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_resolution_resolution_idx` ON `resource_resolution` (`resolution`);--> statement-breakpoint
CREATE TABLE `resource_theme` (
	`resource_id` integer NOT NULL,
	`theme` text NOT NULL,
	PRIMARY KEY(`resource_id`, `theme`),
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_theme_theme_idx` ON `resource_theme` (`theme`);