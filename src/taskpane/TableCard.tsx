import {
  Badge,
  Button,
  Caption1,
  Card,
  CardHeader,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { cellAddress } from "../core/address";
import { BudgetResult, Flag, IndicatorResult, TableResult } from "../core/evaluate";
import { TablePlan, gradeText, tableName } from "../core/plan";
import { RemarkPlace } from "../core/gateway";
import { MarkChange } from "../core/marks";
import { FindingMarks } from "./FindingMarks";
import { Strings } from "./i18n";

const useStyles = makeStyles({
  totals: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
    alignItems: "center",
  },
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  // 未填报 and 未评分 stand where a one-character grade does: keep them on one line.
  grade: { whiteSpace: "nowrap", flexShrink: 0 },
});

export type TableCardProps = {
  table: TableResult;
  /** Makes each indicator's element id, so that the pane can scroll to it. */
  anchor?: (table: TableResult, row: number) => string;
  plan: TablePlan | null;
  strings: Strings;
  /** The workbook the table is in, where several are open. */
  file?: string;
  onSelect?: (sheet: string, address: string) => void;
  onRemark?: (place: RemarkPlace, text: string) => Promise<void>;
  /** Sets or takes off a reviewer's mark on a finding (hosts that keep a record). */
  onMark?: (change: MarkChange) => Promise<void>;
};

const GRADE_COLOR = { 优: "success", 良: "brand", 中: "warning", 差: "danger" } as const;

/** The cells of an indicator's row, from its name to its score. */
export function rowAddress(indicator: IndicatorResult): string {
  const cols = [
    indicator.cells.name,
    indicator.cells.target,
    indicator.cells.actual,
    indicator.cells.score,
  ]
    .filter((c): c is { row: number; col: number } => c !== null)
    .map((c) => c.col);
  const row = indicator.row - 1;
  return `${cellAddress(row, Math.min(...cols))}:${cellAddress(row, Math.max(...cols))}`;
}

export function TableCard({
  table,
  anchor,
  plan,
  strings: t,
  file,
  onSelect,
  onRemark,
  onMark,
}: TableCardProps) {
  const styles = useStyles();
  const [onlyFlagged, setOnlyFlagged] = useState(true);
  const [open, setOpen] = useState(true);

  return (
    <Card aria-label={tableName(table)}>
      <CardHeader
        header={<Text weight="semibold">{tableName(table)}</Text>}
        description={
          <Caption1>
            {file ? `${file} · ` : ""}
            {table.sheet}!{table.range}
          </Caption1>
        }
        action={
          <div className={styles.line}>
            <Badge
              className={styles.grade}
              shape={table.grade ? "circular" : "rounded"}
              color={table.grade ? GRADE_COLOR[table.grade] : "informative"}
              aria-label={`${t.grade} ${gradeText(table)}`}
            >
              {gradeText(table)}
            </Badge>
            <Button
              size="small"
              appearance="subtle"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {open ? t.collapse : t.expand}
            </Button>
          </div>
        }
      />
      <div className={styles.totals}>
        <Text>
          {t.computed} <Text weight="semibold">{table.total ?? "—"}</Text>
        </Text>
        <Text>
          {t.reported} {table.reportedTotal ?? t.notReported}
        </Text>
        <FlagBadges flags={table.flags} strings={t} />
      </div>
      {open && (
        <TableBody
          {...{
            table,
            anchor,
            plan,
            strings: t,
            onSelect,
            onRemark,
            onMark,
            onlyFlagged,
            setOnlyFlagged,
          }}
        />
      )}
    </Card>
  );
}

function TableBody({
  table,
  anchor,
  plan,
  strings: t,
  onSelect,
  onRemark,
  onMark,
  onlyFlagged,
  setOnlyFlagged,
}: TableCardProps & { onlyFlagged: boolean; setOnlyFlagged: (on: boolean) => void }) {
  const styles = useStyles();
  const flagged = table.indicators.filter((i) => i.flags.length > 0);
  const shown = onlyFlagged ? flagged : table.indicators;
  const headerRows = table.detected.blocks.map((b) => b.headerRow);
  const placeFor = (row: number, anchor: { row: number; col: number }): RemarkPlace | null =>
    plan ? { sheet: table.sheet, row, col: plan.remarkCol + 1, anchor, headerRows } : null;
  const totalRow = table.detected.total?.row ?? headerRows[0];
  const tablePlace = placeFor(totalRow, { row: totalRow, col: table.detected.left });
  return (
    <>
      <Notes notes={table.notes} />
      {table.budget && <BudgetFacts budget={table.budget} strings={t} />}
      <div className={styles.totals}>
        <Caption1>{t.indicators(table.indicators.length, flagged.length)}</Caption1>
        <Switch
          label={t.onlyFlagged}
          checked={onlyFlagged}
          onChange={(_, data) => setOnlyFlagged(data.checked)}
        />
      </div>
      <div className={styles.rows} role="list">
        {shown.map((indicator) => (
          <IndicatorItem
            key={indicator.row}
            id={anchor?.(table, indicator.row)}
            indicator={indicator}
            strings={t}
            onSelect={onSelect ? () => onSelect(table.sheet, rowAddress(indicator)) : undefined}
            place={placeFor(indicator.row - 1, indicator.cells.name)}
            onRemark={onRemark}
            onMark={onMark}
            sheet={table.sheet}
          />
        ))}
      </div>
      {onRemark && tablePlace && (
        <RemarkEditor
          label={t.remarkTable}
          strings={t}
          onSave={(text) => onRemark(tablePlace, text)}
        />
      )}
    </>
  );
}

/** The budget row's numbers, enough to check its score by hand. */
function BudgetFacts({ budget: b, strings: t }: { budget: BudgetResult; strings: Strings }) {
  const styles = useStyles();
  const money = (n: number | null) => (n === null ? "—" : t.amount(n));
  return (
    <div role="group" aria-label={t.budget}>
      <Text weight="semibold">
        {t.budget}（{t.row(b.row)}）
      </Text>
      <dl className={styles.facts}>
        <dt>{t.planned}</dt>
        <dd>{money(b.planned)}</dd>
        <dt>{t.executed}</dt>
        <dd>{money(b.executed)}</dd>
        <dt>{t.rate}</dt>
        <dd>{b.rate === null ? "—" : `${(b.rate * 100).toFixed(2)}%`}</dd>
        <dt>{t.enteredScore}</dt>
        <dd>{b.reportedScore ?? t.notReported}</dd>
        <dt>{t.computedScore}</dt>
        <dd>
          {b.score} / {b.weight}
        </dd>
      </dl>
    </div>
  );
}

function IndicatorItem({
  id,
  sheet,
  indicator: i,
  strings: t,
  onSelect,
  place,
  onRemark,
  onMark,
}: {
  id?: string;
  sheet: string;
  indicator: IndicatorResult;
  strings: Strings;
  onSelect?: () => void;
  place: RemarkPlace | null;
  onRemark?: (place: RemarkPlace, text: string) => Promise<void>;
  onMark?: (change: MarkChange) => Promise<void>;
}) {
  const styles = useStyles();
  return (
    <div className={styles.row} role="listitem" id={id}>
      <div
        className={styles.line}
        role={onSelect ? "button" : undefined}
        tabIndex={onSelect ? 0 : undefined}
        onClick={onSelect}
        onKeyDown={(e) => (e.key === "Enter" ? onSelect?.() : undefined)}
      >
        <Caption1>{t.row(i.row)}</Caption1>
        <Text>{i.name}</Text>
        <Text weight="semibold">
          {i.score}/{i.weight ?? t.noWeight}
        </Text>
        <FlagBadges flags={i.flags} strings={t} />
      </div>
      {i.flags.length > 0 && <IndicatorFacts indicator={i} strings={t} />}
      <Notes notes={i.notes} />
      {i.breakdown.map((b) => (
        <Caption1 key={b.row} className={styles.note}>
          {t.breakdown(b.row, b.name, b.target, b.actual)}
        </Caption1>
      ))}
      {onMark && i.flags.length > 0 && (
        <FindingMarks
          sheet={sheet}
          row={i.row}
          flags={i.flags}
          marks={i.marks ?? []}
          strings={t}
          onMark={onMark}
        />
      )}
      {onRemark && place && (
        <RemarkEditor label={t.remark} strings={t} onSave={(text) => onRemark(place, text)} />
      )}
    </div>
  );
}

/** What a reviewer needs to check a finding by hand: the numbers and the rule used. */
function IndicatorFacts({
  indicator: i,
  strings: t,
}: {
  indicator: IndicatorResult;
  strings: Strings;
}) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      <dt>{t.target}</dt>
      <dd>{i.target || "—"}</dd>
      <dt>{t.actual}</dt>
      <dd>{i.actual || "—"}</dd>
      <dt>{t.enteredScore}</dt>
      <dd>{i.reportedScore ?? t.notReported}</dd>
      <dt>{t.computedScore}</dt>
      <dd>
        {i.score} / {i.weight ?? t.noWeight}
      </dd>
      <dt>{t.method}</dt>
      <dd>{i.method ? t.methods[i.method] : t.noMethod}</dd>
    </dl>
  );
}

/** Weak and vague targets are warnings, a form not filled in is information; everything else is an error. */
const FLAG_COLOR: Partial<Record<Flag, "warning" | "informative">> = {
  "weak-target": "warning",
  "vague-target": "warning",
  unfilled: "informative",
};

function FlagBadges({ flags, strings: t }: { flags: Flag[]; strings: Strings }) {
  return (
    <>
      {flags.map((flag) => (
        <Badge key={flag} appearance="tint" color={FLAG_COLOR[flag] ?? "danger"}>
          {t.flags[flag]}
        </Badge>
      ))}
    </>
  );
}

function Notes({ notes }: { notes: string[] }) {
  const styles = useStyles();
  return (
    <>
      {notes.map((note) => (
        <Caption1 key={note} className={styles.note}>
          {note}
        </Caption1>
      ))}
    </>
  );
}

function RemarkEditor({
  label,
  strings: t,
  onSave,
}: {
  label: string;
  strings: Strings;
  onSave: (text: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  if (!open) {
    return (
      <Button size="small" appearance="subtle" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div>
      <Textarea aria-label={label} value={text} onChange={(_, data) => setText(data.value)} />
      <Button
        size="small"
        appearance="primary"
        disabled={text.trim() === ""}
        onClick={async () => {
          await onSave(text.trim());
          setOpen(false);
          setText("");
        }}
      >
        {t.save}
      </Button>
      <Button size="small" onClick={() => setOpen(false)}>
        {t.cancel}
      </Button>
    </div>
  );
}
