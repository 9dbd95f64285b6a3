import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { t } from "./messages";
import { attendanceFigures, factRows, type MinutesFacts, type MinutesRecord, minutesTitle } from "./minutes";
import { formatFull, monthOf } from "./time";

/**
 * Word documents of the minutes and of a branch's yearly 台账 (docs/architecture.md#minutes), built with
 * `docx`. Fonts are named as Windows and WPS know them: SimSun (宋体) for the text and SimHei (黑体) for
 * headings, set for East Asian characters (`w:eastAsia`), Times New Roman for digits and Latin letters; the
 * language is zh-CN. A4 portrait, the branch and year in the header, 第 x 页 共 y 页 in the footer.
 */

const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun", cs: "Times New Roman" };
const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimHei", cs: "Times New Roman" };
/** Half-points: 小四 (12 pt) for text, 三号 (16 pt) and 二号 (22 pt) for headings. */
const SIZE = { body: 24, heading: 32, title: 44, small: 18 };
/** A4 in twentieths of a point, with 2.5 cm margins. */
const A4 = { width: 11906, height: 16838, margin: 1418 };

const run = (text: string, bold = false) => new TextRun({ text, bold });
const lines = (text: string) =>
  (text.trim() ? text.split(/\r?\n/) : [t.minutes.none]).map((line) => new Paragraph({ children: [run(line)] }));
const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [run(text)] });
const _names = (people: { name: string }[]) => (people.length ? people.map((p) => p.name).join("、") : t.minutes.none);

const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: thin, bottom: thin, left: thin, right: thin };
const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    borders,
    width: { size: width, type: WidthType.PERCENTAGE },
    children: text.split("\n").map((line) => new Paragraph({ children: [run(line, bold)] })),
  });

/** The facts and what people wrote, as a two-column table and sections: one activity's minutes. */
function minutesBody(record: MinutesRecord, anchor?: string): (Paragraph | Table)[] {
  const { facts } = record;
  const title = minutesTitle(facts);
  const rows = factRows(record).map(([label, value]): [string, string] => [
    label,
    Array.isArray(value) ? value.join("\n") : value,
  ]);
  const titleRun = run(record.signedAt ? title : `${title}${t.minutes.draftMark}`);
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: anchor ? [new Bookmark({ id: anchor, children: [titleRun] })] : [titleRun],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(([label, value]) => new TableRow({ children: [cell(label, 22, true), cell(value, 78)] })),
    }),
    heading(t.minutes.agenda),
    ...(facts.steps.length
      ? facts.steps.map(
          (s, i) =>
            new Paragraph({
              children: [
                run(`${i + 1}. ${s.title}${s.mandatory ? `（${t.minutes.mandatory}）` : ""}：`),
                run(s.doneAt ? t.minutes.stepDone(formatFull(new Date(s.doneAt))) : t.minutes.stepOpen),
                ...(s.note ? [run(`　${s.note}`)] : []),
                ...(s.evidenceId ? [run(`　${t.minutes.evidence}：${t.minutes.evidencePhoto}`)] : []),
              ],
            }),
        )
      : [new Paragraph({ children: [run(t.minutes.noAgenda)] })]),
    heading(t.minutes.discussion),
    ...lines(record.discussion),
    heading(t.minutes.resolutions),
    ...lines(record.resolutions),
    heading(t.minutes.attachments),
    new Paragraph({
      children: [
        run(
          record.attachments
            ? Array.from({ length: record.attachments }, (_, i) => t.minutes.attachmentLabel(i + 1)).join("、")
            : t.minutes.noAttachments,
        ),
      ],
    }),
    ...(record.addenda.length
      ? [
          heading(t.minutes.addenda),
          ...record.addenda.flatMap((a) => [
            new Paragraph({ children: [run(t.minutes.addendumBy(a.by, formatFull(a.at)), true)] }),
            ...lines(a.body),
          ]),
        ]
      : []),
    new Paragraph({
      spacing: { before: 360 },
      children: [
        run(
          record.signedAt && record.signedByName
            ? t.minutes.signedBy(record.signedByName, formatFull(record.signedAt))
            : t.minutes.notSigned,
        ),
      ],
    }),
    signatureLine(),
  ];
}

function signatureLine() {
  return new Paragraph({
    spacing: { before: 480 },
    children: [
      run(
        `${t.minutes.chairSignature}：＿＿＿＿＿＿　　${t.minutes.signature}：＿＿＿＿＿＿　　${t.minutes.dateLine}：＿＿＿＿＿＿`,
      ),
    ],
  });
}

function document(headerText: string, children: (Paragraph | Table)[]) {
  return new Document({
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: SIZE.body, language: { value: "zh-CN", eastAsia: "zh-CN" } } },
        heading1: { run: { font: HEADING_FONT, size: SIZE.title, bold: true } },
        heading2: { run: { font: HEADING_FONT, size: SIZE.heading, bold: true } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: headerText, size: SIZE.small })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: SIZE.small,
                    children: [
                      `${t.minutes.pageOf} `,
                      PageNumber.CURRENT,
                      ` ${t.minutes.pageMid} `,
                      PageNumber.TOTAL_PAGES,
                      ` ${t.minutes.pageEnd}`,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

const yearOf = (facts: MinutesFacts) => Number(monthOf(new Date(facts.startsAt)).slice(0, 4));

/** One activity's minutes as a .docx. */
export function minutesDocx(record: MinutesRecord): Promise<Buffer> {
  return Packer.toBuffer(
    document(t.minutes.header(record.facts.branchName, yearOf(record.facts)), minutesBody(record)),
  );
}

/**
 * The branch's 台账 for a year: a title, a contents page linking to each activity, the attendance summary of
 * the year, then every activity's minutes in order, each on a new page.
 */
export function ledgerDocx(branchName: string, year: number, records: MinutesRecord[]): Promise<Buffer> {
  const label = (r: MinutesRecord) => t.activityType[r.facts.type as keyof typeof t.activityType] ?? r.facts.type;
  const day = (r: MinutesRecord) => formatFull(new Date(r.facts.startsAt));
  const status = (r: MinutesRecord) => (r.signedAt ? t.minutes.signedTag : t.minutes.missingTag);
  const summary = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.minutes.ledgerColumns.map((c) => cell(c, 11, true)) }),
      ...records.map((r, i) => {
        const f = attendanceFigures(r.facts);
        return new TableRow({
          children: [
            String(i + 1),
            day(r),
            label(r),
            r.facts.title,
            String(f.expected),
            String(f.attended),
            String(f.leave),
            String(f.absent),
            status(r),
          ].map((v) => cell(v, 11)),
        });
      }),
    ],
  });
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      spacing: { before: 2400, after: 480 },
      children: [run(t.minutes.ledgerTitle(branchName, year))],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [run(t.minutes.contents)] }),
    ...(records.length
      ? records.map(
          (r, i) =>
            new Paragraph({
              children: [
                new InternalHyperlink({
                  anchor: `activity${i + 1}`,
                  children: [run(`${i + 1}. ${day(r)}　${label(r)}：${r.facts.title}　${status(r)}`)],
                }),
              ],
            }),
        )
      : [new Paragraph({ children: [run(t.minutes.ledgerEmpty)] })]),
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [run(t.minutes.ledgerSummary)] }),
    summary,
  ];
  records.forEach((r, i) => {
    children.push(new Paragraph({ pageBreakBefore: true, children: [] }), ...minutesBody(r, `activity${i + 1}`));
  });
  return Packer.toBuffer(document(t.minutes.header(branchName, year), children));
}
