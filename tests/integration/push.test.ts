import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decideLeave, fileLeave } from "@/db/queries/leave";
import { remindUnread } from "@/db/queries/notices";
import { notify } from "@/db/queries/notify";
import { publishPlan } from "@/db/queries/plans";
import { queuePush, removePushSubscription, savePushSubscription, storedVapidKeys } from "@/db/queries/push";
import { activities } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { pushOutbox, pushSubscriptions, pushVapidKeys } from "@/db/schema/push";
import type { Scope } from "@/lib/scope";
import { type PushPayload, publicVapidKey, pushesSettled, sendDuePushes, vapidKeys } from "@/lib/server/push";
import { pushSubscriptionInput } from "@/lib/validation/push";
import { demoCounty, phones } from "./county";
import { testDb } from "./db";
import { startPushReceiver, verifyVapid } from "./push-receiver";

let county: Awaited<ReturnType<typeof demoCounty>>;
let receiver: Awaited<ReturnType<typeof startPushReceiver>>;
let member: Scope;
let admin: Scope;
let activityId: number;
let memberPhone: ReturnType<typeof receiver.subscribe>;
const startsAt = new Date(Date.now() + 10 * 86_400_000);

beforeAll(async () => {
  county = await demoCounty();
  receiver = await startPushReceiver();
  member = await county.scopeOf(phones.member);
  admin = await county.scopeOf(phones.countyAdmin);
  memberPhone = receiver.subscribe("member-phone");
  await savePushSubscription(county.db, member, memberPhone);
});
afterAll(async () => {
  await pushesSettled();
  await receiver.close();
  await county.close();
});
beforeEach(async () => {
  await pushesSettled();
  receiver.received.length = 0;
});

/** Every push that reached this endpoint since the test began, decrypted. */
async function pushesTo(endpoint: string): Promise<PushPayload[]> {
  await pushesSettled();
  return receiver.received
    .filter((r) => r.path === new URL(endpoint).pathname)
    .map((r) => JSON.parse(receiver.decrypt(r)) as PushPayload);
}

describe("a notice reaches the member's phone, encrypted", () => {
  it("pushes the announcement of a published plan, signed with the server's VAPID key", async () => {
    const { planId } = await publishPlan(county.db, admin, {
      title: "推送测试：学习党章",
      startsAt,
      durationMinutes: 90,
      materials: "",
      links: [],
      items: [],
    });
    const [own] = await county.db
      .select()
      .from(activities)
      .where(and(eq(activities.planId, planId), eq(activities.branchId, member.member!.branchId)));
    activityId = own.id;

    const pushes = await pushesTo(memberPhone.endpoint);
    expect(pushes).toHaveLength(1);
    expect(pushes[0].title).toContain("推送测试：学习党章");
    expect(pushes[0].url).toBe("/notices");

    const [push] = receiver.received.filter((r) => r.path === "/push/member-phone");
    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    expect(push.body.toString("utf8")).not.toContain("推送测试");
    expect(verifyVapid(push.headers, receiver.origin)).toBe((await vapidKeys(county.db)).publicKey);
  });

  it("pushes a reminder", async () => {
    await remindUnread(county.db, county.secretary, activityId);
    const [push] = await pushesTo(memberPhone.endpoint);
    expect(push.title).toContain("推送测试：学习党章");
  });

  it("pushes a leave decision to the member", async () => {
    const receipt = await fileLeave(county.db, member, {
      clientId: randomUUID(),
      activityId,
      type: "sick",
      reason: "住院",
      late: false,
    });
    await pushesSettled();
    receiver.received.length = 0;
    await decideLeave(county.db, county.secretary, { leaveId: receipt.id, decision: "approve", comment: "好好休息" });
    const pushes = await pushesTo(memberPhone.endpoint);
    expect(pushes).toHaveLength(1);
  });
});

describe("only after the write commits", () => {
  it("sends nothing for a notice whose transaction is rolled back", async () => {
    await expect(
      county.db.transaction(async (tx) => {
        await notify(tx, [member.userId], { kind: "activity", title: "不该送达" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await pushesTo(memberPhone.endpoint)).toEqual([]);
  });

  it("drops a failed savepoint's push and sends the rest once the transaction commits", async () => {
    await county.db.transaction(async (tx) => {
      await tx
        .transaction(async (savepoint) => {
          await notify(savepoint, [member.userId], { kind: "activity", title: "撤回的通知" });
          throw new Error("savepoint fails");
        })
        .catch(() => undefined);
      await notify(tx, [member.userId], { kind: "activity", title: "留下的通知" });
      // Still inside the transaction: nothing may have left yet.
      await pushesSettled();
      expect(receiver.received).toEqual([]);
    });
    expect((await pushesTo(memberPhone.endpoint)).map((p) => p.title)).toEqual(["留下的通知"]);
  });

  it("a push service that fails or cannot be reached does not fail the write", async () => {
    const other = await county.scopeOf(phones.secretary);
    await savePushSubscription(county.db, other, {
      endpoint: "http://127.0.0.1:9/push/nobody-listens",
      keys: receiver.subscribe("unused").keys,
    });
    receiver.answer(memberPhone.endpoint, 500);
    try {
      await expect(
        notify(county.db, [member.userId, other.userId], { kind: "activity", title: "推送失败也照常写入" }),
      ).resolves.toBeUndefined();
      await pushesSettled();
      // A 500 is not "gone": the subscription stays for the next notice, and this push waits to be sent again.
      expect(
        await county.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, memberPhone.endpoint)),
      ).toHaveLength(1);
      expect(
        await county.db.select().from(pushOutbox).where(eq(pushOutbox.endpoint, memberPhone.endpoint)),
      ).toHaveLength(1);
    } finally {
      receiver.answer(memberPhone.endpoint, 201);
      // Sent on the sweep after its back-off; the tests below start with an empty outbox.
      sendDuePushes(county.db, new Date(Date.now() + 61_000));
      await pushesSettled();
      await removePushSubscription(county.db, other, { endpoint: "http://127.0.0.1:9/push/nobody-listens" });
    }
  });
});

describe("nothing lost: the outbox", () => {
  const outboxOf = (db: typeof county.db, endpoint: string) =>
    db.select().from(pushOutbox).where(eq(pushOutbox.endpoint, endpoint));

  it("queues the push in the notice's own transaction, and empties once the push service has it", async () => {
    await county.db.transaction(async (tx) => {
      await notify(tx, [member.userId], { kind: "activity", title: "与通知同一事务" });
      expect(await outboxOf(tx, memberPhone.endpoint)).toHaveLength(1);
    });
    expect((await pushesTo(memberPhone.endpoint)).map((p) => p.title)).toEqual(["与通知同一事务"]);
    expect(await outboxOf(county.db, memberPhone.endpoint)).toEqual([]);
  });

  it("sends a push that a crash left behind on the next sweep", async () => {
    // Queued and committed, but the process died before sending: only the sweep is left to send it.
    await queuePush(county.db, [member.userId], { title: "崩溃后补发", body: "", url: "/notices" });
    expect(receiver.received).toEqual([]);
    sendDuePushes(county.db);
    expect((await pushesTo(memberPhone.endpoint)).map((p) => p.title)).toEqual(["崩溃后补发"]);
    expect(await outboxOf(county.db, memberPhone.endpoint)).toEqual([]);
  });

  it("keeps a push the service could not take (503) and sends it once, after its back-off, when it can", async () => {
    receiver.answer(memberPhone.endpoint, 503);
    try {
      const queued = Date.now();
      await notify(county.db, [member.userId], { kind: "reminder", title: "稍后重发" });
      await pushesSettled();
      expect(receiver.received).toHaveLength(1); // refused
      const [kept] = await outboxOf(county.db, memberPhone.endpoint);
      expect(kept).toMatchObject({ attempts: 1 });
      expect(kept.notBefore.getTime()).toBeGreaterThan(queued + 50_000);
    } finally {
      receiver.answer(memberPhone.endpoint, 201);
    }
    receiver.received.length = 0;
    sendDuePushes(county.db, new Date(Date.now() + 30_000)); // still backing off
    expect(await pushesTo(memberPhone.endpoint)).toEqual([]);
    sendDuePushes(county.db, new Date(Date.now() + 61_000));
    sendDuePushes(county.db, new Date(Date.now() + 61_000)); // two senders at once: still sent once
    expect((await pushesTo(memberPhone.endpoint)).map((p) => p.title)).toEqual(["稍后重发"]);
    expect(await outboxOf(county.db, memberPhone.endpoint)).toEqual([]);
  });

  it("does not tell a phone that has since passed to someone else the previous owner's push", async () => {
    const phone = receiver.subscribe("handed-on");
    const other = await county.scopeOf(phones.gridWorker);
    await savePushSubscription(county.db, member, phone);
    await queuePush(county.db, [member.userId], { title: "原主人的通知", body: "", url: "/notices" });
    await savePushSubscription(county.db, other, phone);
    sendDuePushes(county.db);
    expect(await pushesTo(phone.endpoint)).toEqual([]);
    expect(await outboxOf(county.db, phone.endpoint)).toEqual([]);
    await removePushSubscription(county.db, other, { endpoint: phone.endpoint });
  });
});

describe("subscriptions", () => {
  it("removes a subscription the push service says is gone (410), and one it does not know (404)", async () => {
    for (const status of [410, 404]) {
      const phone = receiver.subscribe(`gone-${status}`);
      await savePushSubscription(county.db, member, phone);
      receiver.answer(phone.endpoint, status);
      await notify(county.db, [member.userId], { kind: "reminder", title: `退订 ${status}` });
      await pushesSettled();
      expect(receiver.received.some((r) => r.path === `/push/gone-${status}`)).toBe(true);
      expect(
        await county.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, phone.endpoint)),
      ).toEqual([]);
    }
    // The member's other phone is untouched.
    expect(
      await county.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, memberPhone.endpoint)),
    ).toHaveLength(1);
  });

  it("moves a phone's subscription to whoever opts in on it last; nobody removes another person's", async () => {
    const shared = receiver.subscribe("shared-phone");
    const other = await county.scopeOf(phones.gridWorker);
    await savePushSubscription(county.db, member, shared);
    await savePushSubscription(county.db, other, shared);
    await notify(county.db, [member.userId], { kind: "activity", title: "给党员" });
    await notify(county.db, [other.userId], { kind: "community", title: "给网格员" });
    expect((await pushesTo(shared.endpoint)).map((p) => p.title)).toEqual(["给网格员"]);

    await removePushSubscription(county.db, member, { endpoint: shared.endpoint });
    expect(
      await county.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, shared.endpoint)),
    ).toHaveLength(1);
    await removePushSubscription(county.db, other, { endpoint: shared.endpoint });
    expect(
      await county.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, shared.endpoint)),
    ).toEqual([]);
    const audited = await county.db.select().from(auditLog).where(eq(auditLog.actorId, other.userId));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["account.push_on", "account.push_off"]));
  });

  it("accepts only a browser's subscription: https on a named host, keys of the right size", () => {
    const { keys } = receiver.subscribe("shape");
    expect(
      pushSubscriptionInput.safeParse({ endpoint: "https://fcm.googleapis.com/fcm/send/abc:def", keys }).success,
    ).toBe(true);
    for (const endpoint of [
      memberPhone.endpoint,
      "https://127.0.0.1/x",
      "https://localhost/x",
      "https://[::1]/x",
      "https://push.example.org:8443/x",
      "ftp://push.example.org/x",
    ]) {
      expect(pushSubscriptionInput.safeParse({ endpoint, keys }).success, endpoint).toBe(false);
    }
    expect(
      pushSubscriptionInput.safeParse({ endpoint: "https://fcm.googleapis.com/x", keys: { ...keys, auth: "short" } })
        .success,
    ).toBe(false);
  });

  it("keeps one VAPID key pair, however many instances make it at once", async () => {
    let made = 0;
    const generate = () => ({ publicKey: `public-${++made}`, privateKey: `private-${made}` });
    const stored = await vapidKeys(county.db);
    const again = await Promise.all([1, 2, 3].map(() => storedVapidKeys(county.db, generate)));
    expect(again.every((k) => k.publicKey === stored.publicKey && k.privateKey === stored.privateKey)).toBe(true);
    expect(made).toBe(0);
  });

  it("gives a page the public key without making one: 我的 only reads", async () => {
    const fresh = await testDb();
    try {
      expect(await publicVapidKey(fresh.db)).toBeNull();
      expect(await fresh.db.select().from(pushVapidKeys)).toEqual([]);
      const made = await vapidKeys(fresh.db);
      expect(await publicVapidKey(fresh.db)).toBe(made.publicKey);
    } finally {
      await fresh.close();
    }
  });
});
