import { WorkbookGateway } from '../taskpane/gateway';
import { readGrids } from './read-workbook';

/** A gateway over an .xlsx the user opened in the browser page. */
export function fileGateway(file: File): WorkbookGateway {
  return {
    kind: 'file',
    label: file.name,
    readSheets: async () => readGrids(new Uint8Array(await file.arrayBuffer())),
  };
}
