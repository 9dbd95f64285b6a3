CREATE TABLE "county_settings" (
	"county_id" integer PRIMARY KEY NOT NULL,
	"member_ranking" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "county_settings" ADD CONSTRAINT "county_settings_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;