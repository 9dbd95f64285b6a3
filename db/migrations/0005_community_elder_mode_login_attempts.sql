CREATE TYPE "public"."hours_status" AS ENUM('submitted', 'confirmed', 'rejected', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('pending', 'confirmed', 'returned', 'ended');--> statement-breakpoint
CREATE TABLE "community_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"status" "report_status" DEFAULT 'pending' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"comment" text,
	"ended_at" timestamp with time zone,
	CONSTRAINT "community_reports_note_len" CHECK ("community_reports"."note" is null or length("community_reports"."note") <= 200)
);
--> statement-breakpoint
CREATE TABLE "report_posts" (
	"report_id" integer NOT NULL,
	"post_id" integer NOT NULL,
	CONSTRAINT "report_posts_report_id_post_id_pk" PRIMARY KEY("report_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "service_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"grid_id" integer,
	"title" text NOT NULL,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"post_id" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "service_activities_minutes" CHECK ("service_activities"."minutes" between 30 and 720),
	CONSTRAINT "service_activities_capacity" CHECK ("service_activities"."capacity" between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "service_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "service_posts_name_len" CHECK (length(trim("service_posts"."name")) between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "service_signups" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"member_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"activity_id" integer,
	"served_on" date NOT NULL,
	"half_hours" integer NOT NULL,
	"description" text NOT NULL,
	"status" "hours_status" NOT NULL,
	"replaces_id" integer,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "volunteer_hours_half_hours" CHECK ("volunteer_hours"."half_hours" between 1 and 24),
	CONSTRAINT "volunteer_hours_description_len" CHECK (length("volunteer_hours"."description") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"address" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "elder_mode" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_community_id_org_nodes_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_grid_id_org_nodes_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_posts" ADD CONSTRAINT "report_posts_report_id_community_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."community_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_posts" ADD CONSTRAINT "report_posts_post_id_service_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."service_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_activities" ADD CONSTRAINT "service_activities_community_id_org_nodes_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_activities" ADD CONSTRAINT "service_activities_grid_id_org_nodes_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_activities" ADD CONSTRAINT "service_activities_post_id_service_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."service_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_activities" ADD CONSTRAINT "service_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_posts" ADD CONSTRAINT "service_posts_community_id_org_nodes_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_signups" ADD CONSTRAINT "service_signups_activity_id_service_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."service_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_signups" ADD CONSTRAINT "service_signups_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_community_id_org_nodes_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_grid_id_org_nodes_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_activity_id_service_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."service_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_reports_one_pending" ON "community_reports" USING btree ("member_id") WHERE "community_reports"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "community_reports_one_confirmed" ON "community_reports" USING btree ("member_id") WHERE "community_reports"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "community_reports_grid_status" ON "community_reports" USING btree ("grid_id","status");--> statement-breakpoint
CREATE INDEX "service_activities_community_starts" ON "service_activities" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_posts_name" ON "service_posts" USING btree ("community_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "service_signups_one_live" ON "service_signups" USING btree ("activity_id","member_id") WHERE "service_signups"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "service_signups_member" ON "service_signups" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_hours_client" ON "volunteer_hours" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_hours_one_per_activity" ON "volunteer_hours" USING btree ("activity_id","member_id") WHERE "volunteer_hours"."activity_id" is not null and "volunteer_hours"."status" in ('submitted', 'confirmed');--> statement-breakpoint
CREATE INDEX "volunteer_hours_member_day" ON "volunteer_hours" USING btree ("member_id","served_on");--> statement-breakpoint
CREATE INDEX "volunteer_hours_grid_status" ON "volunteer_hours" USING btree ("grid_id","status");--> statement-breakpoint
CREATE INDEX "login_attempts_phone_at" ON "login_attempts" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_address_at" ON "login_attempts" USING btree ("address","created_at");