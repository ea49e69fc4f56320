/*
 * The WPS add-in's ribbon page (dist/wps/index.html): WPS calls its callbacks; the one-click
 * rescore reads the settings the pane saved in this origin's local storage.
 */
import "core-js/stable";
import { registerRibbon } from "../wps/ribbon";
import { wpsGateway } from "../wps/wps-gateway";
import { browserSettingsStore } from "./browser-settings";

registerRibbon(browserSettingsStore(), wpsGateway);
