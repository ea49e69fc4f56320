/*
 * The WPS add-in's pane (dist/wps/taskpane.html): the same pane as in Excel, on the open WPS
 * workbook, its settings in this origin's local storage.
 */
import "core-js/stable";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { wpsGateway } from "../wps/wps-gateway";
import { App } from "./App";
import { browserSettingsStore, downloadFile } from "./browser-settings";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App
        host={wpsGateway()}
        settingsStore={browserSettingsStore()}
        saveFile={downloadFile}
        about={navigator.userAgent}
      />
    </FluentProvider>
  );
}
