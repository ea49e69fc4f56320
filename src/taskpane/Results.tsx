import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { RemarkPlace } from "../core/gateway";
import { Strings } from "./i18n";
import { Overview } from "./Overview";
import { ReviewGuide } from "./ReviewGuide";
import { TableView, tablesInView } from "./review";
import { TableCard } from "./TableCard";
import type { Session } from "./App";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export type ResultsProps = {
  sessions: Session[];
  /** Several workbooks (the browser page): each card names its file. */
  many: boolean;
  view: TableView;
  onView: (view: TableView) => void;
  strings: Strings;
  onSelect?: (sheet: string, address: string) => void;
  onRemark?: (place: RemarkPlace, text: string) => Promise<void>;
};

/** The overview over every table of every workbook, then the tables asked for, as cards. */
export function Results({
  sessions,
  many,
  view,
  onView,
  strings: t,
  onSelect,
  onRemark,
}: ResultsProps) {
  const styles = useStyles();
  const items = sessions.flatMap((session) =>
    (session.outcome?.tables ?? []).map((table) => ({
      session,
      table,
      plan:
        session.outcome!.plans.find((p) => p.sheet === table.sheet && p.range === table.range) ??
        null,
    }))
  );
  const policies = [
    ...new Set(
      sessions
        .filter((s) => s.scoredWith)
        .map((s) => (s.scoredWith!.policy === "wuhan" ? t.policyWuhan : t.policyNational))
    ),
  ];
  const shown = tablesInView(items, view);
  return (
    <div className={styles.root}>
      <Overview
        tables={items.map((i) => i.table)}
        policy={policies.join("、")}
        view={view}
        onView={onView}
        strings={t}
      />
      <ReviewGuide strings={t} />
      {shown.length === 0 && <Text>{t.noTableShown}</Text>}
      {shown.map(({ session, table, plan }) => (
        <TableCard
          key={`${session.id}|${table.sheet}!${table.range}`}
          table={table}
          plan={plan}
          strings={t}
          file={many ? session.name : undefined}
          onSelect={onSelect}
          onRemark={onRemark}
        />
      ))}
    </div>
  );
}
