/**
 * The real Office.js client library (npm `@microsoft/office-js`, Excel on the web's build),
 * loaded once into a jsdom window of its own. The Excel double mirrors every call the host
 * makes onto one of its request contexts, so that each sync is serialised by the library's
 * own request builder and measured as Excel on the web would receive it. Nothing is sent
 * anywhere: the context's request executor keeps the request text and answers with no results.
 */
import { ClientWindow, loadClientLibrary } from "./office-js-library";

/** The client's request context, as far as the double uses it. */
export type ClientContext = {
  workbook: ClientObject;
  sync(): Promise<void>;
  _requestExecutor: {
    executeAsync(customData: unknown, flags: number, message: { Body: unknown }): Promise<unknown>;
  };
};

/** Any object of the client library (a worksheet, a range, a format…): called as the host calls ours. */
export type ClientObject = any;

let client: ClientWindow | null = null;

function library(): ClientWindow {
  client ??= loadClientLibrary();
  return client;
}

const encoder = new TextEncoder();

/** A client request context whose syncs are measured, not sent. */
export class MeasuredContext {
  readonly context: ClientContext;
  private lastRequest = 0;

  constructor() {
    this.context = new (library().Excel.RequestContext)();
    this.context._requestExecutor = {
      executeAsync: async (_customData, _flags, message) => {
        // The web transport sends the body as this text (RichApiMessageUtility.buildMessageArrayForIRequestExecutor).
        this.lastRequest = encoder.encode(JSON.stringify(message.Body)).length;
        return { ErrorCode: "", HttpStatusCode: 200, Headers: {}, Body: { Results: [] } };
      },
    };
  }

  /** Builds the request of everything queued since the last call; its size in bytes (0 when nothing was queued). */
  async take(): Promise<number> {
    this.lastRequest = 0;
    await this.context.sync();
    return this.lastRequest;
  }
}
