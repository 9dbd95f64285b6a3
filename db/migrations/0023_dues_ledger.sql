CREATE TYPE "public"."dues_channel" AS ENUM('theme_day', 'secretary');--> statement-breakpoint
CREATE TYPE "public"."dues_kind" AS ENUM('in_work', 'retired', 'student', 'unemployed', 'low_income');--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'dues';--> statement-breakpoint
CREATE TABLE "dues_bases" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"from_month" text NOT NULL,
	"kind" "dues_kind" NOT NULL,
	"base_fen" integer,
	"declared_by" integer NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_bases_month" CHECK ("dues_bases"."from_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_bases_fen" CHECK (("dues_bases"."kind" in ('student', 'unemployed', 'low_income')) = ("dues_bases"."base_fen" is null) and ("dues_bases"."base_fen" is null or "dues_bases"."base_fen" between 0 and 100000000))
);
--> statement-breakpoint
CREATE TABLE "dues_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"month" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"due_fen" integer NOT NULL,
	"channel" "dues_channel" NOT NULL,
	"activity_id" integer,
	"payer_name" text,
	"note" text,
	"client_id" text,
	"reverses_id" integer,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_entries_month" CHECK ("dues_entries"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_entries_amount" CHECK ("dues_entries"."amount_fen" <> 0 and abs("dues_entries"."amount_fen") <= 10000000 and ("dues_entries"."reverses_id" is null) = ("dues_entries"."amount_fen" > 0))
);
--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_entries" ADD CONSTRAINT "dues_entries_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_entries" ADD CONSTRAINT "dues_entries_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_entries" ADD CONSTRAINT "dues_entries_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_entries" ADD CONSTRAINT "dues_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dues_bases_member" ON "dues_bases" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_entries_client_month" ON "dues_entries" USING btree ("client_id","month") WHERE "dues_entries"."client_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dues_entries_reversed_once" ON "dues_entries" USING btree ("reverses_id") WHERE "dues_entries"."reverses_id" is not null;--> statement-breakpoint
CREATE INDEX "dues_entries_member_month" ON "dues_entries" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "dues_entries_branch_at" ON "dues_entries" USING btree ("branch_id","recorded_at");--> statement-breakpoint
CREATE INDEX "dues_entries_activity" ON "dues_entries" USING btree ("activity_id");