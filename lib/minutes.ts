import { t } from "./messages";
import { formatFull } from "./time";
/**
 * The recorded facts of a closed activity that its minutes show (docs/architecture.md#minutes): read from
 * the activity, its roster, its leave decisions, its agenda steps and its dues, never typed. Dates are ISO
 * strings so that the copy kept at sign-off (a jsonb column) reads back the same.
 */
export interface MinutesFacts {
  activityId: number;
  branchName: string;
  type: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  closedAt: string | null;
  expected: number;
  present: Person[];
  late: Person[];
  leave: (Person & { leaveType: string | null; reason: string | null })[];
  absent: Person[];
  steps: {
    title: string;
    mandatory: boolean;
    doneAt: string | null;
    note: string | null;
    evidenceId: number | null;
  }[];
  dues: { payers: number; totalFen: number; payments: (Person & { amountFen: number })[] };
}

export interface Person {
  memberId: number;
  name: string;
}

/** 应到 / 实到 (present and late) / 请假 / 缺席: the figures a minutes book opens with. */
export function attendanceFigures(facts: MinutesFacts) {
  return {
    expected: facts.expected,
    attended: facts.present.length + facts.late.length,
    present: facts.present.length,
    late: facts.late.length,
    leave: facts.leave.length,
    absent: facts.absent.length,
  };
}

/** Fen as yuan with two decimals, as a minutes book writes money. */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** One activity's minutes as the screen, the print page and the Word files show them. */
export interface MinutesRecord {
  facts: MinutesFacts;
  chairName: string | null;
  recorderName: string | null;
  discussion: string;
  resolutions: string;
  attachments: number;
  addenda: { body: string; by: string; at: Date }[];
  signedByName: string | null;
  signedAt: Date | null;
}

const typeLabel = (type: string) => t.activityType[type as keyof typeof t.activityType] ?? type;
const names = (people: { name: string }[]) => (people.length ? people.map((p) => p.name).join("、") : t.minutes.none);
const leaveType = (type: string | null) => (type ? t.leave.types[type as keyof typeof t.leave.types] : "");

/**
 * The recorded facts of the minutes as label and value, in the order the screen, the print and the Word file
 * show them; the leave list is one line per person (none: the word for none).
 */
export function factRows(record: MinutesRecord): [label: string, value: string | string[]][] {
  const { facts } = record;
  return [
    [t.minutes.type, typeLabel(facts.type)],
    [t.minutes.topic, facts.title],
    [t.minutes.time, formatFull(new Date(facts.startsAt))],
    [t.minutes.place, facts.place || t.minutes.noPlace],
    [t.minutes.chair, record.chairName ?? ""],
    [t.minutes.recorder, record.recorderName ?? ""],
    [t.minutes.attendance, t.minutes.figures(attendanceFigures(facts))],
    [t.minutes.presentList, names(facts.present)],
    [t.minutes.lateList, names(facts.late)],
    [
      t.minutes.leaveList,
      facts.leave.length
        ? facts.leave.map((p) => `${p.name}（${t.minutes.leaveReason(leaveType(p.leaveType), p.reason ?? "")}）`)
        : t.minutes.none,
    ],
    [t.minutes.absentList, names(facts.absent)],
    [
      t.minutes.dues,
      facts.dues.payers ? t.minutes.duesSummary(facts.dues.payers, yuan(facts.dues.totalFen)) : t.minutes.noDues,
    ],
  ];
}

/** The activity's type and topic, as the minutes head them. */
export const minutesTitle = (facts: MinutesFacts) => `${typeLabel(facts.type)}：${facts.title}`;
