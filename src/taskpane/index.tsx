import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { excelGateway } from '../excel/excel-gateway';
import { whenOfficeReady } from '../excel/office-ready';
import { fileGateway } from '../file/browser-gateway';
import { App } from './App';

/** The pane's entry point: inside Excel it rescores the open workbook; in a plain browser, a picked file. */
function start(inExcel: boolean): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App excel={inExcel ? excelGateway() : null} openFile={fileGateway} />
    </FluentProvider>,
  );
}

void whenOfficeReady().then(start);
