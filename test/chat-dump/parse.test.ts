import { expect } from '@open-wc/testing';
import { ChatDumpError, parseChatDumpCsv, toChatDumpCsv } from '../../src/chat-dump/index.js';
import { DUMP, T0, sdkMessage } from './messages.js';

const HEADER = 'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt';
const ISO = new Date(T0).toISOString();

/** A dump from lines, joined with `eol`. */
const dump = (lines: string[], eol = '\r\n'): string => lines.join(eol) + eol;

function parseError(text: string, options?: { protectedFormulas?: boolean }): ChatDumpError {
  try {
    parseChatDumpCsv(text, options);
  } catch (error) {
    expect(error).to.be.instanceOf(ChatDumpError);
    return error as ChatDumpError;
  }
  throw new Error('expected parseChatDumpCsv to throw');
}

describe('parseChatDumpCsv', () => {
  it('reads each payload type into the SDK message shape with empty defaults', () => {
    const text = dump([
      HEADER,
      `t1,u1,s,m,Ada,false,true,TEXT_MESSAGE,"Hello, world",${ISO}`,
      `i1,u2,s,m,Bob,true,false,IMAGE_MESSAGE,https://cdn.example/cat.png,${ISO}`,
      `f1,u1,s,m,Ada,false,false,FILE_MESSAGE,"{""link"":""https://cdn.example/a.pdf"",""name"":""a.pdf"",""size"":1234}",${ISO}`,
      `c1,u1,s,m,Ada,false,false,CUSTOM_MESSAGE,"{""message"":""see"",""html"":""<b>x</b>"",""files"":[{""link"":""https://cdn.example/f""}],""images"":[],""videos"":[]}",${ISO}`,
    ]);
    expect(parseChatDumpCsv(text)).to.deep.equal([
      sdkMessage({ id: 't1', userId: 'u1', isEdited: true, message: 'Hello, world' }),
      sdkMessage({ id: 'i1', userId: 'u2', displayName: 'Bob', pinned: true, type: 'image', link: 'https://cdn.example/cat.png' }),
      sdkMessage({ id: 'f1', userId: 'u1', type: 'file', link: 'https://cdn.example/a.pdf', name: 'a.pdf', size: 1234 }),
      sdkMessage({ id: 'c1', userId: 'u1', type: 'custom', message: 'see', html: '<b>x</b>', files: [{ link: 'https://cdn.example/f' }] }),
    ]);
  });

  it('gives time as a Date and timeMs in milliseconds', () => {
    const [message] = parseChatDumpCsv(dump([HEADER, `a,u,s,m,A,false,false,TEXT_MESSAGE,x,${ISO}`]));
    expect(message.time).to.be.instanceOf(Date);
    expect(message.time.getTime()).to.equal(T0);
    expect(message.timeMs).to.equal(T0);
  });

  it('reads CRLF, LF, a BOM and a missing final line break alike', () => {
    const lines = [HEADER, `a,u,s,m,A,false,false,TEXT_MESSAGE,"two\nlines",${ISO}`, `b,u,s,m,A,false,false,TEXT_MESSAGE,x,${ISO}`];
    const expected = parseChatDumpCsv(dump(lines));
    expect(expected).to.have.length(2);
    for (const text of [dump(lines, '\n'), `\uFEFF${dump(lines)}`, lines.join('\r\n'), lines.join('\n'), `${dump(lines)}\r\n\r\n`, dump(lines, '\r')]) {
      expect(parseChatDumpCsv(text)).to.deep.equal(expected);
    }
  });

  it('keeps line breaks, quotes and commas inside quoted fields exactly', () => {
    const text = dump([HEADER, `a,u,s,m,"Ada, ""the"" first",false,false,TEXT_MESSAGE,"one\r\ntwo\nthree\rfour",${ISO}`]);
    const [message] = parseChatDumpCsv(text);
    expect(message.displayName).to.equal('Ada, "the" first');
    expect(message.message).to.equal('one\r\ntwo\nthree\rfour');
  });

  it('finds the columns by header name, in any order and case, ignoring extra columns', () => {
    const text = dump([
      ' createdAt ,payload,PayloadType,extra,isEdited,pinned,displayName,meetingId,sessionId,participantId,id',
      `${ISO},hi,TEXT_MESSAGE,ignored,true,false,Ada,m,s,u1,a1`,
    ]);
    expect(parseChatDumpCsv(text)).to.deep.equal([sdkMessage({ id: 'a1', userId: 'u1', isEdited: true, message: 'hi' })]);
  });

  it('reads a dump in the shape the Chat Replay API documents', () => {
    // No BOM, LF, unquoted JSON-free cells: what a server-side CSV writer typically produces.
    const text = [
      HEADER,
      `0b7f,a1b2,sess-9,meet-3,Ada Lovelace,false,false,TEXT_MESSAGE,hello everyone,2024-05-06T07:08:09.000Z`,
      `1c8e,c3d4,sess-9,meet-3,Alan,true,true,FILE_MESSAGE,"{""link"":""https://s3.example/f.pdf"",""name"":""f.pdf"",""size"":10}",2024-05-06T07:08:10.000Z`,
      '',
    ].join('\n');
    const messages = parseChatDumpCsv(text);
    expect(messages.map((m) => [m.type, m.id, m.userId, m.displayName, m.pinned, m.isEdited, m.timeMs])).to.deep.equal([
      ['text', '0b7f', 'a1b2', 'Ada Lovelace', false, false, Date.UTC(2024, 4, 6, 7, 8, 9)],
      ['file', '1c8e', 'c3d4', 'Alan', true, true, Date.UTC(2024, 4, 6, 7, 8, 10)],
    ]);
    expect(messages[1]).to.include({ link: 'https://s3.example/f.pdf', name: 'f.pdf', size: 10 });
  });

  it('reads createdAt as ISO 8601 with or without zone (UTC), or epoch seconds or milliseconds', () => {
    const at = Date.UTC(2024, 4, 6, 7, 8, 9);
    const forms = [
      '2024-05-06T07:08:09Z',
      '2024-05-06T07:08:09.000Z',
      '2024-05-06 07:08:09',
      '2024-05-06T07:08:09.000000',
      '2024-05-06T09:08:09+02:00',
      '2024-05-06T02:08:09-0500',
      '2024-05-06 07:08:09 UTC',
      'Mon, 06 May 2024 07:08:09 GMT',
      String(at / 1000),
      String(at),
    ];
    const text = dump([HEADER, ...forms.map((createdAt, i) => `m${i},u,s,m,A,false,false,TEXT_MESSAGE,x,"${createdAt}"`)]);
    expect(parseChatDumpCsv(text).map((m) => m.timeMs)).to.deep.equal(forms.map(() => at));
  });

  it('reads the flags as true/false in any case, t/f, 1/0, empty as false', () => {
    const flags = [['TRUE', 'False'], ['t', 'f'], ['1', '0'], ['', '']];
    const text = dump([HEADER, ...flags.map(([pinned, edited]) => `a,u,s,m,A,${pinned},${edited},TEXT_MESSAGE,x,${ISO}`)]);
    expect(parseChatDumpCsv(text).map((m) => [m.pinned, m.isEdited])).to.deep.equal([[true, false], [true, false], [true, false], [false, false]]);
  });

  it('gives an empty createdAt as an invalid time, as this kit writes a message without one', () => {
    const [message] = parseChatDumpCsv(dump([HEADER, 'a,u,s,m,A,false,false,TEXT_MESSAGE,x,']));
    expect(Number.isNaN(message.timeMs)).to.be.true;
    expect(Number.isNaN(message.time.getTime())).to.be.true;
  });

  it('removes the formula guard only when told the dump was protected', () => {
    const text = toChatDumpCsv([sdkMessage({ message: '=1+1' }), sdkMessage({ message: "'=quoted" }), sdkMessage({ message: "'plain" })], DUMP);
    expect(parseChatDumpCsv(text, { protectedFormulas: true }).map((m) => m.message)).to.deep.equal(['=1+1', "'=quoted", "'plain"]);
    expect(parseChatDumpCsv(text).map((m) => m.message)).to.deep.equal(["'=1+1", "''=quoted", "'plain"]);
  });

  it('reads an unknown payload type as its own type, its JSON fields included', () => {
    const payload = JSON.stringify({ question: 'Lunch?', options: ['yes', 'no'], message: 'vote' });
    const text = dump([HEADER, `p,u,s,m,A,false,false,POLL_MESSAGE,"${payload.replaceAll('"', '""')}",${ISO}`]);
    expect(parseChatDumpCsv(text)).to.deep.equal([{ ...sdkMessage({ id: 'p', userId: 'u', displayName: 'A', type: 'poll', message: 'vote' }), question: 'Lunch?', options: ['yes', 'no'] }]);
  });

  it('keeps the text of an unknown type whose payload is not a JSON object', () => {
    const [message] = parseChatDumpCsv(dump([HEADER, `n,u,s,m,A,false,false,NEWER_MESSAGE,just words,${ISO}`]));
    expect(message).to.include({ type: 'newer', message: 'just words' });
  });

  it('lets no payload replace the prototype, the row fields or a field of the wrong type', () => {
    const payload = JSON.stringify({ ['__proto__']: { polluted: true }, id: 'evil', type: 'text', userId: 'evil', size: 'big', images: 'x', extra: 1 });
    const [message] = parseChatDumpCsv(dump([HEADER, `p,u,s,m,A,false,false,POLL_MESSAGE,"${payload.replaceAll('"', '""')}",${ISO}`]));
    expect(Object.getPrototypeOf(message)).to.equal(null);
    expect(({} as Record<string, unknown>).polluted).to.be.undefined;
    expect(message).to.include({ id: 'p', type: 'poll', userId: 'u', size: 0, extra: 1 });
    expect(message.images).to.deep.equal([]);
  });

  it("puts none of Object.prototype's keys from a payload on a message or its attachments", () => {
    const keys = { toString: 'x', valueOf: 1, constructor: 'c', hasOwnProperty: 'h', __defineGetter__: 'g' };
    const poll = JSON.stringify({ ...keys, question: 'Lunch?' });
    const custom = JSON.stringify({ message: 'see', files: [{ link: 'https://cdn.example/f', ...keys }], images: [], videos: [] });
    const messages = parseChatDumpCsv(
      dump([
        HEADER,
        `p,u,s,m,A,false,false,POLL_MESSAGE,"${poll.replaceAll('"', '""')}",${ISO}`,
        `c,u,s,m,A,false,false,CUSTOM_MESSAGE,"${custom.replaceAll('"', '""')}",${ISO}`,
      ]),
    );
    for (const value of [messages[0], messages[1], messages[1].files![0]]) {
      expect(Object.getPrototypeOf(value)).to.equal(null);
      for (const key of Object.keys(keys)) expect(Object.hasOwn(value, key), key).to.equal(false);
    }
    expect(messages[0]).to.include({ question: 'Lunch?' });
    expect(messages[1].files).to.deep.equal([{ link: 'https://cdn.example/f' }]);
    expect(`${messages.map((message) => message.id)}`).to.equal('p,c');
  });

  it('keeps rows that repeat an id and names the ids in duplicateIds', () => {
    const messages = parseChatDumpCsv(
      dump([
        HEADER,
        `a,u,s,m,A,false,false,TEXT_MESSAGE,first,${ISO}`,
        `b,u,s,m,A,false,false,TEXT_MESSAGE,other,${ISO}`,
        `a,u,s,m,A,false,true,TEXT_MESSAGE,again,${ISO}`,
        `a,u,s,m,A,false,true,TEXT_MESSAGE,thrice,${ISO}`,
        `c,u,s,m,A,false,false,TEXT_MESSAGE,x,${ISO}`,
        `c,u,s,m,A,false,false,TEXT_MESSAGE,y,${ISO}`,
      ]),
    );
    expect(messages.map((message) => message.message)).to.deep.equal(['first', 'other', 'again', 'thrice', 'x', 'y']);
    expect(messages.duplicateIds).to.deep.equal(['a', 'c']);
    expect(parseChatDumpCsv(dump([HEADER, `a,u,s,m,A,false,false,TEXT_MESSAGE,x,${ISO}`])).duplicateIds).to.deep.equal([]);
  });

  it('gives a header-only dump as no messages', () => {
    expect(parseChatDumpCsv(`${HEADER}\r\n`)).to.deep.equal([]);
    expect(parseChatDumpCsv(HEADER)).to.deep.equal([]);
  });

  describe('on malformed input', () => {
    it('names line 1 for an empty text', () => {
      for (const text of ['', '\uFEFF', '\r\n\n']) {
        const error = parseError(text);
        expect(error.line).to.equal(1);
        expect(error.message).to.match(/^Line 1: .*no header/);
      }
    });

    it('names the missing columns', () => {
      const error = parseError('id,participantId,displayName\r\n');
      expect(error.message).to.equal('Line 1: the header lacks the columns sessionId, meetingId, pinned, isEdited, payloadType, payload, createdAt');
    });

    it('refuses a column named twice', () => {
      expect(parseError(`${HEADER},id\r\n`).message).to.match(/^Line 1: .*"id" twice/);
    });

    it('names the line of a row with the wrong number of fields, counting line breaks in quoted fields', () => {
      const text = dump([HEADER, `a,u,s,m,A,false,false,TEXT_MESSAGE,"one\ntwo\nthree",${ISO}`, `b,u,s,m,A,false,false,TEXT_MESSAGE,${ISO}`]);
      const error = parseError(text);
      expect(error.line).to.equal(5);
      expect(error.message).to.equal('Line 5: expected 10 fields like the header, found 9');
    });

    it('names the line where a never-closed quote opens', () => {
      const error = parseError(dump([HEADER, `a,u,s,m,A,false,false,TEXT_MESSAGE,x,${ISO}`, `b,u,s,m,A,false,false,TEXT_MESSAGE,"open\nstill open,${ISO}`]));
      expect(error.line).to.equal(3);
      expect(error.message).to.match(/never closed/);
    });

    it('refuses a quote inside an unquoted field and text after a closing quote', () => {
      expect(parseError(dump([HEADER, `a,u,s,m,A,false,false,TEXT_MESSAGE,say "hi",${ISO}`])).message).to.match(/^Line 2: a quote inside an unquoted field/);
      expect(parseError(dump([HEADER, `a,u,s,m,A,false,false,TEXT_MESSAGE,"hi"x,${ISO}`])).message).to.match(/^Line 2: unexpected text after the closing quote/);
    });

    it('refuses a flag that is not a boolean', () => {
      expect(parseError(dump([HEADER, `a,u,s,m,A,maybe,false,TEXT_MESSAGE,x,${ISO}`])).message).to.equal('Line 2: pinned is "maybe", not true or false');
    });

    it('refuses a createdAt that is not a time', () => {
      for (const createdAt of ['yesterday', '2024-13-01T00:00:00Z', '2024-02-30', '2024-05-06 07:08:09 local']) {
        expect(parseError(dump([HEADER, `a,u,s,m,A,false,false,TEXT_MESSAGE,x,${createdAt}`])).message).to.match(/^Line 2: createdAt is ".*", not a date$/);
      }
    });

    it('refuses a file or custom payload that is not a JSON object', () => {
      expect(parseError(dump([HEADER, `a,u,s,m,A,false,false,FILE_MESSAGE,https://x/f.pdf,${ISO}`])).message).to.equal('Line 2: the payload of a file message is not JSON');
      expect(parseError(dump([HEADER, `a,u,s,m,A,false,false,CUSTOM_MESSAGE,[1],${ISO}`])).message).to.equal('Line 2: the payload of a custom message is not a JSON object');
    });

    it('refuses an empty payloadType', () => {
      expect(parseError(dump([HEADER, `a,u,s,m,A,false,false,,x,${ISO}`])).message).to.equal('Line 2: payloadType is empty');
    });
  });
});
