CREATE TABLE `draft` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_ar` text DEFAULT '' NOT NULL,
	`summary_en` text DEFAULT '' NOT NULL,
	`summary_ar` text DEFAULT '' NOT NULL,
	`original_language` text DEFAULT 'en' NOT NULL,
	`coordinator_id` integer,
	`stage` text DEFAULT 'preparation' NOT NULL,
	`consultation_closes_at` integer,
	`consultation_scope` text DEFAULT 'members' NOT NULL,
	`visibility` text DEFAULT 'members' NOT NULL,
	`resource_id` integer,
	`created_by_id` integer,
	`stage_changed_at` integer DEFAULT (unixepoch()) NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`coordinator_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "draft_has_title" CHECK("draft"."title_en" <> '' OR "draft"."title_ar" <> '')
);
--> statement-breakpoint
CREATE INDEX `draft_stage_updated_at_idx` ON `draft` (`stage`,`updated_at`);--> statement-breakpoint
CREATE INDEX `draft_visibility_stage_idx` ON `draft` (`visibility`,`stage`);--> statement-breakpoint
CREATE INDEX `draft_coordinator_id_idx` ON `draft` (`coordinator_id`);--> statement-breakpoint
CREATE INDEX `draft_created_by_id_idx` ON `draft` (`created_by_id`);--> statement-breakpoint
CREATE INDEX `draft_resource_id_idx` ON `draft` (`resource_id`);--> statement-breakpoint
CREATE TABLE `draft_amendment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` integer NOT NULL,
	`provision_id` integer,
	`provision_w_id` text NOT NULL,
	`kind` text NOT NULL,
	`new_kind` text,
	`justification` text DEFAULT '' NOT NULL,
	`proposer_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`reason` text,
	`decided_by_id` integer,
	`decided_at` integer,
	`base_revision` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provision_id`) REFERENCES `provision`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "draft_amendment_new_kind" CHECK(("draft_amendment"."kind" = 'insert_after') = ("draft_amendment"."new_kind" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `draft_amendment_draft_status_idx` ON `draft_amendment` (`draft_id`,`status`);--> statement-breakpoint
CREATE INDEX `draft_amendment_provision_status_idx` ON `draft_amendment` (`provision_id`,`status`);--> statement-breakpoint
CREATE INDEX `draft_amendment_proposer_id_idx` ON `draft_amendment` (`proposer_id`);--> statement-breakpoint
CREATE TABLE `draft_amendment_text` (
	`amendment_id` integer NOT NULL,
	`lang` text NOT NULL,
	`heading` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`amendment_id`, `lang`),
	FOREIGN KEY (`amendment_id`) REFERENCES `draft_amendment`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "draft_amendment_text_not_empty" CHECK("draft_amendment_text"."heading" <> '' OR "draft_amendment_text"."body" <> '')
);
--> statement-breakpoint
CREATE TABLE `draft_comment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` integer NOT NULL,
	`provision_id` integer,
	`provision_w_id` text NOT NULL,
	`parent_id` integer,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`resolved_at` integer,
	`resolved_by_id` integer,
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provision_id`) REFERENCES `provision`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`parent_id`) REFERENCES `draft_comment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "draft_comment_has_body" CHECK("draft_comment"."body" <> '')
);
--> statement-breakpoint
CREATE INDEX `draft_comment_draft_provision_idx` ON `draft_comment` (`draft_id`,`provision_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `draft_comment_provision_id_idx` ON `draft_comment` (`provision_id`);--> statement-breakpoint
CREATE INDEX `draft_comment_parent_id_idx` ON `draft_comment` (`parent_id`);--> statement-breakpoint
CREATE INDEX `draft_comment_author_id_idx` ON `draft_comment` (`author_id`);--> statement-breakpoint
CREATE TABLE `draft_editor` (
	`draft_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`draft_id`, `user_id`),
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_editor_user_id_idx` ON `draft_editor` (`user_id`);--> statement-breakpoint
CREATE TABLE `draft_lead` (
	`draft_id` integer NOT NULL,
	`parliament_id` integer NOT NULL,
	PRIMARY KEY(`draft_id`, `parliament_id`),
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_lead_parliament_id_idx` ON `draft_lead` (`parliament_id`);--> statement-breakpoint
CREATE TABLE `draft_pillar` (
	`draft_id` integer NOT NULL,
	`pillar` integer NOT NULL,
	PRIMARY KEY(`draft_id`, `pillar`),
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_pillar_pillar_idx` ON `draft_pillar` (`pillar`);--> statement-breakpoint
CREATE TABLE `draft_resolution` (
	`draft_id` integer NOT NULL,
	`resolution` text NOT NULL,
	PRIMARY KEY(`draft_id`, `resolution`),
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_resolution_resolution_idx` ON `draft_resolution` (`resolution`);--> statement-breakpoint
CREATE TABLE `draft_theme` (
	`draft_id` integer NOT NULL,
	`theme` text NOT NULL,
	PRIMARY KEY(`draft_id`, `theme`),
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_theme_theme_idx` ON `draft_theme` (`theme`);--> statement-breakpoint
CREATE TABLE `draft_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` integer NOT NULL,
	`number` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`provision_count` integer NOT NULL,
	`snapshot` blob NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "draft_version_number_positive" CHECK("draft_version"."number" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draft_version_draft_number_idx` ON `draft_version` (`draft_id`,`number`);--> statement-breakpoint
CREATE TABLE `provision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` integer NOT NULL,
	`parent_id` integer,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	`w_id` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_id`,`parent_id`) REFERENCES `provision`(`draft_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "provision_position_not_negative" CHECK("provision"."position" >= 0),
	CONSTRAINT "provision_revision_positive" CHECK("provision"."revision" >= 1),
	CONSTRAINT "provision_w_id_not_empty" CHECK("provision"."w_id" <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provision_draft_w_id_idx` ON `provision` (`draft_id`,`w_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `provision_draft_id_id_idx` ON `provision` (`draft_id`,`id`);--> statement-breakpoint
CREATE INDEX `provision_draft_parent_position_idx` ON `provision` (`draft_id`,`parent_id`,`position`);--> statement-breakpoint
CREATE TABLE `provision_change` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` integer NOT NULL,
	`provision_id` integer NOT NULL,
	`lang` text NOT NULL,
	`heading` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`revision` integer NOT NULL,
	`changed_by_id` integer,
	`changed_at` integer DEFAULT (unixepoch()) NOT NULL,
	`amendment_id` integer,
	FOREIGN KEY (`draft_id`) REFERENCES `draft`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provision_id`) REFERENCES `provision`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`amendment_id`) REFERENCES `draft_amendment`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `provision_change_provision_id_idx` ON `provision_change` (`provision_id`,`id`);--> statement-breakpoint
CREATE INDEX `provision_change_draft_id_idx` ON `provision_change` (`draft_id`,`id`);--> statement-breakpoint
CREATE INDEX `provision_change_amendment_id_idx` ON `provision_change` (`amendment_id`);--> statement-breakpoint
CREATE TABLE `provision_text` (
	`provision_id` integer NOT NULL,
	`lang` text NOT NULL,
	`heading` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`provision_id`, `lang`),
	FOREIGN KEY (`provision_id`) REFERENCES `provision`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "provision_text_not_empty" CHECK("provision_text"."heading" <> '' OR "provision_text"."body" <> ''),
	CONSTRAINT "provision_text_lang_code" CHECK(length("provision_text"."lang") BETWEEN 2 AND 35)
);
--> statement-breakpoint
CREATE INDEX `provision_text_lang_idx` ON `provision_text` (`lang`);