CREATE TYPE "public"."leave_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."leave_type" AS ENUM('sick', 'official', 'personal', 'other');--> statement-breakpoint
ALTER TYPE "public"."attendance_source" ADD VALUE 'leave';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'leave';--> statement-breakpoint
CREATE TABLE "leave_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"type" "leave_type" NOT NULL,
	"reason" text NOT NULL,
	"attachment_id" integer,
	"status" "leave_status" DEFAULT 'pending' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"filed_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"comment" text,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "leave_requests_reason" CHECK (length("leave_requests"."reason") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "makeup_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"leave_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"reflection" text,
	"submitted_at" timestamp with time zone,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "makeup_tasks_reflection" CHECK ("makeup_tasks"."reflection" is null or length("makeup_tasks"."reflection") between 50 and 2000)
);
--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_attachment_id_uploads_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_tasks" ADD CONSTRAINT "makeup_tasks_leave_id_leave_requests_id_fk" FOREIGN KEY ("leave_id") REFERENCES "public"."leave_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_tasks" ADD CONSTRAINT "makeup_tasks_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_tasks" ADD CONSTRAINT "makeup_tasks_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_tasks" ADD CONSTRAINT "makeup_tasks_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leave_requests_client" ON "leave_requests" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "leave_requests_one_live" ON "leave_requests" USING btree ("activity_id","member_id") WHERE "leave_requests"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "leave_requests_activity_status" ON "leave_requests" USING btree ("activity_id","status");--> statement-breakpoint
CREATE INDEX "leave_requests_member" ON "leave_requests" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "makeup_tasks_leave" ON "makeup_tasks" USING btree ("leave_id");--> statement-breakpoint
CREATE INDEX "makeup_tasks_activity" ON "makeup_tasks" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "makeup_tasks_member" ON "makeup_tasks" USING btree ("member_id");