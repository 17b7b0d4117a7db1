CREATE TABLE `mechanism_proposal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`parliament_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`name_ar` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_ar` text DEFAULT '' NOT NULL,
	`year` integer,
	`state` text DEFAULT 'pending' NOT NULL,
	`mechanism_id` integer,
	`reviewed_by_id` integer,
	`reviewed_at` integer,
	`proposed_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `survey_response`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `survey_question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mechanism_id`) REFERENCES `mechanism`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposed_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "mechanism_proposal_has_name" CHECK("mechanism_proposal"."name_en" <> '' OR "mechanism_proposal"."name_ar" <> '')
);
--> statement-breakpoint
CREATE INDEX `mechanism_proposal_state_idx` ON `mechanism_proposal` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `mechanism_proposal_response_id_idx` ON `mechanism_proposal` (`response_id`);--> statement-breakpoint
CREATE INDEX `mechanism_proposal_question_id_idx` ON `mechanism_proposal` (`question_id`);--> statement-breakpoint
CREATE INDEX `mechanism_proposal_parliament_id_idx` ON `mechanism_proposal` (`parliament_id`);--> statement-breakpoint
CREATE INDEX `mechanism_proposal_mechanism_id_idx` ON `mechanism_proposal` (`mechanism_id`);--> statement-breakpoint
CREATE INDEX `mechanism_proposal_reviewed_by_id_idx` ON `mechanism_proposal` (`reviewed_by_id`);--> statement-breakpoint
CREATE INDEX `mechanism_proposal_proposed_by_id_idx` ON `mechanism_proposal` (`proposed_by_id`);--> statement-breakpoint
CREATE TABLE `survey` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_ar` text DEFAULT '' NOT NULL,
	`intro_en` text DEFAULT '' NOT NULL,
	`intro_ar` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`deadline` integer,
	`reminder_days` integer DEFAULT 7 NOT NULL,
	`results_published_at` integer,
	`resource_id` integer,
	`sent_at` integer,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`resource_id`) REFERENCES `resource`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "survey_has_title" CHECK("survey"."title_en" <> '' OR "survey"."title_ar" <> ''),
	CONSTRAINT "survey_reminder_days" CHECK("survey"."reminder_days" BETWEEN 0 AND 60)
);
--> statement-breakpoint
CREATE INDEX `survey_status_idx` ON `survey` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `survey_results_published_at_idx` ON `survey` (`results_published_at`);--> statement-breakpoint
CREATE INDEX `survey_created_by_id_idx` ON `survey` (`created_by_id`);--> statement-breakpoint
CREATE INDEX `survey_resource_id_idx` ON `survey` (`resource_id`);--> statement-breakpoint
CREATE TABLE `survey_answer` (
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`option_id` integer,
	`choice` text,
	`number_value` real,
	`text_value` text,
	`file_id` integer,
	`mechanism_id` integer,
	`proposal_id` integer,
	`updated_by_id` integer,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_response`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `survey_question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `survey_option`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`file_id`) REFERENCES `survey_file`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`mechanism_id`) REFERENCES `mechanism`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposal_id`) REFERENCES `mechanism_proposal`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `survey_answer_question_id_idx` ON `survey_answer` (`question_id`);--> statement-breakpoint
CREATE INDEX `survey_answer_option_id_idx` ON `survey_answer` (`option_id`);--> statement-breakpoint
CREATE INDEX `survey_answer_file_id_idx` ON `survey_answer` (`file_id`);--> statement-breakpoint
CREATE INDEX `survey_answer_mechanism_id_idx` ON `survey_answer` (`mechanism_id`);--> statement-breakpoint
CREATE INDEX `survey_answer_proposal_id_idx` ON `survey_answer` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `survey_answer_choice` (
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`option_id` integer NOT NULL,
	`scale_value` integer,
	PRIMARY KEY(`response_id`, `question_id`, `option_id`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_response`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `survey_question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `survey_option`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_answer_choice_question_id_idx` ON `survey_answer_choice` (`question_id`,`option_id`);--> statement-breakpoint
CREATE INDEX `survey_answer_choice_option_id_idx` ON `survey_answer_choice` (`option_id`);--> statement-breakpoint
CREATE TABLE `survey_file` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`original_name` text NOT NULL,
	`uploaded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `survey_response`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `survey_file_response_id_idx` ON `survey_file` (`response_id`);--> statement-breakpoint
CREATE INDEX `survey_file_sha256_idx` ON `survey_file` (`sha256`);--> statement-breakpoint
CREATE TABLE `survey_option` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label_en` text DEFAULT '' NOT NULL,
	`label_ar` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `survey_question`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "survey_option_has_label" CHECK("survey_option"."label_en" <> '' OR "survey_option"."label_ar" <> '')
);
--> statement-breakpoint
CREATE INDEX `survey_option_question_id_idx` ON `survey_option` (`question_id`,`position`);--> statement-breakpoint
CREATE TABLE `survey_question` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`text_en` text DEFAULT '' NOT NULL,
	`text_ar` text DEFAULT '' NOT NULL,
	`help_en` text DEFAULT '' NOT NULL,
	`help_ar` text DEFAULT '' NOT NULL,
	`is_required` integer DEFAULT false NOT NULL,
	`closed_at` integer,
	`scale_low_en` text DEFAULT '' NOT NULL,
	`scale_low_ar` text DEFAULT '' NOT NULL,
	`scale_high_en` text DEFAULT '' NOT NULL,
	`scale_high_ar` text DEFAULT '' NOT NULL,
	`unit_en` text DEFAULT '' NOT NULL,
	`unit_ar` text DEFAULT '' NOT NULL,
	`number_min` real,
	`number_max` real,
	`condition_question_id` integer,
	`condition_value` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `survey_section`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`condition_question_id`) REFERENCES `survey_question`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "survey_question_has_text" CHECK("survey_question"."text_en" <> '' OR "survey_question"."text_ar" <> ''),
	CONSTRAINT "survey_question_bounds_in_order" CHECK("survey_question"."number_min" IS NULL OR "survey_question"."number_max" IS NULL OR "survey_question"."number_min" <= "survey_question"."number_max"),
	CONSTRAINT "survey_question_condition_whole" CHECK(("survey_question"."condition_question_id" IS NULL) = ("survey_question"."condition_value" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `survey_question_survey_id_idx` ON `survey_question` (`survey_id`,`position`);--> statement-breakpoint
CREATE INDEX `survey_question_section_id_idx` ON `survey_question` (`section_id`,`position`);--> statement-breakpoint
CREATE INDEX `survey_question_condition_question_id_idx` ON `survey_question` (`condition_question_id`);--> statement-breakpoint
CREATE TABLE `survey_response` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`parliament_id` integer NOT NULL,
	`status` text DEFAULT 'invited' NOT NULL,
	`invited_at` integer DEFAULT (unixepoch()) NOT NULL,
	`started_at` integer,
	`submitted_at` integer,
	`submitted_by_id` integer,
	`reopened_at` integer,
	`last_activity_at` integer,
	`last_activity_by_id` integer,
	`reminder_sent_at` integer,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parliament_id`) REFERENCES `parliament`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`last_activity_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_response_survey_id_parliament_id_idx` ON `survey_response` (`survey_id`,`parliament_id`);--> statement-breakpoint
CREATE INDEX `survey_response_parliament_id_idx` ON `survey_response` (`parliament_id`,`status`);--> statement-breakpoint
CREATE INDEX `survey_response_survey_id_status_idx` ON `survey_response` (`survey_id`,`status`);--> statement-breakpoint
CREATE TABLE `survey_section` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_ar` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_ar` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_section_survey_id_idx` ON `survey_section` (`survey_id`,`position`);