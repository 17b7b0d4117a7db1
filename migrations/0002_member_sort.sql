-- Expression indexes for the members directory's sort (name in the page's language, falling back to the
-- other). Written by hand through `drizzle-kit generate --custom`: drizzle-kit 0.31 cannot express them.
CREATE INDEX `member_sort_en_idx` ON `member` (coalesce(nullif("name_en", ''), "name_ar"), "id");--> statement-breakpoint
CREATE INDEX `member_sort_ar_idx` ON `member` (coalesce(nullif("name_ar", ''), "name_en"), "id");
