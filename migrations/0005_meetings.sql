CREATE TABLE `calendar_feed` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_token_hash_idx` ON `calendar_feed` (`token_hash`);--> statement-breakpoint
CREATE TABLE `meeting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`format` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_ar` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_ar` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`country_code` text,
	`address` text DEFAULT '' NOT NULL,
	`online_url` text,
	`region` text,
	`time_zone` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`year` integer NOT NULL,
	`hosts` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`capacity` integer,
	`registration_deadline` integer,
	`requires_approval` integer DEFAULT false NOT NULL,
	`outcome_en` text DEFAULT '' NOT NULL,
	`outcome_ar` text DEFAULT '' NOT NULL,
	`outcome_published_at` integer,
	`created_by_id` integer,
	`published_at` integer,
	`cancelled_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "meeting_has_title" CHECK("meeting"."title_en" <> '' OR "meeting"."title_ar" <> ''),
	CONSTRAINT "meeting_ends_after_start" CHECK("meeting"."ends_at" > "meeting"."starts_at"),
	CONSTRAINT "meeting_capacity_positive" CHECK("meeting"."capacity" IS NULL OR "meeting"."capacity" >= 0)
);
--> statement-breakpoint
CREATE INDEX `meeting_state_starts_at_idx` ON `meeting` (`state`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meeting_year_idx` ON `meeting` (`year`);--> statement-breakpoint
CREATE TABLE `meeting_document` (
	`meeting_id` integer NOT NULL,
	`resource_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`meeting_id`, `resource_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_document_resource_id_idx` ON `meeting_document` (`resource_id`);--> statement-breakpoint
CREATE TABLE `meeting_invitation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`parliament_id` integer,
	`user_id` integer,
	`invited_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "meeting_invitation_one_target" CHECK(("meeting_invitation"."parliament_id" IS NULL) <> ("meeting_invitation"."user_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_invitation_meeting_parliament_idx` ON `meeting_invitation` (`meeting_id`,`parliament_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_invitation_meeting_user_idx` ON `meeting_invitation` (`meeting_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `meeting_invitation_parliament_id_idx` ON `meeting_invitation` (`parliament_id`);--> statement-breakpoint
CREATE INDEX `meeting_invitation_user_id_idx` ON `meeting_invitation` (`user_id`);--> statement-breakpoint
CREATE TABLE `meeting_registration` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`state` text NOT NULL,
	`attendance_mode` text NOT NULL,
	`interpretation` text DEFAULT '' NOT NULL,
	`accessibility_needs` text DEFAULT '' NOT NULL,
	`dietary_needs` text DEFAULT '' NOT NULL,
	`attended` integer,
	`requested_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_registration_meeting_user_idx` ON `meeting_registration` (`meeting_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `meeting_registration_meeting_state_idx` ON `meeting_registration` (`meeting_id`,`state`,`requested_at`);--> statement-breakpoint
CREATE INDEX `meeting_registration_user_id_idx` ON `meeting_registration` (`user_id`);--> statement-breakpoint
CREATE TABLE `meeting_reminder` (
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`, `kind`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_ar` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_ar` text DEFAULT '' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`room` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "meeting_session_has_title" CHECK("meeting_session"."title_en" <> '' OR "meeting_session"."title_ar" <> ''),
	CONSTRAINT "meeting_session_ends_after_start" CHECK("meeting_session"."ends_at" > "meeting_session"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `meeting_session_meeting_id_starts_at_idx` ON `meeting_session` (`meeting_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `meeting_session_resource` (
	`session_id` integer NOT NULL,
	`resource_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `resource_id`),
	FOREIGN KEY (`session_id`) REFERENCES `meeting_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_session_resource_resource_id_idx` ON `meeting_session_resource` (`resource_id`);--> statement-breakpoint
CREATE TABLE `meeting_session_speaker` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`member_id` integer,
	`name` text DEFAULT '' NOT NULL,
	`affiliation` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `meeting_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meeting_session_speaker_session_id_idx` ON `meeting_session_speaker` (`session_id`);--> statement-breakpoint
CREATE INDEX `meeting_session_speaker_member_id_idx` ON `meeting_session_speaker` (`member_id`);