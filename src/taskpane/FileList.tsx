import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { gradeText } from "../core/plan";
import { describePolicy } from "../core/policy";
import { policyFromSettings } from "../core/settings";
import {
  annotatedName,
  batchOpinions,
  batchOpinionsPage,
  batchReport,
  batchSummary,
  zipOfCopies,
} from "./batch-downloads";
import { Strings } from "./i18n";
import type { Session } from "./App";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    justifyContent: "space-between",
  },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export type FileListProps = {
  sessions: Session[];
  /** The rules the files are scored by, as the summary names them. */
  rules: string;
  strings: Strings;
  saveFile: (name: string, data: Uint8Array) => void;
  busy: boolean;
};

/**
 * The workbooks opened in the browser: each with its tables or the sentence saying why it
 * could not be rescored, its annotated copy, and the batch's summary, report and zip.
 */
export function FileList({ sessions, rules, strings: t, saveFile, busy }: FileListProps) {
  const styles = useStyles();
  const copies = sessions
    .filter((s) => s.outcome && s.gateway?.download)
    .map((s) => ({ session: s, copy: s.gateway!.download!() }))
    .filter((c): c is { session: Session; copy: { name: string; data: Uint8Array } } =>
      Boolean(c.copy)
    );
  const batch = sessions.map((s) => ({
    name: s.name,
    tables: s.outcome?.tables ?? null,
    error: s.error,
    rules: s.scoredWith ? describePolicy(policyFromSettings(s.scoredWith)) : rules,
  }));
  const single = sessions.length === 1;
  return (
    <section className={styles.root} aria-label={t.files}>
      {!single && <Text weight="semibold">{t.files}</Text>}
      {sessions.map((s) => {
        const copy = copies.find((c) => c.session === s)?.copy;
        return (
          <div key={s.id} className={styles.item} role="group" aria-label={s.name}>
            <div className={styles.name}>
              <Text>{s.name}</Text>
              <br />
              {s.error ? (
                <Caption1 className={styles.failed}>
                  {t.fileFailed}：{s.error}
                </Caption1>
              ) : (
                <Caption1>
                  {s.outcome
                    ? `${t.fileTables(s.outcome.tables.length)} · ${s.outcome.tables.map(gradeText).join(" ")}`
                    : ""}
                </Caption1>
              )}
            </div>
            {copy && (
              <Button
                size="small"
                disabled={busy}
                onClick={() => saveFile(annotatedName(copy.name), copy.data)}
              >
                {single ? t.download : t.downloadOne}
              </Button>
            )}
          </div>
        );
      })}
      {copies.length > 0 && (
        <div className={styles.actions}>
          {copies.length > 1 && (
            <Button
              disabled={busy}
              onClick={() => saveFile("复核后的工作簿.zip", zipOfCopies(copies.map((c) => c.copy)))}
            >
              {t.downloadZip}
            </Button>
          )}
          <Button
            disabled={busy}
            onClick={async () => saveFile("复核汇总.xlsx", await batchSummary(batch))}
          >
            {t.downloadSummary}
          </Button>
          <Button
            disabled={busy}
            onClick={() => saveFile("复核报告.html", batchReport(batch, new Date()))}
          >
            {t.downloadReport}
          </Button>
          <Button disabled={busy} onClick={() => saveFile("复核意见.xlsx", batchOpinions(batch))}>
            {t.downloadOpinions}
          </Button>
          <Button
            disabled={busy}
            onClick={() => saveFile("复核意见.html", batchOpinionsPage(batch, new Date()))}
          >
            {t.downloadOpinionsPage}
          </Button>
        </div>
      )}
    </section>
  );
}
