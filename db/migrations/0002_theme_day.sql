CREATE TYPE "public"."activity_status" AS ENUM('scheduled', 'closed');--> statement-breakpoint
CREATE TYPE "public"."activity_type" AS ENUM('theme_day', 'general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture');--> statement-breakpoint
CREATE TYPE "public"."agenda_kind" AS ENUM('oath', 'dues', 'custom');--> statement-breakpoint
CREATE TYPE "public"."attendance_source" AS ENUM('manual', 'checkin', 'proxy', 'close');--> statement-breakpoint
CREATE TYPE "public"."schedule_change_status" AS ENUM('pending_committee', 'pending_county', 'approved', 'returned', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."notice_kind" AS ENUM('activity', 'reminder', 'schedule_change', 'plan_revision');--> statement-breakpoint
CREATE TYPE "public"."attendance_outcome" AS ENUM('present', 'late', 'leave', 'absent');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"branch_id" integer NOT NULL,
	"plan_id" integer,
	"plan_version" integer,
	"type" "activity_type" NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "activity_status" DEFAULT 'scheduled' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_theme_day_has_plan" CHECK (("activities"."type" = 'theme_day') = ("activities"."plan_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "activity_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" "agenda_kind" DEFAULT 'custom' NOT NULL,
	"title" text NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" integer,
	"note" text,
	"evidence_id" integer
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"expected" boolean NOT NULL,
	"outcome" "attendance_outcome",
	"source" "attendance_source",
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"month" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_amount" CHECK ("dues_payments"."amount_fen" > 0 and "dues_payments"."amount_fen" <= 10000000)
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"activity_id" integer,
	"kind" "notice_kind" NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" "agenda_kind" DEFAULT 'custom' NOT NULL,
	"title" text NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_id" integer NOT NULL,
	"month" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_month_format" CHECK ("plans"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "plans_duration" CHECK ("plans"."duration_minutes" between 15 and 480)
);
--> statement-breakpoint
CREATE TABLE "schedule_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"from_starts_at" timestamp with time zone NOT NULL,
	"to_starts_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" "schedule_change_status" DEFAULT 'pending_committee' NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committee_by" integer,
	"committee_comment" text,
	"committee_at" timestamp with time zone,
	"county_by" integer,
	"county_comment" text,
	"county_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_steps" ADD CONSTRAINT "activity_steps_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_steps" ADD CONSTRAINT "activity_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_steps" ADD CONSTRAINT "activity_steps_evidence_id_uploads_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_changes" ADD CONSTRAINT "schedule_changes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_changes" ADD CONSTRAINT "schedule_changes_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_changes" ADD CONSTRAINT "schedule_changes_committee_by_users_id_fk" FOREIGN KEY ("committee_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_changes" ADD CONSTRAINT "schedule_changes_county_by_users_id_fk" FOREIGN KEY ("county_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_plan_branch" ON "activities" USING btree ("plan_id","branch_id");--> statement-breakpoint
CREATE INDEX "activities_branch_start" ON "activities" USING btree ("branch_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_steps_position" ON "activity_steps" USING btree ("activity_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_activity_member" ON "attendance" USING btree ("activity_id","member_id");--> statement-breakpoint
CREATE INDEX "attendance_member" ON "attendance" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_activity_member" ON "dues_payments" USING btree ("activity_id","member_id");--> statement-breakpoint
CREATE INDEX "notices_user_unread" ON "notices" USING btree ("user_id") WHERE "notices"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notices_user_created" ON "notices" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notices_activity" ON "notices" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_position" ON "plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_county_month" ON "plans" USING btree ("county_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_changes_one_open" ON "schedule_changes" USING btree ("activity_id") WHERE "schedule_changes"."status" in ('pending_committee', 'pending_county');--> statement-breakpoint
CREATE INDEX "schedule_changes_status" ON "schedule_changes" USING btree ("status");