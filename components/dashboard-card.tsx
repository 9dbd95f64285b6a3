import { t } from "@/lib/messages";
import { percent } from "@/lib/points";
import { Card } from "./ui/card";
import { StatGrid } from "./ui/stat-grid";

/** The month's figures at the top of a branch's and the county's workbench; `children` add the detail below. */
export function DashboardCard({
  month,
  figures,
  children,
}: {
  month: string;
  figures: { attendanceRate: number | null; pendingLeave: number; overdue: number; deducted: number };
  children?: React.ReactNode;
}) {
  return (
    <Card title={t.dashboard.title(t.points.month(month))}>
      <StatGrid
        items={[
          [t.dashboard.attendance, percent(figures.attendanceRate)],
          [t.dashboard.pendingLeave, figures.pendingLeave],
          [t.dashboard.overdue, figures.overdue],
          [t.dashboard.deducted, figures.deducted],
        ]}
      />
      {children}
    </Card>
  );
}
