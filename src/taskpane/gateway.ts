import { SheetGrid } from '../core/grid';

/** Where the pane's workbook comes from: the open Excel workbook, or an .xlsx the user picked. */
export type WorkbookGateway = {
  kind: 'excel' | 'file';
  /** A name to show: the file name, or 工作簿 for the open workbook. */
  label: string;
  readSheets(): Promise<SheetGrid[]>;
};
