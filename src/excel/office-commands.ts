/** Registers a ribbon function command under the name the manifest gives; Office is told when it is done. */
export function associateCommand(name: string, run: () => Promise<void>): void {
  Office.actions.associate(name, async (event: Office.AddinCommands.Event) => {
    try {
      await run();
    } finally {
      event.completed();
    }
  });
}

/** Opens the task pane (shared runtime), to show what a ribbon command could not. */
export function showPane(): Promise<void> {
  return Office.addin.showAsTaskpane();
}
