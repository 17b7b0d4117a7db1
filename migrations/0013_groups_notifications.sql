CREATE TABLE `group_link` (
	`group_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`added_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`group_id`, `kind`, `target_id`),
	FOREIGN KEY (`group_id`) REFERENCES `work_group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `group_link_kind_target_id_idx` ON `group_link` (`kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `group_member` (
	`group_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`requested_at` integer DEFAULT (unixepoch()) NOT NULL,
	`decided_at` integer,
	`decided_by_id` integer,
	PRIMARY KEY(`group_id`, `user_id`),
	FOREIGN KEY (`group_id`) REFERENCES `work_group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `group_member_user_id_idx` ON `group_member` (`user_id`,`state`);--> statement-breakpoint
CREATE INDEX `group_member_group_id_state_idx` ON `group_member` (`group_id`,`state`);--> statement-breakpoint
CREATE TABLE `group_position` (
	`proposal_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`position` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`proposal_id`, `user_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `group_proposal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_position_user_id_idx` ON `group_position` (`user_id`);--> statement-breakpoint
CREATE TABLE `group_post` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`quoted_post_id` integer,
	`edited_at` integer,
	`hidden_at` integer,
	`hidden_by_id` integer,
	`hidden_reason` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `group_thread`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`quoted_post_id`) REFERENCES `group_post`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`hidden_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "group_post_has_body" CHECK("group_post"."body" <> '')
);
--> statement-breakpoint
CREATE INDEX `group_post_thread_id_idx` ON `group_post` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `group_post_author_id_idx` ON `group_post` (`author_id`);--> statement-breakpoint
CREATE INDEX `group_post_quoted_post_id_idx` ON `group_post` (`quoted_post_id`);--> statement-breakpoint
CREATE INDEX `group_post_hidden_by_id_idx` ON `group_post` (`hidden_by_id`);--> statement-breakpoint
CREATE TABLE `group_post_flag` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`flagged_by_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`resolved_at` integer,
	`resolved_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `group_post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`flagged_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `group_post_flag_post_id_idx` ON `group_post_flag` (`post_id`);--> statement-breakpoint
CREATE INDEX `group_post_flag_open_idx` ON `group_post_flag` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `group_post_flag_post_id_flagged_by_id_idx` ON `group_post_flag` (`post_id`,`flagged_by_id`);--> statement-breakpoint
CREATE TABLE `group_post_mention` (
	`post_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`post_id`, `user_id`),
	FOREIGN KEY (`post_id`) REFERENCES `group_post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_post_mention_user_id_idx` ON `group_post_mention` (`user_id`);--> statement-breakpoint
CREATE TABLE `group_proposal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`text` text NOT NULL,
	`closes_at` integer NOT NULL,
	`closed_at` integer,
	`outcome` text,
	`outcome_by_id` integer,
	`created_by_id` integer,
	`close_announced_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `group_thread`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outcome_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "group_proposal_has_text" CHECK("group_proposal"."text" <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_proposal_thread_id_idx` ON `group_proposal` (`thread_id`);--> statement-breakpoint
CREATE INDEX `group_proposal_closes_at_idx` ON `group_proposal` (`closed_at`,`closes_at`);--> statement-breakpoint
CREATE TABLE `group_thread` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`title` text NOT NULL,
	`author_id` integer,
	`last_post_at` integer DEFAULT (unixepoch()) NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `work_group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "group_thread_has_title" CHECK("group_thread"."title" <> '')
);
--> statement-breakpoint
CREATE INDEX `group_thread_group_id_last_post_at_idx` ON `group_thread` (`group_id`,`last_post_at`);--> statement-breakpoint
CREATE INDEX `group_thread_author_id_idx` ON `group_thread` (`author_id`);--> statement-breakpoint
CREATE TABLE `work_group` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`name_ar` text DEFAULT '' NOT NULL,
	`purpose_en` text DEFAULT '' NOT NULL,
	`purpose_ar` text DEFAULT '' NOT NULL,
	`access` text DEFAULT 'closed' NOT NULL,
	`created_by_id` integer,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "work_group_has_name" CHECK("work_group"."name_en" <> '' OR "work_group"."name_ar" <> '')
);
--> statement-breakpoint
CREATE INDEX `work_group_access_idx` ON `work_group` (`access`);--> statement-breakpoint
CREATE INDEX `work_group_created_by_id_idx` ON `work_group` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `digest_sent` (
	`user_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_key` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`user_id`, `period`, `period_key`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `follow` (
	`user_id` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`level` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`user_id`, `target_type`, `target_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_target_idx` ON `follow` (`target_type`,`target_id`,`level`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`group_id` integer,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_ar` text DEFAULT '' NOT NULL,
	`path` text NOT NULL,
	`read_at` integer,
	`mailed_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`group_id`) REFERENCES `work_group`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notification_user_id_idx` ON `notification` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notification_unread_idx` ON `notification` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notification_unmailed_idx` ON `notification` (`mailed_at`,`user_id`);--> statement-breakpoint
CREATE INDEX `notification_group_id_idx` ON `notification` (`group_id`);--> statement-breakpoint
CREATE INDEX `notification_actor_id_idx` ON `notification` (`actor_id`);--> statement-breakpoint
CREATE INDEX `notification_subject_idx` ON `notification` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `notification_preference` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`delivery` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `saved_search` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`query` text DEFAULT '' NOT NULL,
	`frequency` text DEFAULT 'off' NOT NULL,
	`high_water_mark` integer DEFAULT 0 NOT NULL,
	`last_run_at` integer,
	`last_period_key` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `saved_search_user_id_idx` ON `saved_search` (`user_id`);--> statement-breakpoint
CREATE INDEX `saved_search_frequency_idx` ON `saved_search` (`frequency`,`last_period_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `saved_search_user_id_name_idx` ON `saved_search` (`user_id`,`name`);