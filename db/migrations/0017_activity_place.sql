ALTER TYPE "public"."notice_kind" ADD VALUE 'place_change';--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "place" text DEFAULT '' NOT NULL;