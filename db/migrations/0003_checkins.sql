CREATE TYPE "public"."checkin_method" AS ENUM('qr', 'code', 'proxy');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('open', 'upheld', 'dismissed');--> statement-breakpoint
CREATE TABLE "checkin_disputes" (
	"id" serial PRIMARY KEY NOT NULL,
	"checkin_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" "dispute_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"method" "checkin_method" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"scanned_at" timestamp with time zone,
	"step" integer,
	"offline" boolean DEFAULT false NOT NULL,
	"late" boolean NOT NULL,
	"proxy_by" integer,
	"proxy_reason" text,
	"response" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "checkin_secret" text DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "checkin_disputes" ADD CONSTRAINT "checkin_disputes_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_disputes" ADD CONSTRAINT "checkin_disputes_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_disputes" ADD CONSTRAINT "checkin_disputes_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_proxy_by_users_id_fk" FOREIGN KEY ("proxy_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkin_disputes_checkin" ON "checkin_disputes" USING btree ("checkin_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_client" ON "checkins" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_activity_member" ON "checkins" USING btree ("activity_id","member_id");