CREATE TYPE "public"."audit_outcome" AS ENUM('ok', 'denied', 'failed');--> statement-breakpoint
CREATE TYPE "public"."org_kind" AS ENUM('county', 'committee', 'branch', 'community', 'grid');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."member_category" AS ENUM('formal', 'probationary');--> statement-breakpoint
CREATE TYPE "public"."member_employment" AS ENUM('in_office', 'retired');--> statement-breakpoint
CREATE TYPE "public"."member_presence" AS ENUM('home', 'away');--> statement-breakpoint
CREATE TYPE "public"."role_name" AS ENUM('secretary', 'committee_admin', 'county_admin', 'grid_worker');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"node_path" text,
	"outcome" "audit_outcome" NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "org_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "org_kind" NOT NULL,
	"name" text NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"retired_cadre" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_nodes_path_unique" UNIQUE("path"),
	CONSTRAINT "org_nodes_name_not_blank" CHECK (length(trim("org_nodes"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "activation_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"branch_id" integer NOT NULL,
	"gender" "gender" NOT NULL,
	"category" "member_category" DEFAULT 'formal' NOT NULL,
	"presence" "member_presence" DEFAULT 'home' NOT NULL,
	"employment" "member_employment" DEFAULT 'in_office' NOT NULL,
	"joined_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"role" "role_name" NOT NULL,
	"node_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_phone_unique" UNIQUE("phone")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_nodes" ADD CONSTRAINT "org_nodes_parent_id_org_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_branch_id_org_nodes_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_node_path" ON "audit_log" USING btree ("node_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_nodes_path_prefix" ON "org_nodes" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_nodes_parent" ON "org_nodes" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "activation_codes_user" ON "activation_codes" USING btree ("user_id") WHERE "activation_codes"."used_at" is null;--> statement-breakpoint
CREATE INDEX "members_branch" ON "members" USING btree ("branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_unique" ON "role_grants" USING btree ("user_id","role","node_id");--> statement-breakpoint
CREATE INDEX "role_grants_node" ON "role_grants" USING btree ("node_id");