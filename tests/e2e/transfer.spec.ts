import { expect, test } from "@playwright/test";
import { membership } from "@/lib/messages/membership";
import { roster } from "@/lib/messages/roster";
import { shot, signIn } from "./helpers";

/**
 * 组织关系转接 from start to acceptance, as the two secretaries and the member see it. People no other journey
 * signs in as: the secretaries of 河西街道幸福里社区党支部 and 河西街道机关党支部, and an activated member of the first.
 */
const sender = "13800000013";
const receiver = "13800000014";
const member = { name: "雷明轩", phone: "18773416853" };
const password = "demo1234";
const fromName = "河西街道幸福里社区党支部";
const toName = "河西街道机关党支部";
const reason = "工作调动到县机关";

test("a transfer from the sending secretary to the receiving one, seen by the member", async ({ browser }) => {
  test.setTimeout(180_000);
  // The sending secretary starts it from the member's page.
  const send = await browser.newPage();
  await signIn(send, sender, password);
  await send.goto("/branch");
  await send.getByRole("link", { name: new RegExp(member.name) }).click();
  await send.getByLabel(membership.toBranch).selectOption({ label: toName });
  await send.getByLabel(membership.reason).fill(reason);
  await send.getByRole("button", { name: membership.start }).click();
  await expect(send.getByText(membership.status.pending)).toBeVisible();
  await expect(send.getByText(membership.fromTo(fromName, toName))).toBeVisible();
  await shot(send, "transfer-started");

  // The member sees it pending in their own record.
  const self = await browser.newPage();
  await signIn(self, member.phone, password);
  await self.goto("/me");
  const history = self.getByRole("list", { name: membership.history });
  await expect(history.getByText(membership.status.pending)).toBeVisible();
  await expect(history.getByText(membership.fromTo(fromName, toName))).toBeVisible();

  // The receiving secretary accepts it from the branch's transfers page.
  const receive = await browser.newPage();
  await signIn(receive, receiver, password);
  await receive.goto("/branch");
  await receive.getByRole("link", { name: membership.transfers }).click();
  const incoming = receive.getByRole("list", { name: membership.incoming });
  const item = incoming.getByRole("listitem").filter({ hasText: member.name });
  await expect(item.getByText(reason, { exact: false })).toBeVisible();
  await shot(receive, "transfer-incoming");
  await item.getByRole("button", { name: membership.accept }).click();
  await expect(item.getByText(membership.status.accepted)).toBeVisible();
  await receive.goto("/branch");
  await receive.getByRole("link", { name: new RegExp(member.name) }).click();
  // The member's page in the new branch: status history and the spell away, for the new secretary.
  await expect(receive.getByRole("heading", { name: membership.events })).toBeVisible();
  await expect(receive.getByRole("button", { name: membership.awayStart })).toBeVisible();
  await shot(receive, "transfer-received-member");

  // The sender's roster no longer lists the member; the transfer shows as accepted.
  await send.goto("/branch");
  await expect(send.getByRole("list", { name: roster.title }).getByText(member.name)).toHaveCount(0);
  await send.getByRole("link", { name: membership.transfers }).click();
  await expect(
    send.getByRole("list", { name: membership.outgoing }).getByRole("listitem").filter({ hasText: member.name }),
  ).toContainText(membership.status.accepted);

  // The member sees one history, now in the new branch.
  await self.reload();
  await expect(
    self.getByRole("list", { name: membership.history }).getByText(membership.status.accepted),
  ).toBeVisible();
  await shot(self, "transfer-member");
});
