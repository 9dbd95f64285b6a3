import { t } from "../lib/messages";
import type { Db } from "./open";
import { award } from "./queries/points";
import {
  communityReports,
  reportPosts,
  serviceActivities,
  servicePosts,
  serviceSignups,
  volunteerHours,
} from "./schema/community";

/** The service posts every community offers in the demo. */
export const demoPosts = ["楼栋长", "政策宣传", "环境整治", "关爱帮扶"];

const at = (iso: string) => new Date(`${iso}+08:00`);

/**
 * The community side of the demo county, on the demo's fixed dates (2026-11): posts in every community, a few
 * members of the first branch reported to the first grid (four confirmed in September, one waiting), one
 * volunteer activity held with its hours confirmed and one coming up. The demo member 刘洋 is left unreported
 * so the reporting journey can start from nothing.
 */
export async function insertCommunityDemo(
  tx: Db,
  place: { communityIds: number[]; gridId: number; communityId: number; gridWorkerId: number; memberIds: number[] },
) {
  const posts = await tx
    .insert(servicePosts)
    .values(place.communityIds.flatMap((communityId) => demoPosts.map((name) => ({ communityId, name }))))
    .returning();
  const postsHere = posts.filter((p) => p.communityId === place.communityId);
  const [waiting, ...reported] = place.memberIds.slice(0, 5);
  const decided = { decidedBy: place.gridWorkerId, decidedAt: at("2026-09-15T10:00:00") };
  const reports = await tx
    .insert(communityReports)
    .values([
      ...reported.map((memberId) => ({
        memberId,
        communityId: place.communityId,
        gridId: place.gridId,
        status: "confirmed" as const,
        createdAt: at("2026-09-10T20:00:00"),
        ...decided,
      })),
      {
        memberId: waiting,
        communityId: place.communityId,
        gridId: place.gridId,
        createdAt: at("2026-11-20T19:30:00"),
        note: "住在东街 12 号楼",
      },
    ])
    .returning();
  await tx
    .insert(reportPosts)
    .values(reports.map((r, i) => ({ reportId: r.id, postId: postsHere[i % postsHere.length].id })));

  const common = { communityId: place.communityId, gridId: place.gridId, createdBy: place.gridWorkerId, capacity: 20 };
  const [held] = await tx
    .insert(serviceActivities)
    .values([
      {
        ...common,
        title: "清理楼道杂物",
        place: "东街 8–12 号楼",
        startsAt: at("2026-11-14T09:00:00"),
        minutes: 120,
        postId: postsHere[2].id,
        createdAt: at("2026-11-07T09:00:00"),
      },
      {
        ...common,
        title: "走访独居老人",
        place: "东街社区服务中心集合",
        startsAt: at("2026-12-12T09:00:00"),
        minutes: 90,
        capacity: 10,
        postId: postsHere[3].id,
        createdAt: at("2026-11-21T09:00:00"),
      },
    ])
    .returning();
  await tx
    .insert(serviceSignups)
    .values(reported.map((memberId) => ({ activityId: held.id, memberId, createdAt: at("2026-11-08T12:00:00") })));
  const hours = await tx
    .insert(volunteerHours)
    .values(
      reported.map((memberId, i) => ({
        // A fixed id per row keeps reseeding deterministic.
        clientId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
        memberId,
        communityId: place.communityId,
        gridId: place.gridId,
        activityId: held.id,
        servedOn: "2026-11-14",
        halfHours: i === 0 ? 3 : 4,
        description: held.title,
        status: "confirmed" as const,
        recordedBy: place.gridWorkerId,
        createdAt: at("2026-11-14T12:00:00"),
        decidedBy: place.gridWorkerId,
        decidedAt: at("2026-11-14T12:00:00"),
      })),
    )
    .returning();
  // The points these confirmations earned, as the queries would have written them at the time.
  for (const r of reports.filter((r) => r.status === "confirmed")) {
    await award(tx, {
      memberId: r.memberId,
      code: "community_report",
      sourceType: "community_report",
      sourceId: r.id,
      occurredAt: r.decidedAt!,
      causedBy: place.gridWorkerId,
      reason: `${t.points.rules.community_report}：东街社区`,
    });
  }
  for (const h of hours) {
    await award(tx, {
      memberId: h.memberId,
      code: "volunteer_hour",
      sourceType: "volunteer_hours",
      sourceId: h.id,
      quantity: h.halfHours / 2,
      occurredAt: at(`${h.servedOn}T12:00:00`),
      causedBy: place.gridWorkerId,
      reason: `${t.points.source.volunteer_hours}：${h.description}`,
    });
  }
  return {
    servicePosts: posts.length,
    communityReports: reports.length,
    serviceActivities: 2,
    volunteerHours: reported.length,
  };
}
