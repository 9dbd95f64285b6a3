CREATE TYPE "public"."assessment_tier" AS ENUM('excellent', 'qualified', 'unqualified');--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"node_id" integer NOT NULL,
	"score" numeric(5, 1) NOT NULL,
	"tier" "assessment_tier" NOT NULL,
	"note" text,
	"set_by" integer NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_note_len" CHECK ("assessments"."note" is null or length("assessments"."note") <= 500)
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_year_node" ON "assessments" USING btree ("year","node_id");