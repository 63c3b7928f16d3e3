import { expect } from '@open-wc/testing';
import { ChatReplayError, fetchChatDump, fetchChatDumpResponse, fetchChatDumpUrl } from '../../src/chat-dump/index.js';
import type { ChatReplayErrorCode } from '../../src/chat-dump/index.js';

const API = 'https://api.example/accounts/a/realtime/kit/app/sessions/s/chat';
const FIRST_URL = 'https://bucket.example/dump.csv?X-Amz-Signature=first';
const SECOND_URL = 'https://bucket.example/dump.csv?X-Amz-Signature=second';
const CSV = 'id,participantId\r\n';
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
const csv = (text = CSV, status = 200): Response => new Response(text, { status });

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
