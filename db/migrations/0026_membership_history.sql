CREATE TYPE "public"."away_report_status" AS ENUM('pending', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."member_event_kind" AS ENUM('made_full', 'died', 'left_party', 'transferred_out', 'transferred_in');--> statement-breakpoint
CREATE TYPE "public"."transfer_status" AS ENUM('pending', 'accepted', 'returned', 'withdrawn');--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'membership';--> statement-breakpoint
CREATE TABLE "away_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"spell_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"note" text NOT NULL,
	"photo_id" integer,
	"status" "away_report_status" DEFAULT 'pending' NOT NULL,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "away_reports_note" CHECK (length("away_reports"."note") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "away_spells" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"place" text NOT NULL,
	"host_org" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"started_on" date NOT NULL,
	"until" date NOT NULL,
	"ended_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "away_spells_dates" CHECK ("away_spells"."until" >= "away_spells"."started_on")
);
--> statement-breakpoint
CREATE TABLE "member_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"kind" "member_event_kind" NOT NULL,
	"effective_on" date NOT NULL,
	"reference" text NOT NULL,
	"counterpart" text,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_events_reference" CHECK (length("member_events"."reference") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "member_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"from_branch_id" integer NOT NULL,
	"to_branch_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" "transfer_status" DEFAULT 'pending' NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"chased_at" timestamp with time zone,
	CONSTRAINT "member_transfers_other_branch" CHECK ("member_transfers"."from_branch_id" <> "member_transfers"."to_branch_id"),
	CONSTRAINT "member_transfers_reason" CHECK (length("member_transfers"."reason") between 1 and 500)
);
--> statement-breakpoint
ALTER TABLE "county_settings" ADD COLUMN "transfer_due_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "away_reports" ADD CONSTRAINT "away_reports_spell_id_away_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."away_spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_reports" ADD CONSTRAINT "away_reports_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_reports" ADD CONSTRAINT "away_reports_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_reports" ADD CONSTRAINT "away_reports_photo_id_uploads_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_reports" ADD CONSTRAINT "away_reports_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_spells" ADD CONSTRAINT "away_spells_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_spells" ADD CONSTRAINT "away_spells_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_spells" ADD CONSTRAINT "away_spells_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_from_branch_id_org_nodes_id_fk" FOREIGN KEY ("from_branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_to_branch_id_org_nodes_id_fk" FOREIGN KEY ("to_branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "away_reports_once" ON "away_reports" USING btree ("activity_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "away_spells_one_open" ON "away_spells" USING btree ("member_id") WHERE "away_spells"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "member_events_member" ON "member_events" USING btree ("member_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "member_transfers_one_open" ON "member_transfers" USING btree ("member_id") WHERE "member_transfers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "member_transfers_member_decided" ON "member_transfers" USING btree ("member_id","decided_at");--> statement-breakpoint
CREATE INDEX "member_transfers_to" ON "member_transfers" USING btree ("to_branch_id","status");--> statement-breakpoint
CREATE INDEX "member_transfers_from" ON "member_transfers" USING btree ("from_branch_id","status");