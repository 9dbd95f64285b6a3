ALTER TYPE "public"."reminder_kind" ADD VALUE 'leave_digest';--> statement-breakpoint
ALTER TYPE "public"."reminder_kind" ADD VALUE 'not_closed';
