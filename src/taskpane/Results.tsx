import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TableResult } from "../core/evaluate";
import { tableName } from "../core/plan";
import { RemarkPlace } from "../core/gateway";
import { MarkChange } from "../core/marks";
import { Strings } from "./i18n";
import { Overview } from "./Overview";
import { ReviewGuide } from "./ReviewGuide";
import { TableView, findingsToCheck, tablesInView } from "./review";
import { TableCard, rowAddress } from "./TableCard";
import type { Session } from "./App";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** How many findings the list at the top offers. */
const FIRST_FINDINGS = 8;

export type ResultsProps = {
  sessions: Session[];
  /** Several workbooks (the browser page): each card names its file. */
  many: boolean;
  view: TableView;
  onView: (view: TableView) => void;
  strings: Strings;
  onSelect?: (sheet: string, address: string) => void;
  onRemark?: (place: RemarkPlace, text: string) => Promise<void>;
  /** Sets or takes off a reviewer's mark, in the workbook the card belongs to. */
  onMark?: (session: Session, change: MarkChange) => Promise<void>;
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
  onMark,
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
  const anchorOf = (sessionId: number) => (table: TableResult, row: number) =>
    `finding-${sessionId}-${encodeURIComponent(table.sheet)}-${row}`;
  const first = findingsToCheck(shown, FIRST_FINDINGS);
  return (
    <div className={styles.root}>
      <Overview
        tables={items.map((i) => i.table)}
        policy={policies.join("、")}
        view={view}
        onView={onView}
        strings={t}
      />
      {first.length > 0 && (
        <section aria-label={t.firstFindings}>
          <Text weight="semibold">{t.firstFindings}</Text>
          <ol className={styles.findings}>
            {first.map(({ item, table, indicator }) => (
              <li key={`${item.session.id}|${table.sheet}|${indicator.row}`}>
                <Link
                  as="button"
                  onClick={() => {
                    onSelect?.(table.sheet, rowAddress(indicator));
                    document
                      .getElementById(anchorOf(item.session.id)(table, indicator.row))
                      ?.scrollIntoView({ block: "center" });
                  }}
                >
                  {`${tableName(table)} · ${t.row(indicator.row)} ${indicator.name}：${indicator.flags
                    .map((f) => t.flags[f])
                    .join("、")}`}
                </Link>
              </li>
            ))}
          </ol>
        </section>
      )}
      <ReviewGuide strings={t} />
      {shown.length === 0 && <Text>{t.noTableShown}</Text>}
      {shown.map(({ session, table, plan }) => (
        <TableCard
          key={`${session.id}|${table.sheet}!${table.range}`}
          table={table}
          anchor={anchorOf(session.id)}
          plan={plan}
          strings={t}
          file={many ? session.name : undefined}
          onSelect={onSelect}
          onRemark={onRemark}
          onMark={onMark && session.gateway?.mark ? (change) => onMark(session, change) : undefined}
        />
      ))}
    </div>
  );
}
