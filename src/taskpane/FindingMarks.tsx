import { Badge, Button, Caption1, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { Flag, FindingMark } from "../core/evaluate";
import { MarkChange } from "../core/marks";
import { Strings } from "./i18n";

const useStyles = makeStyles({
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  reason: { minWidth: 0, flexGrow: 1 },
});

export type FindingMarksProps = {
  sheet: string;
  /** The 1-based row the findings are on (an indicator's, or the table's first). */
  row: number;
  flags: Flag[];
  marks: FindingMark[];
  strings: Strings;
  onMark: (change: MarkChange) => Promise<void>;
};

/**
 * A reviewer's decision on each finding of a row: 已核实 (checked, kept) or 忽略 (dismissed,
 * with a reason, which is required), and taking it back. The workbook's record keeps it.
 */
export function FindingMarks({ sheet, row, flags, marks, strings: t, onMark }: FindingMarksProps) {
  return (
    <>
      {flags.map((flag) => (
        <FindingMarkLine
          key={flag}
          flag={flag}
          mark={marks.find((m) => m.flag === flag)}
          strings={t}
          onMark={(status, reason) =>
            onMark(
              status === null
                ? { sheet, row, flag, status: null }
                : { sheet, row, flag, status, reason }
            )
          }
        />
      ))}
    </>
  );
}

function FindingMarkLine({
  flag,
  mark,
  strings: t,
  onMark,
}: {
  flag: Flag;
  mark: FindingMark | undefined;
  strings: Strings;
  onMark: (status: "checked" | "dismissed" | null, reason: string) => Promise<void>;
}) {
  const styles = useStyles();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const label = `${t.flags[flag]}：${t.markLabel}`;
  return (
    <div className={styles.line} role="group" aria-label={label}>
      <Badge appearance="outline">{t.flags[flag]}</Badge>
      {mark ? (
        <>
          <Caption1>
            {mark.status === "checked" ? t.checkedAs : t.dismissedAs(mark.reason)}
          </Caption1>
          <Button size="small" appearance="subtle" onClick={() => onMark(null, "")}>
            {t.markUndo}
          </Button>
        </>
      ) : dismissing ? (
        <>
          <Input
            className={styles.reason}
            size="small"
            aria-label={t.markReason}
            placeholder={t.markReason}
            value={reason}
            onChange={(_, data) => setReason(data.value)}
          />
          <Button
            size="small"
            appearance="primary"
            disabled={reason.trim() === ""}
            onClick={async () => {
              await onMark("dismissed", reason.trim());
              setDismissing(false);
              setReason("");
            }}
          >
            {t.save}
          </Button>
          <Button size="small" onClick={() => setDismissing(false)}>
            {t.cancel}
          </Button>
        </>
      ) : (
        <>
          <Button size="small" appearance="subtle" onClick={() => onMark("checked", "")}>
            {t.markChecked}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setDismissing(true)}>
            {t.markDismiss}
          </Button>
        </>
      )}
    </div>
  );
}
