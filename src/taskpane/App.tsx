import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { parseRange } from "../core/address";
import { SelfEvalError } from "../core/errors";
import { Settings, defaultSettings } from "../core/settings";
import {
  RemarkPlace,
  RescoreOutcome,
  SettingsStore,
  Stage,
  WorkbookGateway,
} from "../core/gateway";
import { CommandReport } from "../commands/commands";
import { Channel } from "./channel";
import { STRINGS, Strings } from "./i18n";
import { SettingsPanel } from "./SettingsPanel";
import { TableCard } from "./TableCard";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
});

export type AppProps = {
  /** The open workbook in Excel; null in a plain browser, where the user opens a file. */
  excel: WorkbookGateway | null;
  openFile: (file: File) => Promise<WorkbookGateway>;
  settingsStore: SettingsStore;
  /** Saves a downloaded workbook (the browser page); injected so tests can watch it. */
  saveFile?: (name: string, data: Uint8Array) => void;
  /** How long edits settle before live mode rescores, in ms. */
  liveDelay?: number;
  /** Results of the ribbon's 一键复核, run while the pane may be closed. */
  commandReports?: Channel<CommandReport>;
};

type Message = { intent: "error" | "warning" | "success"; text: string };

export function App({
  excel,
  openFile,
  settingsStore,
  saveFile,
  liveDelay = 800,
  commandReports,
}: AppProps) {
  const styles = useStyles();
  const [gateway, setGateway] = useState<WorkbookGateway | null>(excel);
  const [settings, setSettings] = useState<Settings>(defaultSettings());
  const [stage, setStage] = useState<Stage | null>(null);
  const [outcome, setOutcome] = useState<RescoreOutcome | null>(null);
  // The latest results, for a live rescore started from an event handler.
  const outcomeRef = useRef(outcome);
  outcomeRef.current = outcome;
  const [messages, setMessages] = useState<Message[]>([]);
  const busy = useRef(false);
  const changed = useRef(false);
  const t: Strings = STRINGS[settings.language];

  useEffect(() => {
    // Saved settings arrive asynchronously; a change the user made meanwhile wins.
    settingsStore.load().then(
      (loaded) => changed.current || setSettings(loaded),
      () => setMessages([{ intent: "warning", text: STRINGS.zh.settingsUnreadable }])
    );
  }, [settingsStore]);

  const describe = useCallback(
    (error: unknown) => {
      if (error instanceof SelfEvalError)
        return settings.language === "en" ? error.english : error.message;
      return t.unexpected(error instanceof Error ? error.message : String(error));
    },
    [settings.language, t]
  );

  const rescore = useCallback(
    async (target: WorkbookGateway | null = gateway, sheet?: string) => {
      if (!target || busy.current) return;
      busy.current = true;
      setMessages([]);
      try {
        const others = sheet
          ? outcomeRef.current?.tables.filter((t) => t.sheet !== sheet)
          : undefined;
        const result = await target.rescore(settings, setStage, sheet, others);
        setOutcome((previous) =>
          sheet && previous
            ? {
                tables: [...previous.tables.filter((x) => x.sheet !== sheet), ...result.tables],
                plans: [...previous.plans.filter((x) => x.sheet !== sheet), ...result.plans],
                problems: result.problems,
              }
            : result
        );
        if (result.problems.length)
          setMessages(result.problems.map((p) => ({ intent: "warning", text: p.message })));
      } catch (error) {
        setMessages([{ intent: "error", text: describe(error) }]);
      } finally {
        setStage(null);
        busy.current = false;
      }
    },
    [gateway, settings, describe]
  );

  const clear = async () => {
    if (!gateway || busy.current) return;
    busy.current = true;
    try {
      const cleared = await gateway.clear();
      setOutcome(null);
      setMessages([{ intent: "success", text: cleared ? t.cleared : t.nothingToClear }]);
    } catch (error) {
      setMessages([{ intent: "error", text: describe(error) }]);
    } finally {
      busy.current = false;
    }
  };

  // Subscribed once: the channel replays its last report to a new subscriber, which must not
  // bring an old command result back over a newer rescore when the language changes.
  const describeLatest = useRef(describe);
  describeLatest.current = describe;
  useEffect(
    () =>
      commandReports?.subscribe((report) => {
        if ("outcome" in report) setOutcome(report.outcome);
        else setMessages([{ intent: "error", text: describeLatest.current(report.error) }]);
      }),
    [commandReports]
  );

  const changeSettings = (next: Settings) => {
    changed.current = true;
    setSettings(next);
    settingsStore
      .save(next)
      .catch((error: unknown) => setMessages([{ intent: "error", text: describe(error) }]));
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const opened = await openFile(file);
      setGateway(opened);
      setOutcome(null);
      await rescore(opened);
    } catch (error) {
      setMessages([{ intent: "error", text: describe(error) }]);
    }
  };

  const addRemark = gateway?.addRemark
    ? async (place: RemarkPlace, text: string) => {
        try {
          const kind = await gateway.addRemark!(place, text);
          setMessages([{ intent: "success", text: t.remarkSaved[kind] }]);
        } catch (error) {
          setMessages([{ intent: "error", text: describe(error) }]);
        }
      }
    : undefined;

  useLiveMode(gateway, settings.live, outcome, liveDelay, busy, (sheet) => rescore(gateway, sheet));

  const download = gateway?.download?.();
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <Subtitle2 as="h1">{t.title}</Subtitle2>
        <Button
          appearance="subtle"
          onClick={() =>
            changeSettings({ ...settings, language: settings.language === "zh" ? "en" : "zh" })
          }
        >
          {t.language}
        </Button>
      </div>
      <div className={styles.actions}>
        {excel ? (
          <Button appearance="primary" onClick={() => rescore()} disabled={stage !== null}>
            {t.rescore}
          </Button>
        ) : (
          <label>
            <Text>{t.openFile}：</Text>
            <input
              type="file"
              accept=".xlsx"
              aria-label={t.openFile}
              onChange={(e) => onFile(e.target.files?.[0])}
            />
          </label>
        )}
        {!excel && gateway && (
          <Button appearance="primary" onClick={() => rescore()} disabled={stage !== null}>
            {t.rescore}
          </Button>
        )}
        {gateway && (
          <Button onClick={clear} disabled={stage !== null}>
            {t.clear}
          </Button>
        )}
        {download && saveFile && (
          <Button onClick={() => saveFile(download.name, download.data)} disabled={stage !== null}>
            {t.download}
          </Button>
        )}
      </div>
      {!excel && <Text size={200}>{t.openFileHint}</Text>}
      <SettingsPanel settings={settings} onChange={changeSettings} strings={t} />
      {stage && <ProgressBar aria-label={t.stages[stage]} />}
      {stage && <Text role="status">{t.stages[stage]}</Text>}
      {messages.map((m, k) => (
        <MessageBar key={k} intent={m.intent}>
          <MessageBarBody>{m.text}</MessageBarBody>
        </MessageBar>
      ))}
      {outcome && <Text>{t.tables(outcome.tables.length)}</Text>}
      {outcome?.tables.map((table) => (
        <TableCard
          key={`${table.sheet}!${table.range}`}
          table={table}
          plan={
            outcome.plans.find((p) => p.sheet === table.sheet && p.range === table.range) ?? null
          }
          strings={t}
          onSelect={
            gateway?.select
              ? (sheet, address) =>
                  gateway.select!(sheet, address).catch((e: unknown) =>
                    setMessages([{ intent: "error", text: describe(e) }])
                  )
              : undefined
          }
          onRemark={addRemark}
        />
      ))}
    </div>
  );
}

/**
 * While the pane is open and live mode is on, an edit inside a table rescores that table's
 * sheet once the edits settle; the pane's own writes are not edits.
 */
function useLiveMode(
  gateway: WorkbookGateway | null,
  live: boolean,
  outcome: RescoreOutcome | null,
  delay: number,
  busy: React.MutableRefObject<boolean>,
  rescoreSheet: (sheet: string) => void
) {
  const latest = useRef({ outcome, rescoreSheet });
  latest.current = { outcome, rescoreSheet };
  useEffect(() => {
    if (!live || !gateway?.watch) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    gateway
      .watch((sheet, address) => {
        if (busy.current) return;
        const edited = parseRange(address);
        const inTable = latest.current.outcome?.tables.some((t) => {
          const d = t.detected;
          return (
            t.sheet === sheet &&
            edited.top <= d.bottom &&
            edited.bottom >= d.top &&
            edited.left <= d.right &&
            edited.right >= d.left
          );
        });
        if (!inTable) return;
        clearTimeout(timer);
        timer = setTimeout(() => latest.current.rescoreSheet(sheet), delay);
      })
      .then((unwatch) => {
        if (cancelled) void unwatch();
        else stop = unwatch;
      });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void stop?.();
    };
  }, [gateway, live, delay, busy]);
}
