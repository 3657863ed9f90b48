// The CSV behind a chart: quoting, formula neutralisation, and pivoting series into columns.
import { describe, expect, it } from 'vitest';
import { fileNameFor, neutraliseCell, parseCsv, pivotSeries, toCsv } from './csv';

describe('chart CSV', () => {
  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseCell('+33 1')).toBe("'+33 1");
    expect(neutraliseCell('-cmd')).toBe("'-cmd");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell('\rx')).toBe("'\rx");
    expect(neutraliseCell(-12)).toBe('-12');
    expect(neutraliseCell('Gao = Kidal')).toBe('Gao = Kidal');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(Number.NaN)).toBe('');
  });

  it('quotes separators, quotes and line breaks, one CRLF line per row', () => {
    const text = toCsv([
      ['Période', 'Entrant'],
      ['Gao, "Place Kidal"', 12],
      ['ligne\nsuivante', null],
    ]);
    expect(text).toBe('Période,Entrant\r\n"Gao, ""Place Kidal""",12\r\n"ligne\nsuivante",\r\n');
  });

  it('quotes a neutralised cell that also carries a separator', () => {
    expect(toCsv([['=1,2']])).toBe(`"'=1,2"\r\n`);
  });

  it('pivots long series into a row per category and a column per series, blanks where a pair is missing', () => {
    const table = pivotSeries(
      [
        { category: '2025-01', series: 'incoming', value: 10 },
        { category: '2025-01', series: 'outgoing', value: 4 },
        { category: '2025-02', series: 'outgoing', value: 7 },
      ],
      { category: 'Mois', seriesLabel: (s) => (s === 'incoming' ? 'Entrant' : 'Sortant') },
    );
    expect(table.header).toEqual(['Mois', 'Entrant', 'Sortant']);
    expect(table.rows).toEqual([
      ['2025-01', 10, 4],
      ['2025-02', null, 7],
    ]);
  });

  it('names files from titles without accents or punctuation', () => {
    expect(fileNameFor('Flux par direction — Évolution', 'png')).toBe('flux-par-direction-evolution.png');
    expect(fileNameFor('***', 'csv')).toBe('taama.csv');
  });

  it('reads back what it writes, quotes and line breaks included', () => {
    const rows = [
      ['Période', 'Lieu'],
      ['2025-01', 'Gao, "Place Kidal"'],
      ['', 'ligne\nsuivante'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(parseCsv('\uFEFFa,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
