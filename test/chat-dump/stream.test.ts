import { expect } from '@open-wc/testing';
import fc from 'fast-check';

import { ChatDumpError } from '../../src/chat-dump/index.js';
import { CsvFormulaGuard, CsvRecordReader, protectCsvFormulas, readCsvRecords, type CsvRecord } from '../../src/chat-dump/csv.js';

/** What reading `text` whole gives: the records, or the error's message. */
function whole(text: string): CsvRecord[] | string {
  try {
    return [...readCsvRecords(text)];
  } catch (error) {
    return (error as ChatDumpError).message;
  }
}

/** What reading `text` in the pieces cut at `cuts` gives. */
function inPieces(text: string, cuts: number[]): CsvRecord[] | string {
  const reader = new CsvRecordReader();
  const records: CsvRecord[] = [];
  let from = 0;
  try {
    for (const at of [...cuts].sort((a, b) => a - b)) {
      records.push(...reader.push(text.slice(from, at)));
      from = Math.max(from, at);
    }
    records.push(...reader.push(text.slice(from)));
    records.push(...reader.end());
  } catch (error) {
    return (error as ChatDumpError).message;
  }
  return records;
}

// CSV texts made of the pieces that matter at a cut: quotes, separators, line breaks, a BOM.
const csvText = fc
  .array(fc.constantFrom('a', 'bc', ',', '"', '""', '\r', '\n', '\r\n', '\ufeff', 'é', '😀', ' ', '"x,y"', '"l1\r\nl2"'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('reading CSV in pieces', () => {
  it('gives the same records, lines and errors however the text is cut', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat({ max: 60 }), { maxLength: 6 }), (text, cuts) => {
        expect(inPieces(text, cuts)).to.deep.equal(whole(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells whether the text so far ends inside a record', () => {
    const reader = new CsvRecordReader();
    expect([...reader.push('id,name\r\n1,"a')]).to.have.length(1);
    expect(reader.inRecord).to.equal(true);
    expect([...reader.push('b"\r\n')]).to.deep.equal([{ fields: ['1', 'ab'], line: 2 }]);
    expect(reader.inRecord).to.equal(false);
  });

  it('protects formulas chunk by chunk exactly as it protects the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('=1+1', '@x', '-2', 'a;=b', "'=c", 'ok', ',', '\r\n', '"q,""=d"""', '\ufeff'), { maxLength: 20 }),
        fc.array(fc.nat({ max: 80 }), { maxLength: 5 }),
        (parts, cuts) => {
          const text = parts.join('');
          let expected: string;
          try {
            expected = protectCsvFormulas(text);
          } catch {
            return;
          }
          const guard = new CsvFormulaGuard();
          let out = '';
          let from = 0;
          for (const at of [...cuts].sort((a, b) => a - b)) {
            out += guard.push(text.slice(from, at));
            from = Math.max(from, at);
          }
          out += guard.push(text.slice(from)) + guard.end();
          expect(out).to.equal(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
