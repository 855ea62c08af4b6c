import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// The one place that reads process.env. Everything else asks here.
const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Port of the embedded database (npm start without DATABASE_URL); 0 picks a free one. */
  EMBEDDED_DB_PORT: port.default(0),
  PORT: port.default(3000),
  HOST: z.string().default("0.0.0.0"),
  MQTT_PORT: port.default(1883),
  MQTT_HOST: z.string().default("0.0.0.0"),
  /** Open MQTT connections one source address may hold (a board needs one; raise it for boards behind a NAT). */
  MQTT_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(32),
  MQTT_URL: z.string().optional(),
  /**
   * With MQTT_URL: the shared-subscription group several backends split the requests in ($share/<group>/…,
   * MQTT 5 brokers, Mosquitto ≥ 1.6, EMQX). "none" for a broker without shared subscriptions (run one backend).
   */
  MQTT_SHARED_GROUP: z
    .string()
    .regex(/^[^/+#]+$/, "no /, + or #")
    .default("makerspace"),
  /** Password for the demo accounts created on a first start; random when absent. */
  DEMO_PASSWORD: z.string().min(10).optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  AUTH_URL: z.string().url().optional(),
  /**
   * First value of the setting "public address of the space" (links in mails, feeds, QR labels); `npm start`
   * sets one from HOST/PORT when absent. After a save, /admin/settings decides. Never taken from a request.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//i.test(v), "an http:// or https:// address")
    .optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Makerspace <no-reply@makerspace.local>"),
  /** Defaults for the space settings until an admin saves them in /admin/settings. */
  SPACE_NAME: z.string().min(1).default("Makerspace"),
  /** PEM files: with both set, the web server speaks HTTPS on PORT and redirects HTTP_REDIRECT_PORT to it. */
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  HTTP_REDIRECT_PORT: port.optional(),
  /** Whose X-Forwarded-* headers to believe: a proxy on this machine (default), any peer, or nobody. */
  TRUST_PROXY: z.enum(["loopback", "all", "none"]).default("loopback"),
  /** Only the first value of the space settings' time zone; after a save the settings decide (lint keeps it so). */
  SPACE_TIME_ZONE: z.string().default("Europe/Vienna"),
  DEFAULT_LANGUAGE: z.enum(LOCALES).default("en"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_PER_IP: z.coerce.number().int().positive().default(20),
  /**
   * First values of two space settings (admins change them in /admin/settings; these only count until then):
   * machines dashboard public ("false" = logged-in people only); members may browse the inventory.
   */
  MACHINES_DASHBOARD_PUBLIC: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  INVENTORY_MEMBERS_MAY_VIEW: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /**
   * S3-compatible storage for uploads (thing photos, the logo): with endpoint, bucket and both keys set, files go
   * there instead of DATA_DIR/uploads. Path-style addresses (endpoint/bucket/key), Signature Version 4.
   */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** First value of the setting "keep who used a machine" (days): older usage loses the link to a person. */
  PURGE_USAGE_AFTER_DAYS: z.coerce.number().int().positive().default(365),
  /**
   * Mailman 3's REST API with the REST admin's credentials as userinfo (http://restadmin:secret@localhost:8001/3.1):
   * mailing lists marked for Mailman are kept in step with the member records. Unset: lists are export-only.
   */
  MAILMAN_REST_URL: z.string().url().optional(),
  /** How often the broker checks for due scheduled jobs (purge, reminders, weekly mails); 0 turns them off. */
  SCHEDULER_CHECK_SECONDS: z.coerce.number().int().min(0).default(600),
  /** REST API (/api/v1): requests per token per minute. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /**
   * REST API: web origins whose pages may call it from the browser (CORS), comma-separated, e.g.
   * "https://dashboard.example.org,http://localhost:5173". Empty: none. Exact origins only, never "*".
   */
  API_CORS_ORIGINS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine((o) => URL.canParse(o) && new URL(o).origin === o, "an origin like https://dashboard.example.org (scheme, host, port; no path, no *)"),
      ),
    ),
});

export type Env = z.infer<typeof schema>;

/** The S3 settings when all of them are given, else null (local files); half a configuration is an error. */
export function s3ConfigOf(e: Env): { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null {
  const parts = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY];
  if (parts.every((p) => !p)) return null;
  if (parts.some((p) => !p)) throw new EnvError("S3 storage needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (or none of them).");
  return { endpoint: e.S3_ENDPOINT!, bucket: e.S3_BUCKET!, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! };
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new EnvError("DATABASE_URL is not set. Use `npm start` for the embedded database, or set DATABASE_URL.");
  return url;
}
