import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { excelGateway, workbookSettingsStore } from '../excel/excel-gateway';
import { whenOfficeReady } from '../excel/office-ready';
import { fileGateway } from '../file/browser-gateway';
import { App } from './App';
import { browserSettingsStore, downloadFile } from './browser-settings';

/** The pane's entry point: inside Excel it works on the open workbook; in a plain browser, on a file the user opens. */
function start(inExcel: boolean): void {
  const container = document.getElementById('root');
  if (!container) return;
  const openFile = async (file: File) => fileGateway(file.name, new Uint8Array(await file.arrayBuffer()));
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App
        excel={inExcel ? excelGateway() : null}
        openFile={openFile}
        settingsStore={inExcel ? workbookSettingsStore() : browserSettingsStore()}
        saveFile={downloadFile}
      />
    </FluentProvider>,
  );
}

void whenOfficeReady().then(start);
