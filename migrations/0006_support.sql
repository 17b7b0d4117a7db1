CREATE TABLE `meeting_theme` (
	`meeting_id` integer NOT NULL,
	`theme` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `theme`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_theme_theme_idx` ON `meeting_theme` (`theme`);--> statement-breakpoint
CREATE TABLE `assistance_request` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parliament_id` integer NOT NULL,
	`requester_id` integer,
	`programme_id` integer,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`need` text NOT NULL,
	`desired_from` text,
	`desired_to` text,
	`languages` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`decline_reason` text,
	`assignee_id` integer,
	`submitted_at` integer NOT NULL,
	`state_changed_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requester_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "assistance_request_has_subject" CHECK("assistance_request"."subject" <> ''),
	CONSTRAINT "assistance_request_dates_in_order" CHECK("assistance_request"."desired_from" IS NULL OR "assistance_request"."desired_to" IS NULL OR "assistance_request"."desired_to" >= "assistance_request"."desired_from")
);
--> statement-breakpoint
CREATE INDEX `assistance_request_parliament_id_idx` ON `assistance_request` (`parliament_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `assistance_request_state_idx` ON `assistance_request` (`state`,`state_changed_at`);--> statement-breakpoint
CREATE INDEX `assistance_request_assignee_id_idx` ON `assistance_request` (`assignee_id`);--> statement-breakpoint
CREATE INDEX `assistance_request_requester_id_idx` ON `assistance_request` (`requester_id`);--> statement-breakpoint
CREATE INDEX `assistance_request_programme_id_idx` ON `assistance_request` (`programme_id`);--> statement-breakpoint
CREATE TABLE `assistance_request_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`actor_id` integer,
	`from_state` text,
	`to_state` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `assistance_request`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assistance_request_event_request_id_idx` ON `assistance_request_event` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `assistance_request_file` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`original_name` text NOT NULL,
	`uploaded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `assistance_request`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assistance_request_file_request_id_idx` ON `assistance_request_file` (`request_id`);--> statement-breakpoint
CREATE INDEX `assistance_request_file_sha256_idx` ON `assistance_request_file` (`sha256`);--> statement-breakpoint
CREATE TABLE `assistance_request_message` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `assistance_request`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "assistance_request_message_has_body" CHECK("assistance_request_message"."body" <> '')
);
--> statement-breakpoint
CREATE INDEX `assistance_request_message_request_id_idx` ON `assistance_request_message` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `assistance_request_note` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `assistance_request`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "assistance_request_note_has_body" CHECK("assistance_request_note"."body" <> '')
);
--> statement-breakpoint
CREATE INDEX `assistance_request_note_request_id_idx` ON `assistance_request_note` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `assistance_request_output` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`resource_id` integer,
	`meeting_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `assistance_request`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assistance_request_output_one_target" CHECK(("assistance_request_output"."resource_id" IS NULL) <> ("assistance_request_output"."meeting_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assistance_request_output_resource_idx` ON `assistance_request_output` (`request_id`,`resource_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `assistance_request_output_meeting_idx` ON `assistance_request_output` (`request_id`,`meeting_id`);--> statement-breakpoint
CREATE INDEX `assistance_request_output_resource_id_idx` ON `assistance_request_output` (`resource_id`);--> statement-breakpoint
CREATE INDEX `assistance_request_output_meeting_id_idx` ON `assistance_request_output` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `assistance_request_topic` (
	`request_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`request_id`, `kind`, `value`),
	FOREIGN KEY (`request_id`) REFERENCES `assistance_request`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assistance_request_topic_kind_value_idx` ON `assistance_request_topic` (`kind`,`value`);--> statement-breakpoint
CREATE TABLE `programme` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_ar` text DEFAULT '' NOT NULL,
	`summary_en` text DEFAULT '' NOT NULL,
	`summary_ar` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_ar` text DEFAULT '' NOT NULL,
	`audience_en` text DEFAULT '' NOT NULL,
	`audience_ar` text DEFAULT '' NOT NULL,
	`formats` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT '' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "programme_has_title" CHECK("programme"."title_en" <> '' OR "programme"."title_ar" <> '')
);
--> statement-breakpoint
CREATE INDEX `programme_active_position_idx` ON `programme` (`is_active`,`position`);--> statement-breakpoint
CREATE TABLE `programme_theme` (
	`programme_id` integer NOT NULL,
	`theme` text NOT NULL,
	PRIMARY KEY(`programme_id`, `theme`),
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `programme_theme_theme_idx` ON `programme_theme` (`theme`);--> statement-breakpoint
CREATE TABLE `member_group_membership` (
	`user_id` integer NOT NULL,
	`group` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`user_id`, `group`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_group_membership_group_idx` ON `member_group_membership` (`group`,`created_at`);--> statement-breakpoint
CREATE TABLE `partner` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`name_ar` text DEFAULT '' NOT NULL,
	`acronym` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_ar` text DEFAULT '' NOT NULL,
	`website` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	CONSTRAINT "partner_has_name" CHECK("partner"."name_en" <> '' OR "partner"."name_ar" <> '')
);
--> statement-breakpoint
CREATE INDEX `partner_kind_idx` ON `partner` (`kind`,`position`);--> statement-breakpoint
CREATE TABLE `partner_initiative` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`meeting_id` integer,
	`programme_id` integer,
	`resource_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partner`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "partner_initiative_one_target" CHECK(("partner_initiative"."meeting_id" IS NOT NULL) + ("partner_initiative"."programme_id" IS NOT NULL) + ("partner_initiative"."resource_id" IS NOT NULL) = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_initiative_meeting_idx` ON `partner_initiative` (`partner_id`,`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `partner_initiative_programme_idx` ON `partner_initiative` (`partner_id`,`programme_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `partner_initiative_resource_idx` ON `partner_initiative` (`partner_id`,`resource_id`);--> statement-breakpoint
CREATE INDEX `partner_initiative_meeting_id_idx` ON `partner_initiative` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `partner_initiative_programme_id_idx` ON `partner_initiative` (`programme_id`);--> statement-breakpoint
CREATE INDEX `partner_initiative_resource_id_idx` ON `partner_initiative` (`resource_id`);--> statement-breakpoint
CREATE TABLE `partner_theme` (
	`partner_id` integer NOT NULL,
	`theme` text NOT NULL,
	PRIMARY KEY(`partner_id`, `theme`),
	FOREIGN KEY (`partner_id`) REFERENCES `partner`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `partner_theme_theme_idx` ON `partner_theme` (`theme`);