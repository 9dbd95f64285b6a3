import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isProxyEntry } from "./lib/client-address";
import { ops } from "./lib/messages/ops";

/**
 * The environment, read once and validated (docs/architecture.md#conventions). Every setting has a working default so
 * that
 * `npm install && npm run dev` runs on a fresh machine; production deployments set AUTH_SECRET and
 * DATABASE_URL explicitly.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url().optional(),
    /** Connections per app instance to the PostgreSQL server (docs/scaling.md); instances × this < max_connections. */
    DATABASE_POOL: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * The primary itself when DATABASE_URL goes through PgBouncer in transaction mode: migrations hold a
     * session-level advisory lock, which a pooler in that mode cannot keep (docs/operations.md).
     */
    DATABASE_DIRECT_URL: z.url().optional(),
    /**
     * Named prepared statements (postgres.js `prepare`). Off behind a PgBouncer older than 1.21, which cannot
     * carry them in transaction mode (docs/operations.md).
     */
    DATABASE_PREPARE: z.enum(["true", "false"]).default("true"),
    /** A hot standby that the reports and the secretaries' live counts read from (docs/operations.md). */
    DATABASE_REPLICA_URL: z.url().optional(),
    /**
     * For this long after a person's write, their reads go to the primary, not the replica: they see what
     * they just wrote even while the replica is behind (lib/server/read-db.ts).
     */
    DATABASE_REPLICA_AFTER_WRITE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    /** Where PGlite keeps its files when DATABASE_URL is unset. */
    DATA_DIR: z.string().min(1).default(".data"),
    AUTH_SECRET: z.string().min(32).optional(),
    /** How often each instance sends the pushes left in the outbox (lib/server/push.ts). */
    SCHEDULER_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Seed the demo county on first start of an empty database. */
    SEED_DEMO: z.enum(["true", "false"]).default("true"),
    /**
     * Web Push (VAPID) keys, base64url as `npx web-push generate-vapid-keys` prints them; both or neither.
     * Without them a pair is generated once and kept in the database (lib/server/push.ts).
     */
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{80,100}$/)
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{40,50}$/)
      .optional(),
    /** Who push services may contact about this sender: a mailto: or https: address. */
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)/)
      .default("mailto:zhibu@example.org"),
    /** The app's 备案 (filing) number as issued; unset until filed, and the about page then says 未备案. */
    FILING_NUMBER: z.string().trim().min(1).max(60).optional(),
    /** Who runs the app (运营单位) and how to reach them, shown on the about page. */
    OPERATOR_NAME: z.string().trim().min(1).max(60).optional(),
    OPERATOR_CONTACT: z.string().trim().min(1).max(100).optional(),
    /**
     * SMS through Aliyun's SMS service (docs/reminders-and-sms.md): the RAM user's AccessKey, the approved
     * sign name and the approved template's code. All four or none; without them the SMS channel is off.
     */
    ALIYUN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
    ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
    SMS_SIGN_NAME: z.string().min(1).max(12).optional(),
    /** The template for activity notices and reminders, with the parameters ${title} and ${time}. */
    SMS_TEMPLATE_ACTIVITY: z
      .string()
      .regex(/^SMS_\d+$/)
      .optional(),
    /** The API's host (and port); `http://` in front only for a local stand-in. */
    ALIYUN_SMS_ENDPOINT: z.string().min(1).default("dysmsapi.aliyuncs.com"),
    /**
     * Reverse proxies whose X-Forwarded-For entries are believed, comma-separated addresses or CIDR ranges
     * (lib/client-address.ts). None by default: the sign-in throttle then counts the socket's address.
     */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean),
      )
      .refine((list) => list.every(isProxyEntry), { message: "addresses or CIDR ranges, comma-separated" }),
  })
  .refine((e) => !e.VAPID_PUBLIC_KEY === !e.VAPID_PRIVATE_KEY, {
    message: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together",
    path: ["VAPID_PRIVATE_KEY"],
  })
  .refine(
    (e) =>
      new Set(
        [e.ALIYUN_SMS_ACCESS_KEY_ID, e.ALIYUN_SMS_ACCESS_KEY_SECRET, e.SMS_SIGN_NAME, e.SMS_TEMPLATE_ACTIVITY].map(
          (v) => v === undefined,
        ),
      ).size === 1,
    {
      message:
        "ALIYUN_SMS_ACCESS_KEY_ID, ALIYUN_SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME and SMS_TEMPLATE_ACTIVITY go together",
      path: ["SMS_TEMPLATE_ACTIVITY"],
    },
  );

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(ops.badEnvironment(z.prettifyError(parsed.error)));
}

const dataDir = path.resolve(parsed.data.DATA_DIR);

/** With no AUTH_SECRET, one is generated on first start and kept beside the embedded database. */
function localSecret(): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}

export const env = {
  ...parsed.data,
  DATA_DIR: dataDir,
  AUTH_SECRET: parsed.data.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? localSecret(),
};

// next-auth v4 reads its secret from here in places that take no options (getToken in the proxy).
process.env.NEXTAUTH_SECRET ??= env.AUTH_SECRET;
