CREATE TYPE "public"."review_grade" AS ENUM('excellent', 'qualified', 'basically_qualified', 'unqualified');--> statement-breakpoint
CREATE TYPE "public"."review_round_status" AS ENUM('voting', 'counted');--> statement-breakpoint
ALTER TYPE "public"."activity_type" ADD VALUE 'org_life_meeting';--> statement-breakpoint
ALTER TYPE "public"."activity_type" ADD VALUE 'member_review';--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" "review_round_status" DEFAULT 'voting' NOT NULL,
	"excellent_numerator" integer NOT NULL,
	"excellent_denominator" integer NOT NULL,
	"counted_at" timestamp with time zone,
	"counted_by" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_rounds_share" CHECK ("review_rounds"."excellent_denominator" > 0 and "review_rounds"."excellent_numerator" between 0 and "review_rounds"."excellent_denominator")
);
--> statement-breakpoint
CREATE TABLE "review_subjects" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"self_assessment" text,
	"self_assessed_at" timestamp with time zone,
	"proposed_grade" "review_grade",
	"proposed_reason" text,
	"proposed_by" integer,
	"proposed_at" timestamp with time zone,
	"grade" "review_grade",
	"grade_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "review_subjects_unqualified_reason" CHECK ("review_subjects"."grade" is distinct from 'unqualified' or "review_subjects"."grade_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "review_tallies" (
	"round_id" integer NOT NULL,
	"subject_id" integer NOT NULL,
	"grade" "review_grade" NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "review_tallies_round_id_subject_id_grade_pk" PRIMARY KEY("round_id","subject_id","grade"),
	CONSTRAINT "review_tallies_votes" CHECK ("review_tallies"."votes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "review_voters" (
	"round_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "review_voters_round_id_member_id_pk" PRIMARY KEY("round_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "county_settings" ADD COLUMN "review_excellent_numerator" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "county_settings" ADD COLUMN "review_excellent_denominator" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_counted_by_users_id_fk" FOREIGN KEY ("counted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_subjects" ADD CONSTRAINT "review_subjects_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_subjects" ADD CONSTRAINT "review_subjects_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_subjects" ADD CONSTRAINT "review_subjects_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_subjects" ADD CONSTRAINT "review_subjects_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tallies" ADD CONSTRAINT "review_tallies_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tallies" ADD CONSTRAINT "review_tallies_subject_id_review_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."review_subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_voters" ADD CONSTRAINT "review_voters_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_voters" ADD CONSTRAINT "review_voters_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_rounds_activity" ON "review_rounds" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_rounds_branch_year" ON "review_rounds" USING btree ("branch_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "review_subjects_round_member" ON "review_subjects" USING btree ("round_id","member_id");--> statement-breakpoint
CREATE INDEX "review_subjects_member" ON "review_subjects" USING btree ("member_id");--> statement-breakpoint
ALTER TABLE "county_settings" ADD CONSTRAINT "county_settings_review_share" CHECK ("county_settings"."review_excellent_denominator" between 1 and 100 and "county_settings"."review_excellent_numerator" between 0 and "county_settings"."review_excellent_denominator");