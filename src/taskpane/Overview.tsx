import {
  Badge,
  Caption1,
  Field,
  Input,
  Select,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableResult } from "../core/evaluate";
import { Overview as Counts, TableView, overviewOf } from "./review";
import { Strings } from "./i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  wrap: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  full: { width: "100%", minWidth: 0 },
});

export type OverviewProps = {
  tables: TableResult[];
  /** The scoring rules the results come from, as the reader should see them. */
  policy: string;
  view: TableView;
  onView: (view: TableView) => void;
  strings: Strings;
};

/**
 * The whole result at a glance: tables by grade, findings by kind (each a filter), a search and
 * the order of the cards below.
 */
export function Overview({ tables, policy, view, onView, strings: t }: OverviewProps) {
  const styles = useStyles();
  const counts: Counts = overviewOf(tables);
  return (
    <section className={styles.root} aria-label={t.overview}>
      <Text weight="semibold">{t.tables(counts.tables)}</Text>
      <Caption1>{t.scoredBy(policy)}</Caption1>
      <div className={styles.wrap} aria-label={t.byGrade} role="group">
        {counts.grades.map(([grade, n]) => (
          <Badge key={grade} appearance="outline" shape="rounded">
            {t.grades[grade]} {n}
          </Badge>
        ))}
      </div>
      {counts.findings.length > 0 && (
        <div className={styles.wrap} aria-label={t.byFinding} role="group">
          <Caption1>{t.byFinding}</Caption1>
          <ToggleButton
            size="small"
            checked={view.flag === null}
            onClick={() => onView({ ...view, flag: null })}
          >
            {t.allFindings}
          </ToggleButton>
          {counts.findings.map(([flag, n]) => (
            <ToggleButton
              key={flag}
              size="small"
              checked={view.flag === flag}
              onClick={() => onView({ ...view, flag: view.flag === flag ? null : flag })}
            >
              {`${t.flags[flag]} ${n}`}
            </ToggleButton>
          ))}
        </div>
      )}
      <Input
        className={styles.full}
        type="search"
        aria-label={t.search}
        placeholder={t.search}
        value={view.query}
        onChange={(_, data) => onView({ ...view, query: data.value })}
      />
      <Field label={t.order}>
        <Select
          className={styles.full}
          value={view.order}
          onChange={(_, data) => onView({ ...view, order: data.value as TableView["order"] })}
        >
          <option value="attention">{t.orderAttention}</option>
          <option value="workbook">{t.orderWorkbook}</option>
        </Select>
      </Field>
    </section>
  );
}
