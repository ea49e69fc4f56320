import { parseCell, parseText } from '../../src/core/parse';

describe('parseText reads every way a target or actual is written', () => {
  test.each([
    ['≥22万人', 220000, '人', 'atLeast'],
    ['≥8,000人', 8000, '人', 'atLeast'],
    ['500人以上', 500, '人', 'atLeast'],
    ['80分以上', 80, '分', 'atLeast'],
    ['1项以上', 1, '项', 'atLeast'],
    ['10%以下', 0.1, '%', 'atMost'],
    ['≤1‰', 0.001, '‰', 'atMost'],
    ['≤5个工作日', 5, '个工作日', 'atMost'],
    ['≤923.72元/月', 923.72, '元/月', 'atMost'],
    ['100%', 1, '%', 'none'],
    ['0', 0, '', 'none'],
    ['30万个', 300000, '个', 'none'],
    ['2,479件/套', 2479, '件/套', 'none'],
    ['1.5亿元', 150000000, '元', 'none'],
    ['≥２２万人', 220000, '人', 'atLeast'],
    ['＞＝９８％', 0.98, '%', 'atLeast'],
    [' ≥ 98 %\n', 0.98, '%', 'atLeast'],
    ['不超过5%', 0.05, '%', 'atMost'],
    ['不低于95%', 0.95, '%', 'atLeast'],
    ['4,800人次以上', 4800, '人次', 'atLeast'],
    ['37.43万人次', 374300, '人次', 'none'],
    ['5个工作日内', 5, '个工作日', 'atMost'],
    ['-3.5%', -0.035, '%', 'none'],
  ])('%s', (text, value, unit, comparison) => {
    const parsed = parseText(text);
    expect(parsed.kind).toBe('number');
    if (parsed.kind !== 'number') return;
    expect(parsed.value).toBeCloseTo(value, 10);
    expect(parsed.unit).toBe(unit);
    expect(parsed.comparison).toBe(comparison);
  });

  test('a range, with the unit and scale shared by a bare lower bound', () => {
    expect(parseText('400-4,000元/人')).toEqual({ kind: 'range', low: 400, high: 4000, unit: '元/人' });
    expect(parseText('1～2万人')).toEqual({ kind: 'range', low: 10000, high: 20000, unit: '人' });
    expect(parseText('90%-95%')).toMatchObject({ kind: 'range', low: 0.9, high: 0.95 });
  });

  test.each([
    ['2023年12月', { year: 2023, month: 12, day: null }],
    ['2023年12月31日', { year: 2023, month: 12, day: 31 }],
    ['2023年12月底前', { year: 2023, month: 12, day: null }],
    ['2023-06-30', { year: 2023, month: 6, day: 30 }],
    ['2023年底', { year: 2023, month: null, day: null }],
    ['6月30日前', { year: null, month: 6, day: 30 }],
  ])('the date %s', (text, period) => {
    expect(parseText(text)).toEqual({ kind: 'date', ...period });
  });

  test.each(['无', '合格', '有效提升', '显著提升', '一定程度推进', '顺利推进', '正增长', '按时完成', '完成率100%'])('the text %s', (text) => {
    expect(parseText(text)).toEqual({ kind: 'text', text });
  });

  test('empty and whitespace-only cells are empty', () => {
    expect(parseText('  \n')).toEqual({ kind: 'empty' });
    expect(parseCell(null)).toEqual({ kind: 'empty' });
  });

  test('a number with a percent format is a fraction shown as a percent', () => {
    expect(parseCell(0.994, '0.0%')).toEqual({ kind: 'number', value: 0.994, unit: '%', comparison: 'none' });
    expect(parseCell(0.994, 'General')).toEqual({ kind: 'number', value: 0.994, unit: '', comparison: 'none' });
  });

  test('a number with a date format is a day', () => {
    expect(parseCell(45291, 'yyyy"年"m"月"d"日"')).toEqual({ kind: 'date', year: 2023, month: 12, day: 31 });
  });
});
