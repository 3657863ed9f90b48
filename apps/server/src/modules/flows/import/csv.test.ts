import { describe, expect, it } from 'vitest';
import { CsvParser, isBlankRecord } from './csv';

/** Parses `text` pushed in pieces cut at `cuts` (every boundary a chunk may fall on). */
function parse(text: string, delimiter = ',', cuts: number[] = []): string[][] {
  const parser = new CsvParser(delimiter);
  const out: string[][] = [];
  let from = 0;
  for (const cut of cuts) {
    out.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  out.push(...parser.push(text.slice(from), true));
  return out;
}

describe('CSV parser', () => {
  const cases: [string, string, string[][]][] = [
    ['plain lines, LF', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['CRLF and no final line end', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['old Mac CR line ends', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['quoted delimiter', 'a,"b,c",d\n', [['a', 'b,c', 'd']]],
    ['line breaks inside quotes', 'a,"line 1\nline 2\r\nline 3",z\n', [['a', 'line 1\nline 2\r\nline 3', 'z']]],
    ['doubled quotes', '"he said ""oui""",x\n', [['he said "oui"', 'x']]],
    ['empty quoted and empty cells', '"",,""\n', [['', '', '']]],
    ['quote inside an unquoted cell stays', 'ab"c,d\n', [['ab"c', 'd']]],
    ['text after a closing quote is kept', '"ab"c,d\n', [['abc', 'd']]],
    ['an unclosed quote runs to the end', 'a,"bc\nde', [['a', 'bc\nde']]],
    ['empty lines are records of one empty cell', 'a\n\n\nb\n', [['a'], [''], [''], ['b']]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(parse(text)).toEqual(expected);
      // The same records whatever the chunk boundaries: every single cut, and every character alone.
      for (let cut = 1; cut < text.length; cut += 1) expect(parse(text, ',', [cut]), `cut at ${cut}`).toEqual(expected);
      expect(parse(text, ',', Array.from({ length: text.length }, (_, i) => i + 1))).toEqual(expected);
    });
  }

  it('semicolon and tab delimiters', () => {
    expect(parse('a;"b;c";d\n', ';')).toEqual([['a', 'b;c', 'd']]);
    expect(parse('a\t"b\tc"\n', '\t')).toEqual([['a', 'b\tc']]);
  });

  it('blank records are those holding only blanks', () => {
    expect(isBlankRecord([''])).toBe(true);
    expect(isBlankRecord(['', ' ', '\t'])).toBe(true);
    expect(isBlankRecord(['', 'x'])).toBe(false);
  });

  it('refuses a delimiter it cannot split on', () => {
    expect(() => new CsvParser('"')).toThrow();
    expect(() => new CsvParser(';;')).toThrow();
  });
});
