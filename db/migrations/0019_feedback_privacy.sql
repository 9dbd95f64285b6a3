CREATE TABLE "feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"receipt" text NOT NULL,
	"county_id" integer NOT NULL,
	"path" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"branch_id" integer,
	"sender_id" integer,
	"contact" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_body" CHECK (length("feedback"."body") between 1 and 2000),
	CONSTRAINT "feedback_branch" CHECK (("feedback"."subject" = 'branch') = ("feedback"."branch_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "public_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"address" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correction_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "correction_requests_body" CHECK (length("correction_requests"."body") between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "privacy_acknowledgements" (
	"user_id" integer NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_acknowledgements_user_id_version_pk" PRIMARY KEY("user_id","version")
);
--> statement-breakpoint
ALTER TABLE "county_settings" ADD COLUMN "feedback_days" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_acknowledgements" ADD CONSTRAINT "privacy_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_receipt" ON "feedback" USING btree ("receipt");--> statement-breakpoint
CREATE INDEX "feedback_sender" ON "feedback" USING btree ("sender_id");--> statement-breakpoint
CREATE INDEX "feedback_path_status" ON "feedback" USING btree ("path","status");--> statement-breakpoint
CREATE INDEX "public_attempts_address" ON "public_attempts" USING btree ("kind","address","created_at");--> statement-breakpoint
CREATE INDEX "correction_requests_branch" ON "correction_requests" USING btree ("branch_id","status");