/**
 * What-if, for docs/scaling.md: the check-in endpoint without Next.js. A plain node:http server doing the
 * same work per request as POST /api/v1/checkins — Origin check, JSON body, the session cookie decrypted
 * with next-auth's key derivation, zod, and the very same checkIn() on postgres.js — so that the benchmark
 * can say how much of a check-in's cost is the framework. Not part of the app: it skips what the app keeps
 * for sessions older than 60 s (the re-read of the account) and answers 401 to them instead.
 *
 * Run by bench/checkin.ts with BENCH_LEAN=1 (env: PORT, DATABASE_URL, AUTH_SECRET, DATABASE_POOL).
 */
import { createServer } from "node:http";
import { hkdf } from "@panva/hkdf";
import { jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";
import { openPostgres } from "../db/open";
import { checkIn } from "../db/queries/checkins";
import { AppError, failureStatus, toFailure } from "../lib/errors";
import { checkinInput } from "../lib/validation/checkins";

const port = Number(process.env.PORT);
const secret = process.env.AUTH_SECRET!;
const { db } = openPostgres(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL) || 10);
const key = hkdf("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
const COOKIE = "next-auth.session-token=";

async function answer(origin: string | undefined, host: string | undefined, cookie: string | undefined, body: string) {
  if (!origin || !host || new URL(origin).host !== host) throw new AppError("forbidden");
  const start = cookie?.indexOf(COOKIE) ?? -1;
  if (!cookie || start < 0) throw new AppError("unauthenticated");
  const end = cookie.indexOf(";", start);
  const raw = cookie.slice(start + COOKIE.length, end < 0 ? undefined : end);
  const token = (await jwtDecrypt(raw, await key, { clockTolerance: 15 }).catch(() => null))?.payload as JWT | undefined;
  if (!token?.scope || Date.now() - (token.checked ?? 0) > 60_000) throw new AppError("unauthenticated");
  const parsed = checkinInput.safeParse(JSON.parse(body));
  if (!parsed.success) throw new AppError("bad_request");
  return checkIn(db, token.scope, parsed.data);
}

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const reply = (status: number, result: object) => {
      response.writeHead(status, { "content-type": "application/json", "cache-control": "private, no-store" });
      response.end(JSON.stringify(result));
    };
    if (request.method !== "POST" || request.url !== "/api/v1/checkins") return reply(404, { ok: false });
    answer(request.headers.origin, request.headers.host, request.headers.cookie, Buffer.concat(chunks).toString()).then(
      (data) => reply(200, { ok: true, data }),
      (error) => {
        const failure = toFailure(error);
        reply(failureStatus(failure), failure);
      },
    );
  });
}).listen(port, "127.0.0.1", () => console.log(`lean check-in server on ${port}`));
