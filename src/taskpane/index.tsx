import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { excelGateway, workbookSettingsStore } from "../excel/excel-gateway";
import { whenOfficeReady } from "../excel/office-ready";
import { fileGateway } from "../file/browser-gateway";
import { CommandReport, registerCommands } from "../commands/commands";
import { App } from "./App";
import { createChannel } from "./channel";
import { browserSettingsStore, downloadFile } from "./browser-settings";

/**
 * The entry point of the pane and, in Excel's shared runtime, of the ribbon commands: inside
 * Excel it works on the open workbook; in a plain browser, on a file the user opens.
 */
function start(inExcel: boolean): void {
  const settingsStore = inExcel ? workbookSettingsStore() : browserSettingsStore();
  const commandReports = createChannel<CommandReport>();
  if (inExcel) registerCommands(settingsStore, commandReports.publish);
  const container = document.getElementById("root");
  if (!container) return;
  const openFile = async (file: File) =>
    fileGateway(file.name, new Uint8Array(await file.arrayBuffer()));
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App
        host={inExcel ? excelGateway() : null}
        openFile={openFile}
        settingsStore={settingsStore}
        saveFile={downloadFile}
        commandReports={commandReports}
      />
    </FluentProvider>
  );
}

void whenOfficeReady().then(start);
