import { AsyncLocalStorage } from "node:async_hooks";
import { logError } from "../lib/log";
import type { Db } from "./open";

type Hook = (db: Db) => void;
type Transact = (run: (tx: Db) => Promise<unknown>, config?: unknown) => Promise<unknown>;

/** The hooks of the innermost transaction (or savepoint) the current code runs in. */
const pending = new AsyncLocalStorage<Hook[]>();

/**
 * Runs `hook` once the transaction the caller is in has committed, with the database outside it; outside a
 * transaction, right away. Work that reaches beyond the database (Web Push) goes here, so that it never
 * announces a write that is rolled back and never holds a transaction open while it waits on the network.
 * A savepoint that fails drops its hooks; one that succeeds hands them to the transaction around it.
 */
export function afterCommit(db: Db, hook: Hook): void {
  const hooks = pending.getStore();
  if (hooks) hooks.push(hook);
  else runHook(hook, db);
}

/**
 * Makes `db.transaction` (and each transaction's own `.transaction`, drizzle's savepoints) keep track of
 * `afterCommit` hooks. db/open.ts applies it to every client, so no query has to remember to.
 */
export function withAfterCommit<D extends Db>(db: D): D {
  track(db, db);
  return db;
}

function track(target: Db, root: Db): void {
  const original = (target.transaction as unknown as Transact).bind(target);
  const transaction: Transact = async (run, config) => {
    const outer = pending.getStore();
    const hooks: Hook[] = [];
    const result = await original((tx) => {
      track(tx, root);
      return pending.run(hooks, () => run(tx));
    }, config);
    if (outer) outer.push(...hooks);
    else for (const hook of hooks) runHook(hook, root);
    return result;
  };
  (target as unknown as { transaction: Transact }).transaction = transaction;
}

function runHook(hook: Hook, db: Db): void {
  try {
    hook(db);
  } catch (error) {
    // The write it follows has committed already; its caller must not see this failure as theirs.
    logError("after-commit hook failed", error);
  }
}
