import {
  Badge,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { TableResult, evaluateWorkbook } from '../core/evaluate';
import { NoTableError, SelfEvalError } from '../core/errors';
import { WorkbookGateway } from './gateway';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  flagged: { color: tokens.colorPaletteRedForeground1 },
});

export type AppProps = {
  /** The open workbook in Excel; null in a plain browser, where the user picks a file. */
  excel: WorkbookGateway | null;
  openFile: (file: File) => WorkbookGateway;
};

type State = { status: 'idle' | 'running' | 'done'; tables: TableResult[]; error: string | null };

export function App({ excel, openFile }: AppProps) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ status: 'idle', tables: [], error: null });

  async function rescore(gateway: WorkbookGateway) {
    setState({ status: 'running', tables: [], error: null });
    try {
      const sheets = await gateway.readSheets();
      const tables = evaluateWorkbook(sheets);
      if (tables.length === 0) throw new NoTableError(sheets.map((s) => s.name));
      setState({ status: 'done', tables, error: null });
    } catch (error) {
      const message = error instanceof SelfEvalError ? error.message : `读取工作簿时出错：${String(error)}`;
      setState({ status: 'done', tables: [], error: message });
    }
  }

  return (
    <div className={styles.root}>
      <Subtitle2>绩效自评复核助手</Subtitle2>
      {excel ? (
        <Button appearance="primary" onClick={() => rescore(excel)} disabled={state.status === 'running'}>
          复核当前工作簿
        </Button>
      ) : (
        <label>
          <Text>打开 .xlsx 工作簿：</Text>
          <input
            type="file"
            accept=".xlsx"
            aria-label="打开 .xlsx 工作簿"
            onChange={(e) => e.target.files?.[0] && rescore(openFile(e.target.files[0]))}
          />
        </label>
      )}
      {state.status === 'running' && <Spinner label="正在复核…" />}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {state.tables.map((table) => (
        <Card key={`${table.sheet}!${table.range}`}>
          <div className={styles.row}>
            <Text weight="semibold">{table.projectName ?? table.title ?? table.sheet}</Text>
            <Badge appearance="tint">{table.grade}</Badge>
          </div>
          <Caption1>
            {table.sheet}!{table.range} · 复核总分 {table.total} · 填报 {table.reportedTotal ?? '未填'}
          </Caption1>
          {table.indicators
            .filter((i) => i.flags.length > 0)
            .map((i) => (
              <Caption1 key={i.row} className={styles.flagged}>
                第 {i.row} 行 {i.name}：{i.notes.join('；')}
              </Caption1>
            ))}
        </Card>
      ))}
    </div>
  );
}
