/**
 * One worksheet proxy per sheet and action: every range operation refers to its sheet by an
 * object path, and a shared proxy sends that path once per request instead of once per
 * operation. A sheet deleted or added in the action gets a new proxy, since Excel resolves a
 * path once per request.
 */
const proxies = new WeakMap<Excel.RequestContext, Map<string, Excel.Worksheet>>();

function proxiesOf(context: Excel.RequestContext): Map<string, Excel.Worksheet> {
  let map = proxies.get(context);
  if (!map) {
    map = new Map();
    proxies.set(context, map);
  }
  return map;
}

export function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  const map = proxiesOf(context);
  let sheet = map.get(name);
  if (!sheet) {
    sheet = context.workbook.worksheets.getItem(name);
    map.set(name, sheet);
  }
  return sheet;
}

/** After a sheet was deleted or added: its old proxy is not used again. */
export function forgetSheet(context: Excel.RequestContext, name: string): void {
  proxiesOf(context).delete(name);
}
