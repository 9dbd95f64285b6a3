CREATE TYPE "public"."appeal_status" AS ENUM('pending', 'answered');--> statement-breakpoint
CREATE TYPE "public"."cap_period" AS ENUM('year', 'half_year', 'month');--> statement-breakpoint
CREATE TABLE "point_appeals" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" "appeal_status" DEFAULT 'pending' NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_appeals_reason" CHECK (length("point_appeals"."reason") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "point_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"rule_id" integer,
	"rule_code" text NOT NULL,
	"points" numeric(6, 1) NOT NULL,
	"source_type" text NOT NULL,
	"source_id" integer,
	"occurred_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"caused_by" integer,
	"reverses_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_entries_reason" CHECK (length("point_entries"."reason") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "point_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"points" numeric(5, 1) NOT NULL,
	"cap_group" text,
	"cap" numeric(6, 1),
	"cap_period" "cap_period",
	"effective_from" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_rules_points" CHECK ("point_rules"."points" between -100 and 100 and "point_rules"."points" <> 0),
	CONSTRAINT "point_rules_cap" CHECK (("point_rules"."cap" is null) = ("point_rules"."cap_period" is null) and ("point_rules"."cap" is null or "point_rules"."cap" > 0))
);
--> statement-breakpoint
ALTER TABLE "point_appeals" ADD CONSTRAINT "point_appeals_entry_id_point_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."point_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_appeals" ADD CONSTRAINT "point_appeals_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_appeals" ADD CONSTRAINT "point_appeals_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_rule_id_point_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."point_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_caused_by_users_id_fk" FOREIGN KEY ("caused_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "point_appeals_one_open" ON "point_appeals" USING btree ("entry_id") WHERE "point_appeals"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "point_entries_once" ON "point_entries" USING btree ("source_type","source_id","member_id","rule_code") WHERE "point_entries"."reverses_id" is null and "point_entries"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "point_entries_reversed_once" ON "point_entries" USING btree ("reverses_id") WHERE "point_entries"."reverses_id" is not null;--> statement-breakpoint
CREATE INDEX "point_entries_member_at" ON "point_entries" USING btree ("member_id","occurred_at");--> statement-breakpoint
CREATE INDEX "point_entries_branch_at" ON "point_entries" USING btree ("branch_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "point_rules_code_version" ON "point_rules" USING btree ("code","version");