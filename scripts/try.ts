import { readFileSync } from 'fs';
import { readGrids } from '../src/file/read-workbook';
import { evaluateWorkbook } from '../src/core/evaluate';
(async () => {
  for (const f of process.argv.slice(2)) {
    const grids = await readGrids(readFileSync(f));
    for (const t of evaluateWorkbook(grids)) {
      
      console.log(f, t.sheet, t.range, t.kind, t.title, t.projectName, t.unitName, 'total', t.total, 'reported', t.reportedTotal, t.grade, JSON.stringify(t.budget), t.flags, t.notes, 'n=', t.indicators.length);
      for (const i of t.indicators) if (i.flags.length || i.method === null) console.log('   ', i.row, i.name, i.target, i.actual, i.method, i.weight, i.score, i.reportedScore, i.ratio, i.flags.join(','), i.notes.join(' / '));
    }
  }
})();
