CREATE TYPE "public"."checkin_review" AS ENUM('pending', 'confirmed', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."attendance_source" ADD VALUE 'host';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'dispute';--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "review" "checkin_review";--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "reviewed_by" integer;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;