CREATE SEQUENCE "public"."member_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."thing_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "membership_statuses" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"may_log_in" boolean DEFAULT true NOT NULL,
	"may_use_machines" boolean DEFAULT false NOT NULL,
	"in_directory" boolean DEFAULT false NOT NULL,
	"may_vote" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "membership_statuses_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_number" integer,
	"status_id" integer NOT NULL,
	"joined_on" timestamp with time zone,
	"left_on" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_memberNumber_unique" UNIQUE("member_number")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"preferred_language" text DEFAULT 'en' NOT NULL,
	"company" text,
	"job_title" text,
	"interests" text,
	"photo_path" text,
	"partner_person_id" integer,
	"partner_may_edit" boolean DEFAULT false NOT NULL,
	"visibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"board_only" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_personId_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_reset_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "permissions" (
	"key" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_roles" (
	"person_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_roles_person_id_role_id_pk" PRIMARY KEY("person_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "role_permissions" (
	"role_id" integer NOT NULL,
	"permission_key" text NOT NULL,
	CONSTRAINT "role_permissions_role_id_permission_key_pk" PRIMARY KEY("role_id","permission_key")
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "roles_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "status_roles" (
	"status_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	CONSTRAINT "status_roles_status_id_role_id_pk" PRIMARY KEY("status_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "equipment_authorizations" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"equipment_type_id" integer NOT NULL,
	"level" text NOT NULL,
	"source" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by_id" integer,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" integer,
	"revoked_reason" text,
	"training_session_id" integer,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "equipment_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT 'equipment' NOT NULL,
	"board_kind" smallint DEFAULT 5 NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"no_authorization_needed" boolean DEFAULT false NOT NULL,
	"validity_months" integer,
	"expires_without_use_months" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_types_name_unique" UNIQUE("name"),
	CONSTRAINT "equipment_types_board_kind" CHECK ("equipment_types"."board_kind" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "machines" (
	"id" serial PRIMARY KEY NOT NULL,
	"equipment_type_id" integer NOT NULL,
	"name" text NOT NULL,
	"board_id" integer,
	"location" text DEFAULT '' NOT NULL,
	"make" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"serial_number" text DEFAULT '' NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"blocked_reason" text DEFAULT '' NOT NULL,
	"auto_logoff_minutes" integer DEFAULT 0 NOT NULL,
	"grace_minutes" integer DEFAULT 2 NOT NULL,
	"allow_anonymous_board" boolean DEFAULT false NOT NULL,
	"board_username" text,
	"board_password_hash" text,
	"photo_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "machines_boardId_unique" UNIQUE("board_id"),
	CONSTRAINT "machines_boardUsername_unique" UNIQUE("board_username"),
	CONSTRAINT "machines_board_id_range" CHECK ("machines"."board_id" between 0 and 999999),
	CONSTRAINT "machines_minutes" CHECK ("machines"."auto_logoff_minutes" >= 0 and "machines"."grace_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" serial PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"person_id" integer NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	CONSTRAINT "cards_uid_format" CHECK ("cards"."uid" ~ '^[0-9a-f]{8}$')
);
--> statement-breakpoint
CREATE TABLE "broker_heartbeats" (
	"instance_id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"mqtt_port" integer,
	"connected_clients" integer DEFAULT 0 NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"subject_person_id" integer,
	"change_type" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "training_prerequisites" (
	"id" serial PRIMARY KEY NOT NULL,
	"equipment_type_id" integer NOT NULL,
	"level" text NOT NULL,
	"requires_equipment_type_id" integer NOT NULL,
	"requires_level" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"equipment_type_id" integer NOT NULL,
	"level" text DEFAULT 'user' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_session_trainers" (
	"session_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "training_session_trainers_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"equipment_type_id" integer NOT NULL,
	"level" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_capacity" CHECK ("training_sessions"."capacity" between 1 and 500),
	CONSTRAINT "training_sessions_times" CHECK ("training_sessions"."ends_at" > "training_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "training_signups" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"attendance" text,
	"attendance_marked_at" timestamp with time zone,
	"attendance_marked_by_id" integer
);
--> statement-breakpoint
CREATE TABLE "inventory_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "inventory_categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "inventory_locations" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL,
	"kind" text DEFAULT 'box' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thing_loans" (
	"id" serial PRIMARY KEY NOT NULL,
	"thing_id" integer NOT NULL,
	"borrower_person_id" integer NOT NULL,
	"lent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone,
	"lent_by_id" integer,
	"returned_by_id" integer,
	"last_reminder_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "things" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" integer DEFAULT nextval('thing_number_seq') NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" integer,
	"location_id" integer,
	"ownership" text DEFAULT 'owned' NOT NULL,
	"lender_person_id" integer,
	"lender_until" date,
	"value" numeric(12, 2),
	"purchase_date" date,
	"photo_key" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "things_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "membership_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"fee_cents" integer DEFAULT 0 NOT NULL,
	"billing_period" text DEFAULT 'yearly' NOT NULL,
	"partner_rate" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "membership_types_key_unique" UNIQUE("key"),
	CONSTRAINT "membership_types_fee" CHECK ("membership_types"."fee_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"ends_at_year_end" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_range" CHECK ("memberships"."valid_until" is null or "memberships"."valid_until" >= "memberships"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "applicant_confirmations" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applicant_confirmations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "profile_studies" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"field" text NOT NULL,
	"start_year" integer,
	"end_year" integer,
	CONSTRAINT "profile_studies_years" CHECK ("profile_studies"."end_year" is null or "profile_studies"."start_year" is null or "profile_studies"."end_year" >= "profile_studies"."start_year")
);
--> statement-breakpoint
CREATE TABLE "address_holders" (
	"address_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"is_main" boolean DEFAULT false NOT NULL,
	CONSTRAINT "address_holders_address_id_person_id_pk" PRIMARY KEY("address_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "address_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "address_types_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"id" serial PRIMARY KEY NOT NULL,
	"street" text NOT NULL,
	"extra" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"city" text NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_functions" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "committee_functions_committeeId_name_unique" UNIQUE("committee_id","name")
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "committees_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "function_holders" (
	"id" serial PRIMARY KEY NOT NULL,
	"function_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"since" date NOT NULL,
	"until" date,
	CONSTRAINT "function_holders_range" CHECK ("function_holders"."until" is null or "function_holders"."until" >= "function_holders"."since")
);
--> statement-breakpoint
CREATE TABLE "function_roles" (
	"function_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	CONSTRAINT "function_roles_function_id_role_id_pk" PRIMARY KEY("function_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "audit_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"change_type" text NOT NULL,
	"last_notified_id" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_subscriptions_personId_changeType_unique" UNIQUE("person_id","change_type")
);
--> statement-breakpoint
CREATE TABLE "space_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"logo_url" text,
	"logo_key" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"time_zone" text NOT NULL,
	"year_start_month" integer DEFAULT 1 NOT NULL,
	"year_start_day" integer DEFAULT 1 NOT NULL,
	"contact_email" text,
	"board_email" text,
	"website" text,
	"default_language" text NOT NULL,
	"mail_from" text NOT NULL,
	"smtp_host" text,
	"smtp_port" integer,
	"smtp_secure" boolean DEFAULT false NOT NULL,
	"smtp_user" text,
	"smtp_password" text,
	"retention_audit_months" integer DEFAULT 120 NOT NULL,
	"retention_login_attempts_days" integer DEFAULT 30 NOT NULL,
	"retention_usage_days" integer DEFAULT 365 NOT NULL,
	"backup_keep_daily" integer DEFAULT 7 NOT NULL,
	"backup_keep_weekly" integer DEFAULT 4 NOT NULL,
	"machines_dashboard_public" boolean DEFAULT true NOT NULL,
	"inventory_members_may_view" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "space_settings_single_row" CHECK ("space_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feed_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "calendar_subscriptions" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"weekly_announcement" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_occurrences" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"person_id" integer,
	"guest_name" text,
	"guest_email" text,
	"confirmation_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "event_registrations_confirmationTokenHash_unique" UNIQUE("confirmation_token_hash"),
	CONSTRAINT "event_registrations_who" CHECK ("event_registrations"."person_id" is not null or "event_registrations"."guest_email" is not null)
);
--> statement-breakpoint
CREATE TABLE "event_resources" (
	"event_id" integer NOT NULL,
	"resource_id" integer NOT NULL,
	CONSTRAINT "event_resources_event_id_resource_id_pk" PRIMARY KEY("event_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "event_rooms" (
	"event_id" integer NOT NULL,
	"room_id" integer NOT NULL,
	CONSTRAINT "event_rooms_event_id_room_id_pk" PRIMARY KEY("event_id","room_id")
);
--> statement-breakpoint
CREATE TABLE "event_things" (
	"event_id" integer NOT NULL,
	"thing_id" integer NOT NULL,
	CONSTRAINT "event_things_event_id_thing_id_pk" PRIMARY KEY("event_id","thing_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"recurrence_freq" text,
	"recurrence_interval" integer DEFAULT 1 NOT NULL,
	"recurrence_until" timestamp with time zone,
	"recurrence_count" integer,
	"recurrence_weekdays" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"exception_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"responsible_person_id" integer,
	"visibility" text DEFAULT 'members' NOT NULL,
	"capacity" integer,
	"cancelled_at" timestamp with time zone,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_times" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity" CHECK ("events"."capacity" is null or "events"."capacity" >= 1),
	CONSTRAINT "events_interval" CHECK ("events"."recurrence_interval" between 1 and 52)
);
--> statement-breakpoint
CREATE TABLE "machine_bookings" (
	"id" serial PRIMARY KEY NOT NULL,
	"machine_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "machine_bookings_times" CHECK ("machine_bookings"."ends_at" > "machine_bookings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"machine_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_name_unique" UNIQUE("name"),
	CONSTRAINT "resources_machineId_unique" UNIQUE("machine_id")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "boards" (
	"id" serial PRIMARY KEY NOT NULL,
	"machine_id" integer NOT NULL,
	"serial_key" text DEFAULT '' NOT NULL,
	"client_id" text,
	"firmware_version" text,
	"ip" text,
	"serial" text,
	"heap" integer,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer,
	"machine_id" integer NOT NULL,
	"person_id" integer,
	"done_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "machine_commands" (
	"id" serial PRIMARY KEY NOT NULL,
	"machine_id" integer NOT NULL,
	"kind" text NOT NULL,
	"card_uid" text NOT NULL,
	"requested_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" text
);
--> statement-breakpoint
CREATE TABLE "machine_presence" (
	"machine_id" integer PRIMARY KEY NOT NULL,
	"last_heard_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"machine_id" integer NOT NULL,
	"every_hours" integer NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lcd_text" text NOT NULL,
	"instructions_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_plans_every_hours" CHECK ("maintenance_plans"."every_hours" > 0),
	CONSTRAINT "maintenance_plans_lcd_text" CHECK (char_length("maintenance_plans"."lcd_text") between 1 and 16)
);
--> statement-breakpoint
CREATE TABLE "unknown_cards" (
	"id" serial PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"machine_id" integer,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "unknown_cards_uid_format" CHECK ("unknown_cards"."uid" ~ '^[0-9a-f]{8}$')
);
--> statement-breakpoint
CREATE TABLE "usage_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"machine_id" integer NOT NULL,
	"person_id" integer,
	"card_uid" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"recorded_as" text NOT NULL,
	"ended_because" text,
	"last_heartbeat_at" timestamp with time zone NOT NULL,
	"heartbeats" integer DEFAULT 0 NOT NULL,
	"opened_by_event_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_sessions_duration" CHECK ("usage_sessions"."duration_seconds" is null or "usage_sessions"."duration_seconds" >= 0),
	CONSTRAINT "usage_sessions_closed" CHECK (("usage_sessions"."ended_at" is null) = ("usage_sessions"."duration_seconds" is null))
);
--> statement-breakpoint
CREATE TABLE "news_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"author_id" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_status_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"open" boolean NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"changed_by_id" integer,
	"sensor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_status_changes_by" CHECK (("open_status_changes"."changed_by_id" is null) <> ("open_status_changes"."sensor_name" is null))
);
--> statement-breakpoint
CREATE TABLE "poll_ballot_choices" (
	"poll_id" integer NOT NULL,
	"ballot_id" uuid NOT NULL,
	"option_id" integer NOT NULL,
	CONSTRAINT "poll_ballot_choices_ballot_id_option_id_pk" PRIMARY KEY("ballot_id","option_id")
);
--> statement-breakpoint
CREATE TABLE "poll_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poll_id" integer NOT NULL,
	"receipt_hash" text NOT NULL,
	CONSTRAINT "poll_ballots_receiptHash_unique" UNIQUE("receipt_hash"),
	CONSTRAINT "poll_ballots_poll_id" UNIQUE("poll_id","id")
);
--> statement-breakpoint
CREATE TABLE "poll_options" (
	"id" serial PRIMARY KEY NOT NULL,
	"poll_id" integer NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "poll_options_poll_position" UNIQUE("poll_id","position"),
	CONSTRAINT "poll_options_poll_id" UNIQUE("poll_id","id")
);
--> statement-breakpoint
CREATE TABLE "poll_participations" (
	"poll_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "poll_participations_poll_id_person_id_pk" PRIMARY KEY("poll_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "poll_votes" (
	"poll_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"option_id" integer NOT NULL,
	CONSTRAINT "poll_votes_poll_id_person_id_option_id_pk" PRIMARY KEY("poll_id","person_id","option_id")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" serial PRIMARY KEY NOT NULL,
	"question" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"choice" text NOT NULL,
	"max_choices" integer DEFAULT 1 NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"anonymous" boolean NOT NULL,
	"results_visible" text NOT NULL,
	"eligible_status_keys" text[],
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polls_times" CHECK ("polls"."closes_at" > "polls"."opens_at"),
	CONSTRAINT "polls_max_choices" CHECK ("polls"."max_choices" >= 1 and ("polls"."choice" = 'multiple' or "polls"."max_choices" = 1))
);
--> statement-breakpoint
CREATE TABLE "sensor_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sensor_tokens_name_unique" UNIQUE("name"),
	CONSTRAINT "sensor_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "machine_usage_counters" (
	"machine_id" integer PRIMARY KEY NOT NULL,
	"closed_seconds" numeric DEFAULT 0 NOT NULL,
	"closed_sessions" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_usage_counters" (
	"plan_id" integer PRIMARY KEY NOT NULL,
	"machine_id" integer NOT NULL,
	"counted_from" timestamp with time zone NOT NULL,
	"closed_seconds" numeric DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_job_runs" (
	"job" text NOT NULL,
	"period" text NOT NULL,
	"outcome" text DEFAULT 'running' NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"instance_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"detail" text,
	CONSTRAINT "scheduled_job_runs_job_period_pk" PRIMARY KEY("job","period"),
	CONSTRAINT "scheduled_job_runs_attempts" CHECK ("scheduled_job_runs"."attempts" >= 1)
);
--> statement-breakpoint
CREATE TABLE "weekly_summary_optins" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_status_id_membership_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."membership_statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_partner_person_id_people_id_fk" FOREIGN KEY ("partner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_permission_key_permissions_key_fk" FOREIGN KEY ("permission_key") REFERENCES "public"."permissions"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_roles" ADD CONSTRAINT "status_roles_status_id_membership_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."membership_statuses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_roles" ADD CONSTRAINT "status_roles_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_authorizations" ADD CONSTRAINT "equipment_authorizations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_authorizations" ADD CONSTRAINT "equipment_authorizations_equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("equipment_type_id") REFERENCES "public"."equipment_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_authorizations" ADD CONSTRAINT "equipment_authorizations_granted_by_id_people_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_authorizations" ADD CONSTRAINT "equipment_authorizations_revoked_by_id_people_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_authorizations" ADD CONSTRAINT "equipment_authorizations_training_session_id_training_sessions_id_fk" FOREIGN KEY ("training_session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machines" ADD CONSTRAINT "machines_equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("equipment_type_id") REFERENCES "public"."equipment_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_subject_person_id_people_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_prerequisites" ADD CONSTRAINT "training_prerequisites_equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("equipment_type_id") REFERENCES "public"."equipment_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_prerequisites" ADD CONSTRAINT "training_prerequisites_requires_equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("requires_equipment_type_id") REFERENCES "public"."equipment_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("equipment_type_id") REFERENCES "public"."equipment_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_trainers" ADD CONSTRAINT "training_session_trainers_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_trainers" ADD CONSTRAINT "training_session_trainers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("equipment_type_id") REFERENCES "public"."equipment_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_signups" ADD CONSTRAINT "training_signups_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_signups" ADD CONSTRAINT "training_signups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_signups" ADD CONSTRAINT "training_signups_attendance_marked_by_id_people_id_fk" FOREIGN KEY ("attendance_marked_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_locations" ADD CONSTRAINT "inventory_locations_parent_id_inventory_locations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."inventory_locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thing_loans" ADD CONSTRAINT "thing_loans_thing_id_things_id_fk" FOREIGN KEY ("thing_id") REFERENCES "public"."things"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thing_loans" ADD CONSTRAINT "thing_loans_borrower_person_id_people_id_fk" FOREIGN KEY ("borrower_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thing_loans" ADD CONSTRAINT "thing_loans_lent_by_id_people_id_fk" FOREIGN KEY ("lent_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thing_loans" ADD CONSTRAINT "thing_loans_returned_by_id_people_id_fk" FOREIGN KEY ("returned_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_category_id_inventory_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."inventory_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_location_id_inventory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."inventory_locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_lender_person_id_people_id_fk" FOREIGN KEY ("lender_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_type_id_membership_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."membership_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_confirmations" ADD CONSTRAINT "applicant_confirmations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_studies" ADD CONSTRAINT "profile_studies_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_holders" ADD CONSTRAINT "address_holders_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_holders" ADD CONSTRAINT "address_holders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_holders" ADD CONSTRAINT "address_holders_type_id_address_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."address_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_functions" ADD CONSTRAINT "committee_functions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_holders" ADD CONSTRAINT "function_holders_function_id_committee_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."committee_functions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_holders" ADD CONSTRAINT "function_holders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_roles" ADD CONSTRAINT "function_roles_function_id_committee_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."committee_functions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_roles" ADD CONSTRAINT "function_roles_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_subscriptions" ADD CONSTRAINT "audit_subscriptions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_settings" ADD CONSTRAINT "space_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_resources" ADD CONSTRAINT "event_resources_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_resources" ADD CONSTRAINT "event_resources_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rooms" ADD CONSTRAINT "event_rooms_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rooms" ADD CONSTRAINT "event_rooms_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_things" ADD CONSTRAINT "event_things_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_things" ADD CONSTRAINT "event_things_thing_id_things_id_fk" FOREIGN KEY ("thing_id") REFERENCES "public"."things"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_responsible_person_id_people_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_bookings" ADD CONSTRAINT "machine_bookings_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_bookings" ADD CONSTRAINT "machine_bookings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_plan_id_maintenance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."maintenance_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_commands" ADD CONSTRAINT "machine_commands_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_commands" ADD CONSTRAINT "machine_commands_requested_by_id_people_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_presence" ADD CONSTRAINT "machine_presence_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_plans" ADD CONSTRAINT "maintenance_plans_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unknown_cards" ADD CONSTRAINT "unknown_cards_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_sessions" ADD CONSTRAINT "usage_sessions_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_sessions" ADD CONSTRAINT "usage_sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_status_changes" ADD CONSTRAINT "open_status_changes_changed_by_id_people_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballot_choices" ADD CONSTRAINT "poll_ballot_choices_poll_id_ballot_id_poll_ballots_poll_id_id_fk" FOREIGN KEY ("poll_id","ballot_id") REFERENCES "public"."poll_ballots"("poll_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballot_choices" ADD CONSTRAINT "poll_ballot_choices_poll_id_option_id_poll_options_poll_id_id_fk" FOREIGN KEY ("poll_id","option_id") REFERENCES "public"."poll_options"("poll_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballots" ADD CONSTRAINT "poll_ballots_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_participations" ADD CONSTRAINT "poll_participations_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_participations" ADD CONSTRAINT "poll_participations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_poll_id_person_id_poll_participations_poll_id_person_id_fk" FOREIGN KEY ("poll_id","person_id") REFERENCES "public"."poll_participations"("poll_id","person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_poll_id_option_id_poll_options_poll_id_id_fk" FOREIGN KEY ("poll_id","option_id") REFERENCES "public"."poll_options"("poll_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_tokens" ADD CONSTRAINT "sensor_tokens_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_usage_counters" ADD CONSTRAINT "machine_usage_counters_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_usage_counters" ADD CONSTRAINT "plan_usage_counters_plan_id_maintenance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."maintenance_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_usage_counters" ADD CONSTRAINT "plan_usage_counters_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_summary_optins" ADD CONSTRAINT "weekly_summary_optins_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_status_id_index" ON "people" USING btree ("status_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_email_lower_idx" ON "profiles" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "profiles_partner_person_id_index" ON "profiles" USING btree ("partner_person_id");--> statement-breakpoint
CREATE INDEX "profiles_name_idx" ON "profiles" USING btree ("last_name","first_name","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_email_lower_idx" ON "accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_index" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_index" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "equipment_authorizations_person_id_equipment_type_id_index" ON "equipment_authorizations" USING btree ("person_id","equipment_type_id");--> statement-breakpoint
CREATE INDEX "machines_equipment_type_id_index" ON "machines" USING btree ("equipment_type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_active_uid_idx" ON "cards" USING btree ("uid") WHERE "cards"."state" = 'active';--> statement-breakpoint
CREATE INDEX "cards_person_id_index" ON "cards" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cards_uid_index" ON "cards" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "audit_log_subject_person_id_at_index" ON "audit_log" USING btree ("subject_person_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_id_at_index" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_change_type_at_index" ON "audit_log" USING btree ("change_type","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_prerequisites_unique" ON "training_prerequisites" USING btree ("equipment_type_id","level","requires_equipment_type_id","requires_level");--> statement-breakpoint
CREATE UNIQUE INDEX "training_requests_one_open" ON "training_requests" USING btree ("person_id","equipment_type_id","level") WHERE "training_requests"."fulfilled_at" is null and "training_requests"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "training_requests_equipment_type_id_created_at_index" ON "training_requests" USING btree ("equipment_type_id","created_at");--> statement-breakpoint
CREATE INDEX "training_session_trainers_person_id_index" ON "training_session_trainers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_sessions_equipment_type_id_starts_at_index" ON "training_sessions" USING btree ("equipment_type_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_starts_at_index" ON "training_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_signups_one_active" ON "training_signups" USING btree ("session_id","person_id") WHERE "training_signups"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "training_signups_session_id_status_created_at_index" ON "training_signups" USING btree ("session_id","status","created_at");--> statement-breakpoint
CREATE INDEX "training_signups_person_id_index" ON "training_signups" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "inventory_locations_parent_id_index" ON "inventory_locations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "thing_loans_one_open_idx" ON "thing_loans" USING btree ("thing_id") WHERE "thing_loans"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "thing_loans_borrower_person_id_index" ON "thing_loans" USING btree ("borrower_person_id");--> statement-breakpoint
CREATE INDEX "thing_loans_due_at_index" ON "thing_loans" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "things_location_id_index" ON "things" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "things_category_id_index" ON "things" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "things_lender_person_id_index" ON "things" USING btree ("lender_person_id");--> statement-breakpoint
CREATE INDEX "things_search_idx" ON "things" USING gin (to_tsvector('simple', "name" || ' ' || "description"));--> statement-breakpoint
CREATE INDEX "memberships_person_id_valid_from_index" ON "memberships" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "memberships_type_id_index" ON "memberships" USING btree ("type_id");--> statement-breakpoint
CREATE INDEX "profile_studies_person_id_index" ON "profile_studies" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "address_holders_one_main_idx" ON "address_holders" USING btree ("person_id") WHERE "address_holders"."is_main";--> statement-breakpoint
CREATE INDEX "address_holders_person_id_index" ON "address_holders" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "function_holders_person_id_index" ON "function_holders" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "function_holders_function_id_index" ON "function_holders" USING btree ("function_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_one_active" ON "calendar_feed_tokens" USING btree ("person_id") WHERE "calendar_feed_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "event_occurrences_starts_at_ends_at_index" ON "event_occurrences" USING btree ("starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "event_occurrences_event_id_index" ON "event_occurrences" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_one_member" ON "event_registrations" USING btree ("event_id","person_id") WHERE "event_registrations"."status" <> 'cancelled' and "event_registrations"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_one_guest" ON "event_registrations" USING btree ("event_id",lower("guest_email")) WHERE "event_registrations"."status" <> 'cancelled' and "event_registrations"."person_id" is null;--> statement-breakpoint
CREATE INDEX "event_registrations_event_id_status_created_at_index" ON "event_registrations" USING btree ("event_id","status","created_at");--> statement-breakpoint
CREATE INDEX "event_registrations_person_id_index" ON "event_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "event_resources_resource_id_index" ON "event_resources" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "event_rooms_room_id_index" ON "event_rooms" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "event_things_thing_id_index" ON "event_things" USING btree ("thing_id");--> statement-breakpoint
CREATE INDEX "events_starts_at_index" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "machine_bookings_machine_id_starts_at_index" ON "machine_bookings" USING btree ("machine_id","starts_at");--> statement-breakpoint
CREATE INDEX "machine_bookings_person_id_index" ON "machine_bookings" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "boards_machine_serial_idx" ON "boards" USING btree ("machine_id","serial_key");--> statement-breakpoint
CREATE INDEX "interventions_machine_id_done_at_index" ON "interventions" USING btree ("machine_id","done_at");--> statement-breakpoint
CREATE UNIQUE INDEX "interventions_plan_done_idx" ON "interventions" USING btree ("plan_id","done_at");--> statement-breakpoint
CREATE INDEX "machine_commands_pending_idx" ON "machine_commands" USING btree ("id") WHERE "machine_commands"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "maintenance_plans_machine_id_index" ON "maintenance_plans" USING btree ("machine_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unknown_cards_swipe_idx" ON "unknown_cards" USING btree ("uid","machine_id","seen_at");--> statement-breakpoint
CREATE INDEX "unknown_cards_seen_at_index" ON "unknown_cards" USING btree ("seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_sessions_one_open_per_machine" ON "usage_sessions" USING btree ("machine_id") WHERE "usage_sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "usage_sessions_machine_id_started_at_index" ON "usage_sessions" USING btree ("machine_id","started_at");--> statement-breakpoint
CREATE INDEX "usage_sessions_person_id_started_at_index" ON "usage_sessions" USING btree ("person_id","started_at");--> statement-breakpoint
CREATE INDEX "usage_sessions_machine_id_person_id_index" ON "usage_sessions" USING btree ("machine_id","person_id");--> statement-breakpoint
CREATE INDEX "usage_sessions_machine_id_card_uid_started_at_index" ON "usage_sessions" USING btree ("machine_id","card_uid","started_at");--> statement-breakpoint
CREATE INDEX "news_posts_published_at_index" ON "news_posts" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "open_status_changes_at_id_index" ON "open_status_changes" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "poll_ballots_poll_id_index" ON "poll_ballots" USING btree ("poll_id");--> statement-breakpoint
CREATE INDEX "poll_participations_person_id_index" ON "poll_participations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "polls_closes_at_index" ON "polls" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "plan_usage_counters_machine_id_index" ON "plan_usage_counters" USING btree ("machine_id");