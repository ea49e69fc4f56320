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
import { Settings, defaultSettings, policyFromSettings } from "../core/settings";
import { MarkChange } from "../core/marks";
import { describePolicy } from "../core/policy";
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
import { FileList } from "./FileList";
import { Results } from "./Results";
import { DEFAULT_VIEW, TableView } from "./review";
import { ReviewGuide } from "./ReviewGuide";
import { SettingsPanel } from "./SettingsPanel";

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
  /** The open workbook in Excel (or WPS); null in a plain browser, where the user opens files. */
  host: WorkbookGateway | null;
  /** Opens a file the user chose (the plain browser page). */
  openFile?: (file: File) => Promise<WorkbookGateway>;
  /** What the about box tells of where the pane runs (WPS's browser is of an undocumented age). */
  about?: string;
  settingsStore: SettingsStore;
  /** Saves a download under its name (the browser page); injected so tests can watch it. */
  saveFile?: (name: string, data: Uint8Array) => void;
  /** How long edits settle before live mode rescores, in ms. */
  liveDelay?: number;
  /** Results of the ribbon's 一键复核, run while the pane may be closed. */
  commandReports?: Channel<CommandReport>;
};

type Message = { intent: "error" | "warning" | "success" | "info"; text: string };

/**
 * A workbook the pane works on: the open one in Excel, or each file opened in the browser.
 * A file that could not be opened or rescored keeps its sentence and no gateway, so nothing
 * is offered for it.
 */
export type Session = {
  id: number;
  name: string;
  gateway: WorkbookGateway | null;
  outcome: RescoreOutcome | null;
  /** The settings the outcome was scored with. */
  scoredWith: Settings | null;
  error: string | null;
};

let nextSession = 1;
const sessionOf = (name: string, gateway: WorkbookGateway | null): Session => ({
  id: nextSession++,
  name,
  gateway,
  outcome: null,
  scoredWith: null,
  error: null,
});

export function App({
  host,
  openFile,
  settingsStore,
  saveFile,
  liveDelay = 800,
  commandReports,
  about,
}: AppProps) {
  const styles = useStyles();
  const [sessions, setSessions] = useState<Session[]>(() => (host ? [sessionOf("", host)] : []));
  const sessionsRef = useRef(sessions);
  sessionsRef.current = sessions;
  const [settings, setSettings] = useState<Settings>(defaultSettings());
  const [stage, setStage] = useState<Stage | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [view, setView] = useState<TableView>(DEFAULT_VIEW);
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

  const update = (id: number, change: (s: Session) => Session) =>
    setSessions((all) => all.map((s) => (s.id === id ? change(s) : s)));

  /** Rescores one workbook (or one sheet of it, live); its problems and error become messages. */
  const rescoreSession = useCallback(
    async (session: Session, using: Settings, sheet?: string): Promise<Message[]> => {
      if (!session.gateway) return [];
      try {
        const previous = sessionsRef.current.find((s) => s.id === session.id)?.outcome;
        const others = sheet ? previous?.tables.filter((x) => x.sheet !== sheet) : undefined;
        const result = await session.gateway.rescore(using, setStage, sheet, others);
        update(session.id, (s) => ({
          ...s,
          error: null,
          scoredWith: using,
          outcome:
            sheet && s.outcome
              ? {
                  tables: [...s.outcome.tables.filter((x) => x.sheet !== sheet), ...result.tables],
                  plans: [...s.outcome.plans.filter((x) => x.sheet !== sheet), ...result.plans],
                  problems: result.problems,
                }
              : result,
        }));
        return result.problems.map((p) => ({ intent: "warning", text: p.message }));
      } catch (error) {
        const text = describe(error);
        // In the browser a file that cannot be rescored has nothing to offer; in Excel the
        // workbook stays open and the user can try again.
        if (session.gateway.kind === "file")
          update(session.id, (s) => ({ ...s, gateway: null, outcome: null, error: text }));
        return [{ intent: "error", text: session.name ? `${session.name}：${text}` : text }];
      }
    },
    [describe]
  );

  const rescoreAll = useCallback(
    async (using: Settings = settings, only?: Session[], sheet?: string) => {
      if (busy.current) return;
      busy.current = true;
      setMessages([]);
      const found: Message[] = [];
      try {
        for (const session of only ?? sessionsRef.current) {
          setWorking(session.name || null);
          found.push(...(await rescoreSession(session, using, sheet)));
        }
      } finally {
        setStage(null);
        setWorking(null);
        busy.current = false;
      }
      setMessages(found);
    },
    [settings, rescoreSession]
  );

  const clear = async () => {
    if (busy.current) return;
    busy.current = true;
    const found: Message[] = [];
    try {
      for (const session of sessionsRef.current) {
        if (!session.gateway) continue;
        try {
          const cleared = await session.gateway.clear();
          update(session.id, (s) => ({ ...s, outcome: null, scoredWith: null }));
          found.push({ intent: "success", text: cleared ? t.cleared : t.nothingToClear });
        } catch (error) {
          found.push({ intent: "error", text: describe(error) });
        }
      }
    } finally {
      busy.current = false;
    }
    setMessages(found.filter((m, k) => found.findIndex((x) => x.text === m.text) === k));
  };

  // Subscribed once: the channel replays its last report to a new subscriber, which must not
  // bring an old command result back over a newer rescore when the language changes.
  const describeLatest = useRef(describe);
  describeLatest.current = describe;
  const settingsLatest = useRef(settings);
  settingsLatest.current = settings;
  useEffect(
    () =>
      commandReports?.subscribe((report) => {
        if ("outcome" in report)
          setSessions((all) =>
            all.map((s, k) =>
              k === 0 ? { ...s, outcome: report.outcome, scoredWith: settingsLatest.current } : s
            )
          );
        else setMessages([{ intent: "error", text: describeLatest.current(report.error) }]);
      }),
    [commandReports]
  );

  const scored = sessions.some((s) => s.outcome);
  const changeSettings = (next: Settings) => {
    changed.current = true;
    setSettings(next);
    settingsStore
      .save(next)
      .catch((error: unknown) => setMessages([{ intent: "error", text: describe(error) }]));
    const scoring = ["policy", "weakRatio", "tierShares", "highlight"] as const;
    if (!scored || scoring.every((k) => next[k] === settings[k])) return;
    // In the browser nothing is written until a download: the files are rescored at once. In
    // Excel a rescore writes into the workbook, so the user is told it is needed instead.
    if (host) setMessages([{ intent: "info", text: STRINGS[next.language].settingsChanged }]);
    else
      void rescoreAll(next).then(() =>
        setMessages((m) => [
          ...m,
          { intent: "success", text: STRINGS[next.language].settingsApplied },
        ])
      );
  };

  const onFiles = async (files: File[]) => {
    if (!files.length || busy.current) return;
    const opened: Session[] = [];
    const failed: Message[] = [];
    for (const file of files) {
      try {
        if (!openFile) throw new Error(file.name);
        opened.push(sessionOf(file.name, await openFile(file)));
      } catch (error) {
        const session = { ...sessionOf(file.name, null), error: describe(error) };
        opened.push(session);
        failed.push({ intent: "error", text: `${file.name}：${session.error}` });
      }
    }
    // A file opened again replaces its earlier copy.
    const names = new Set(opened.map((s) => s.name));
    const next = [...sessionsRef.current.filter((s) => !names.has(s.name)), ...opened];
    sessionsRef.current = next;
    setSessions(next);
    await rescoreAll(
      settings,
      opened.filter((s) => s.gateway)
    );
    if (failed.length) setMessages((m) => [...failed, ...m]);
  };

  /** Sets or takes off a mark: the host rescores the whole workbook with it. */
  const mark = async (session: Session, change: MarkChange) => {
    if (!session.gateway?.mark || busy.current) return;
    busy.current = true;
    try {
      const outcome = await session.gateway.mark(change, settings);
      update(session.id, (s) => ({ ...s, outcome, scoredWith: settings }));
      setMessages([{ intent: "success", text: t.markSaved }]);
    } catch (error) {
      setMessages([{ intent: "error", text: describe(error) }]);
    } finally {
      busy.current = false;
    }
  };

  const workbook = host ? sessions[0] : null;
  const addRemark = workbook?.gateway?.addRemark
    ? async (place: RemarkPlace, text: string) => {
        try {
          const kind = await workbook.gateway!.addRemark!(place, text);
          setMessages([{ intent: "success", text: t.remarkSaved[kind] }]);
        } catch (error) {
          setMessages([{ intent: "error", text: describe(error) }]);
        }
      }
    : undefined;
  const select = workbook?.gateway?.select
    ? (sheet: string, address: string) =>
        workbook.gateway!.select!(sheet, address).catch((e: unknown) =>
          setMessages([{ intent: "error", text: describe(e) }])
        )
    : undefined;

  useLiveMode(
    workbook?.gateway ?? null,
    settings.live,
    workbook?.outcome ?? null,
    liveDelay,
    busy,
    (sheet) => workbook && rescoreAll(settings, [workbook], sheet)
  );

  const good = sessions.filter((s) => s.gateway);
  const save = saveFile ?? (() => undefined);
  return (
    <div
      className={styles.root}
      onDragOver={host ? undefined : (e) => e.preventDefault()}
      onDrop={
        host
          ? undefined
          : (e) => {
              e.preventDefault();
              void onFiles([...e.dataTransfer.files]);
            }
      }
    >
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
        {!host && (
          <label>
            <Text>{t.openFile}：</Text>
            <input
              type="file"
              accept=".xlsx"
              multiple
              aria-label={t.openFile}
              onChange={(e) => void onFiles([...(e.target.files ?? [])])}
            />
          </label>
        )}
        {good.length > 0 && (
          <Button appearance="primary" onClick={() => rescoreAll()} disabled={stage !== null}>
            {t.rescore}
          </Button>
        )}
        {good.length > 0 && (
          <Button onClick={clear} disabled={stage !== null}>
            {t.clear}
          </Button>
        )}
      </div>
      {!host && <Text size={200}>{`${t.openFileHint}${t.dropHint}`}</Text>}
      <SettingsPanel
        settings={settings}
        onChange={changeSettings}
        strings={t}
        liveAvailable={Boolean(host?.watch)}
      />
      {stage && <ProgressBar aria-label={t.stages[stage]} />}
      {stage && <Text role="status">{working ? t.reading(working) : t.stages[stage]}</Text>}
      {messages.map((m, k) => (
        <MessageBar key={k} intent={m.intent}>
          <MessageBarBody>{m.text}</MessageBarBody>
        </MessageBar>
      ))}
      {!host && sessions.length > 0 && (
        <FileList
          sessions={sessions}
          rules={describePolicy(policyFromSettings(settings))}
          strings={t}
          saveFile={save}
          busy={stage !== null}
        />
      )}
      {about && <ReviewGuide strings={t} about={about} />}
      {scored && (
        <Results
          sessions={sessions}
          many={!host}
          view={view}
          onView={setView}
          strings={t}
          onSelect={select}
          onRemark={addRemark}
          onMark={mark}
        />
      )}
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
