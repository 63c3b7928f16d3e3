import { expect } from '@open-wc/testing';
import { ChatReplayError, fetchChatDump, fetchChatDumpBlob, fetchChatDumpResponse, fetchChatDumpUrl, streamChatDump } from '../../src/chat-dump/index.js';
import type { ChatReplayErrorCode } from '../../src/chat-dump/index.js';

const API = 'https://api.example/accounts/a/realtime/kit/app/sessions/s/chat';
const FIRST_URL = 'https://bucket.example/dump.csv?X-Amz-Signature=first';
const SECOND_URL = 'https://bucket.example/dump.csv?X-Amz-Signature=second';
const HEADER = 'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\r\n';
const CSV = HEADER;
const FUTURE = new Date(Date.now() + 3_600_000).toISOString();
const PAST = new Date(Date.now() - 3_600_000).toISOString();

type Answer = Response | Error;

interface Call {
  url: string;
  headers: Headers;
}

/** A `fetch` that gives the scripted answers in order and records what it was asked. */
function scriptedFetch(...answers: Answer[]): typeof fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    init?.signal?.throwIfAborted();
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request number ${calls.length}`);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(fake, { calls });
}

const json = (body: unknown, status = 200): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const link = (url: string, expiry: string = FUTURE): Response => json({ success: true, data: { chat_download_url: url, chat_download_url_expiry: expiry } });
const csv = (text: BodyInit = CSV, status = 200, headers: HeadersInit = { 'content-type': 'text/csv' }): Response => new Response(text, { status, headers });

/** A body that sends `pieces` (text or bytes), then `then`: end, stall for ever, or break off. */
function body(pieces: Array<string | Uint8Array>, then: 'end' | 'stall' | 'error' = 'end'): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces.shift();
      if (piece !== undefined) controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      else if (then === 'end') controller.close();
      else if (then === 'error') controller.error(new TypeError('network error'));
      else return new Promise(() => undefined);
      return undefined;
    },
  });
}

const ROW = 'm1,u1,s,m,Ada,false,false,TEXT_MESSAGE,"=1+1, ""q""",2026-01-02T03:04:05.000Z\r\n';


async function replayError(promise: Promise<unknown>): Promise<ChatReplayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(ChatReplayError);
  return error as ChatReplayError;
}

describe('the Chat Replay client', () => {
  it('asks the API for the link, then downloads the CSV there', async () => {
    const fetch = scriptedFetch(link(FIRST_URL), csv());
    expect(await fetchChatDump(API, { fetch, headers: { authorization: 'Bearer secret-token' } })).to.equal(CSV);
    expect(fetch.calls.map((call) => call.url)).to.deep.equal([API, FIRST_URL]);
    expect(fetch.calls[0].headers.get('authorization')).to.equal('Bearer secret-token');
    expect(fetch.calls[0].headers.get('accept')).to.equal('application/json');
  });

  it('never sends the API headers to the download URL', async () => {
    const fetch = scriptedFetch(link(FIRST_URL), csv());
    await fetchChatDump(API, { fetch, headers: { authorization: 'Bearer secret-token' } });
    expect([...fetch.calls[1].headers.keys()]).to.deep.equal([]);
  });

  it('gives the link and its expiry', async () => {
    const fetch = scriptedFetch(link(FIRST_URL, '2030-01-02T03:04:05.000Z'));
    expect(await fetchChatDumpUrl(API, { fetch })).to.deep.equal({ url: FIRST_URL, expiresAt: new Date('2030-01-02T03:04:05.000Z') });
  });

  it('accepts an answer without the optional success flag', async () => {
    const fetch = scriptedFetch(json({ data: { chat_download_url: FIRST_URL, chat_download_url_expiry: FUTURE } }), csv());
    expect(await fetchChatDump(API, { fetch })).to.equal(CSV);
  });

  it('asks for a new link when the first one has already expired', async () => {
    const fetch = scriptedFetch(link(FIRST_URL, PAST), link(SECOND_URL), csv());
    expect(await fetchChatDump(API, { fetch })).to.equal(CSV);
    expect(fetch.calls.map((call) => call.url)).to.deep.equal([API, API, SECOND_URL]);
  });

  for (const status of [403, 410]) {
    it(`asks for a new link when the download answers ${status}`, async () => {
      const fetch = scriptedFetch(link(FIRST_URL), csv('<Error>AccessDenied</Error>', status), link(SECOND_URL), csv());
      expect(await fetchChatDump(API, { fetch })).to.equal(CSV);
      expect(fetch.calls.map((call) => call.url)).to.deep.equal([API, FIRST_URL, API, SECOND_URL]);
    });
  }

  it('renews an expired link only once, even when the new one is refused too', async () => {
    const fetch = scriptedFetch(link(FIRST_URL), csv('', 403), link(SECOND_URL), csv('', 403));
    const error = await replayError(fetchChatDump(API, { fetch }));
    expect(error.code).to.equal('expired');
    expect(error.status).to.equal(403);
    expect(fetch.calls).to.have.length(4);
  });

  it('counts a renewal for an expired link as the one renewal', async () => {
    const fetch = scriptedFetch(link(FIRST_URL, PAST), link(SECOND_URL, PAST), csv('', 410));
    const error = await replayError(fetchChatDump(API, { fetch }));
    expect(error.code).to.equal('expired');
    expect(fetch.calls.map((call) => call.url)).to.deep.equal([API, API, SECOND_URL]);
  });

  it('tries a link whose expiry it cannot read', async () => {
    const fetch = scriptedFetch(link(FIRST_URL, 'soon'), csv());
    expect(await fetchChatDump(API, { fetch })).to.equal(CSV);
    expect(fetch.calls).to.have.length(2);
  });

  it('fails with the API words on success: false', async () => {
    const fetch = scriptedFetch(json({ success: false, errors: [{ code: 7003, message: 'Chat replay is not enabled' }] }));
    const error = await replayError(fetchChatDump(API, { fetch }));
    expect(error.code).to.equal('api');
    expect(error.message).to.equal('The Chat Replay API could not provide the chat dump. The API said: "Chat replay is not enabled".');
  });

  const statuses: [number, ChatReplayErrorCode, RegExp][] = [
    [401, 'unauthorized', /credentials \(HTTP 401\): check the API token/],
    [403, 'forbidden', /refused access \(HTTP 403\).*permission/],
    [404, 'not-found', /no such session \(HTTP 404\).*session ids/],
    [500, 'server', /failed \(HTTP 500\); try again later/],
    [503, 'server', /failed \(HTTP 503\)/],
    [429, 'http', /answered HTTP 429/],
  ];
  for (const [status, code, message] of statuses) {
    it(`fails with code ${code} when the API answers ${status}`, async () => {
      const fetch = scriptedFetch(json({ success: false, errors: [{ code: 10000, message: 'Authentication error' }] }, status));
      const error = await replayError(fetchChatDump(API, { fetch }));
      expect(error.code).to.equal(code);
      expect(error.status).to.equal(status);
      expect(error.message).to.match(message);
      expect(error.message).to.contain('The API said: "Authentication error".');
    });
  }

  it('says no more than the status when the error page is not JSON', async () => {
    const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(new Response('<html>Bad gateway</html>', { status: 502 })) }));
    expect(error.message).to.equal('The Chat Replay API failed (HTTP 502); try again later.');
  });

  for (const [what, answer] of [
    ['text that is not JSON', new Response('<html>hi</html>', { status: 200 })],
    ['a JSON array', json([1, 2])],
    ['no data', json({ success: true })],
    ['no chat_download_url', json({ success: true, data: { chat_download_url_expiry: FUTURE } })],
    ['a chat_download_url that is not a web URL', json({ success: true, data: { chat_download_url: 'javascript:alert(1)' } })],
  ] as const) {
    it(`fails as malformed when the API answers ${what}`, async () => {
      const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(answer) }));
      expect(error.code).to.equal('malformed');
    });
  }

  it('fails with code network when the API cannot be reached', async () => {
    const offline = new TypeError('Failed to fetch');
    const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(offline) }));
    expect(error.code).to.equal('network');
    expect(error.status).to.be.undefined;
    expect(error.cause).to.equal(offline);
    expect(error.message).to.equal('Could not reach the Chat Replay API: Failed to fetch');
  });

  it('fails with code network when the download cannot be reached, without showing the URL', async () => {
    const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(link(FIRST_URL), new TypeError('Failed to fetch')) }));
    expect(error.code).to.equal('network');
    expect(error.message).not.to.contain('X-Amz-Signature');
  });

  it('fails with code download when the download answers another error', async () => {
    const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(link(FIRST_URL), csv('', 500)) }));
    expect(error.code).to.equal('download');
    expect(error.status).to.equal(500);
    expect(error.message).to.equal('Downloading the chat dump failed (HTTP 500).');
  });

  it('takes a function that answers with the parsed body', async () => {
    let asked = 0;
    const source = async () => {
      asked++;
      return { success: true, data: { chat_download_url: asked === 1 ? FIRST_URL : SECOND_URL, chat_download_url_expiry: asked === 1 ? PAST : FUTURE } };
    };
    const fetch = scriptedFetch(csv());
    expect(await fetchChatDump(source, { fetch })).to.equal(CSV);
    expect(asked).to.equal(2);
    expect(fetch.calls.map((call) => call.url)).to.deep.equal([SECOND_URL]);
  });

  it('takes a function that answers with a Response, HTTP errors included', async () => {
    const error = await replayError(fetchChatDump(async () => json({}, 401), { fetch: scriptedFetch() }));
    expect(error.code).to.equal('unauthorized');
  });

  it('wraps a failing source function as a network error', async () => {
    const error = await replayError(fetchChatDump(async () => Promise.reject(new Error('backend down')), { fetch: scriptedFetch() }));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('backend down');
  });

  it('passes an abort through as it is, not as a ChatReplayError', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await fetchChatDump(API, { fetch: scriptedFetch(link(FIRST_URL)), signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.to.be.instanceOf(ChatReplayError);
    expect((error as Error).name).to.equal('AbortError');
  });

  it('returns the download response with its body unread', async () => {
    const response = await fetchChatDumpResponse(API, { fetch: scriptedFetch(link(FIRST_URL), csv('a,b\r\n')) });
    expect(response.bodyUsed).to.be.false;
    expect(await response.text()).to.equal('a,b\r\n');
  });
});

describe('streaming the dump', () => {
  it('streams the dump piece by piece, protecting formulas record by record', async () => {
    // Cut inside a quoted field, inside a multi-byte character and between CR and LF.
    const text = `\ufeff${HEADER}${ROW}m2,u2,s,m,Bo,false,false,TEXT_MESSAGE,"@é😀\r\nx",2026-01-02T03:04:06.000Z\r\n`;
    const bytes = new TextEncoder().encode(text);
    const cuts = [5, 120, 131, 160, bytes.length - 30, bytes.length - 1];
    const pieces = cuts.map((end, i) => bytes.slice(i === 0 ? 0 : cuts[i - 1], end)).concat([bytes.slice(cuts[cuts.length - 1])]);
    const written: string[] = [];
    const result = await streamChatDump(API, {
      fetch: scriptedFetch(link(FIRST_URL), csv(body(pieces))),
      protectFormulas: true,
      write: (_bytes, piece) => void written.push(piece),
    });
    expect(written.length).to.be.above(2);
    expect(written.join('')).to.equal(`\ufeff${HEADER}m1,u1,s,m,Ada,false,false,TEXT_MESSAGE,"'=1+1, ""q""",2026-01-02T03:04:05.000Z\r\nm2,u2,s,m,Bo,false,false,TEXT_MESSAGE,"'@é😀\r\nx",2026-01-02T03:04:06.000Z\r\n`);
    expect(result).to.include({ received: bytes.length, rows: 2 });
  });

  it('passes the bytes through exactly when not protecting, and reports progress', async () => {
    const text = `${HEADER}${ROW}`;
    const progress: Array<[number, number | undefined]> = [];
    const kept: number[] = [];
    const size = new TextEncoder().encode(text).length;
    const result = await streamChatDump(API, {
      fetch: scriptedFetch(link(FIRST_URL), csv(body([text.slice(0, 50), text.slice(50)]), 200, { 'content-length': String(size) })),
      write: (bytes) => void kept.push(...bytes),
      onProgress: (received, total) => void progress.push([received, total]),
    });
    expect(new TextDecoder().decode(new Uint8Array(kept))).to.equal(text);
    expect(progress).to.deep.equal([
      [50, size],
      [size, size],
    ]);
    expect(result).to.deep.equal({ received: size, written: size, rows: 1 });
  });

  for (const [what, answer, message] of [
    ['a web page', () => csv('<!doctype html><p>Sign in', 200, { 'content-type': 'text/html; charset=utf-8' }), /not a chat dump: it is a web page \(text\/html\)/],
    ['JSON', () => csv('{"error":"nope"}', 200, { 'content-type': 'application/json' }), /it is JSON/],
    ['an S3 XML error with status 200', () => csv('<Error/>', 200, { 'content-type': 'application/xml' }), /it is XML/],
    ['text without the dump header', () => csv('name,size\r\na,1\r\n'), /lacks the columns/],
    ['not UTF-8', () => csv(new Uint8Array([...new TextEncoder().encode(HEADER), 0xff, 0xfe, 0x0d, 0x0a])), /not UTF-8/],
    ['empty', () => csv(''), /empty/],
    ['a row wider than the header in the middle', () => csv(`${HEADER}a,b,c,d,e,f,g,h,i,j,k\r\n${ROW}`), /more fields than the header/],
  ] as const) {
    it(`fails as not-a-dump, saying why, for ${what}`, async () => {
      const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(link(FIRST_URL), answer()) }));
      expect(error.code).to.equal('not-a-dump');
      expect(error.message).to.match(message);
    });
  }

  for (const [what, answer, message] of [
    ['ends inside a quoted field', () => csv(`${HEADER}m1,u1,s,m,Ada,false,false,TEXT_MESSAGE,"unfinish`), /ends in the middle of a row \(line 2\)/],
    ['ends in a short row', () => csv(`${HEADER}${ROW}m2,u2,s,m,Bo`), /ends in the middle of a row \(line 3\)/],
    ['stops short of its Content-Length', () => csv(`${HEADER}${ROW}`, 200, { 'content-length': '5000' }), /ended early: \d+ of 5000 bytes/],
  ] as const) {
    it(`fails as incomplete when the download ${what}`, async () => {
      const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(link(FIRST_URL), answer()) }));
      expect(error.code).to.equal('incomplete');
      expect(error.message).to.match(message);
    });
  }

  it('fails as network when the download breaks off', async () => {
    const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(link(FIRST_URL), csv(body([HEADER], 'error'))) }));
    expect(error.code).to.equal('network');
  });

  it('fails loudly, never with an empty result, when the text decoded is not what arrived', async () => {
    // What decoding a download past 512 MiB into one string does: it gives ''. Simulated here
    // for every decode, so no test has to allocate half a gigabyte.
    const decode = TextDecoder.prototype.decode;
    TextDecoder.prototype.decode = () => '';
    try {
      for (const protectFormulas of [true, false]) {
        const answer = async () => ({ success: true, data: { chat_download_url: FIRST_URL } });
        const error = await replayError(fetchChatDumpBlob(answer, { fetch: scriptedFetch(csv(`${HEADER}${ROW}`)), protectFormulas }));
        expect(error.code, `protectFormulas: ${protectFormulas}`).to.equal('incomplete');
        expect(error.message).to.match(/^The chat dump was not read whole: \d+ bytes received, 0 decoded\.$/);
      }
    } finally {
      TextDecoder.prototype.decode = decode;
    }
  });

  it('fails as incomplete when the Blob does not keep every byte written', async () => {
    const OriginalBlob = window.Blob;
    // A store that loses the parts of a large Blob, as a full disk or a quota would.
    window.Blob = class extends OriginalBlob {
      constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
        super(parts && parts.length > 1 ? [] : parts, options);
      }
    };
    try {
      const error = await replayError(fetchChatDumpBlob(API, { fetch: scriptedFetch(link(FIRST_URL), csv(body([HEADER, ROW]))) }));
      expect(error.code).to.equal('incomplete');
      expect(error.message).to.match(/could not be kept whole: \d+ bytes written, 0 kept/);
    } finally {
      window.Blob = OriginalBlob;
    }
  });

  it('gives the dump as a Blob with its rows', async () => {
    const { blob, rows } = await fetchChatDumpBlob(API, { fetch: scriptedFetch(link(FIRST_URL), csv(`\ufeff${HEADER}${ROW}`)), protectFormulas: true });
    expect(rows).to.equal(1);
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer())).to.equal(`\ufeff${HEADER}${ROW.replace('"=1+1', `"'=1+1`)}`);
  });

  describe('timeouts and aborts', () => {
    /** A `fetch` that never answers and ignores its signal, as a stub or an old polyfill may. */
    const never = (): typeof fetch => () => new Promise<Response>(() => undefined);

    it('times out when the API does not answer, even through a fetch that ignores its signal', async () => {
      const error = await replayError(fetchChatDump(API, { fetch: never(), idleTimeoutMs: 50 }));
      expect(error.code).to.equal('timeout');
      expect(error.message).to.equal('The Chat Replay API did not answer for 0.1 s.');
    });

    it('times out when the download stalls', async () => {
      const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(link(FIRST_URL), csv(body([HEADER], 'stall'))), idleTimeoutMs: 50 }));
      expect(error.code).to.equal('timeout');
      expect(error.message).to.match(/download stalled: less than 1 KiB arrived/);
    });

    it('times out on a drip of a few bytes, which is no progress', async () => {
      const drip = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          controller.enqueue(new TextEncoder().encode('x'));
        },
      });
      const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(link(FIRST_URL), csv(drip)), idleTimeoutMs: 100 }));
      expect(error.code).to.equal('timeout');
    });

    it('keeps going while more than 1 KiB arrives in each period, however long it takes', async () => {
      const pieces = Array.from({ length: 6 }, () => `${ROW}`.repeat(20));
      const slow = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const piece = pieces.shift();
          if (piece === undefined) return controller.close();
          await new Promise((resolve) => setTimeout(resolve, 30));
          controller.enqueue(new TextEncoder().encode(piece));
        },
        start(controller) {
          controller.enqueue(new TextEncoder().encode(HEADER));
        },
      });
      const result = await streamChatDump(API, { fetch: scriptedFetch(link(FIRST_URL), csv(slow)), idleTimeoutMs: 150, write: () => undefined });
      expect(result.rows).to.equal(120);
    });

    it("rejects with the signal's own reason, wherever it is aborted", async () => {
      const reason = new Error('the user cancelled');
      for (const stage of ['api', 'download'] as const) {
        const controller = new AbortController();
        const fetch = stage === 'api' ? never() : scriptedFetch(link(FIRST_URL), csv(body([HEADER], 'stall')));
        const promise = fetchChatDump(API, { fetch, signal: controller.signal, idleTimeoutMs: 0 });
        await new Promise((resolve) => setTimeout(resolve, 10));
        controller.abort(reason);
        expect(await promise.catch((e: unknown) => e), stage).to.equal(reason);
      }
    });
  });

  it('refuses an API answer of more than 1 MiB without reading it all', async () => {
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(new Response(huge, { headers: { 'content-type': 'application/json' } })) }));
    expect(error.code).to.equal('malformed');
    expect(error.message).to.match(/more than 1 MiB/);
    expect(pulled).to.be.below(40);
  });

  it('says so when the endpoint answers a web page instead of JSON', async () => {
    const error = await replayError(fetchChatDump(API, { fetch: scriptedFetch(new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } })) }));
    expect(error.code).to.equal('malformed');
    expect(error.message).to.match(/web page \(text\/html\), not JSON/);
  });
});
