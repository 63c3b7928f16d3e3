// `downloadChatDump` from the BUILT server entry, against a local imitation of the Cloudflare API
// and of the storage behind the download URL. RTK_SERVER_ENTRY points at another build.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { lstat, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = process.env.RTK_SERVER_ENTRY
  ? resolve(process.env.RTK_SERVER_ENTRY)
  : fileURLToPath(new URL('../../dist/server/index.js', import.meta.url));
const { ChatReplayError, downloadChatDump } = await import(pathToFileURL(entry).href);

const TOKEN = 'test-token-4f2a9c';
const ACCOUNT = 'acc123';
const APP = 'app456';
const SESSION = 'sess789';
const API_PATH = `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions/${SESSION}/chat`;
const HEADER = '\uFEFFid,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\r\n';
const ROW = 'm1,u1,s,m,Ada,false,false,TEXT_MESSAGE,"héllo, wörld 😀\r\nשלום",2025-01-02T03:04:05.678Z\r\n';
// Large enough to arrive in several chunks.
const BIG_CSV = HEADER + ROW.repeat(20_000);

/** What the imitated API does next: a list of answers for the API and for the download. */
let script;
/** Every request the imitation got. */
let requests;
let server;
let origin;
let dir;

const future = () => new Date(Date.now() + 3_600_000).toISOString();
const past = () => new Date(Date.now() - 3_600_000).toISOString();
const link = (name, expiry = future()) => ({
  status: 200,
  json: { success: true, data: { chat_download_url: `${origin}/bucket/${name}.csv?X-Amz-Signature=abc`, chat_download_url_expiry: expiry } },
});

/** Connections left open on purpose (stalls), closed after each test. */
const open = new Set();

function answer(res, { status = 200, json, body, breakOff, stall, headers = {} }) {
  if (stall === 'headers') {
    open.add(res);
    return;
  }
  if (json !== undefined) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof json === 'string' ? json : JSON.stringify(json));
  } else if (breakOff) {
    res.writeHead(status, { 'content-type': 'text/csv', 'content-length': String(Buffer.byteLength(body) * 2) });
    res.write(body, () => res.destroy());
  } else if (stall === 'body') {
    // Sends the start of the dump, then nothing more.
    res.writeHead(status, { 'content-type': 'text/csv', ...headers });
    res.write(body);
    open.add(res);
  } else {
    res.writeHead(status, { 'content-type': 'text/csv', ...headers });
    res.end(body ?? '');
  }
}

before(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url, headers: req.headers });
    const queue = req.url === API_PATH ? script.api : req.url.startsWith('/bucket/') ? script.files : undefined;
    const next = queue?.shift();
    if (!next) {
      res.writeHead(599).end();
      return;
    }
    answer(res, next);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${server.address().port}`;
  dir = await mkdtemp(join(tmpdir(), 'rtk-chat-dump-'));
});

after(async () => {
  server.closeAllConnections();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  script = { api: [], files: [] };
  requests = [];
});

afterEach(() => {
  for (const res of open) res.destroy();
  open.clear();
});

const options = (to, extra = {}) => ({
  accountId: ACCOUNT,
  appId: APP,
  sessionId: SESSION,
  apiToken: TOKEN,
  baseUrl: `${origin}/client/v4`,
  to,
  ...extra,
});

/** A Writable that keeps what it gets and counts the writes. */
function collector() {
  const chunks = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { sink, chunks, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('downloadChatDump', () => {
  it('streams the CSV to a file, byte for byte', async () => {
    script.api.push(link('one'));
    script.files.push({ body: BIG_CSV });
    const file = join(dir, 'dump.csv');
    await downloadChatDump(options(file));
    assert.equal(await readFile(file, 'utf8'), BIG_CSV);
  });

  it('streams the CSV to a Writable in several chunks and ends it', async () => {
    script.api.push(link('one'));
    script.files.push({ body: BIG_CSV });
    const { sink, chunks, text } = collector();
    await downloadChatDump(options(sink));
    assert.equal(text(), BIG_CSV);
    assert.ok(chunks.length > 1, `expected several chunks, got ${chunks.length}`);
    assert.equal(sink.writableFinished, true);
  });

  it('sends the token as a Bearer header to the documented path, and never to the download URL', async () => {
    script.api.push(link('one'));
    script.files.push({ body: HEADER });
    await downloadChatDump(options(collector().sink));
    assert.deepEqual(
      requests.map((r) => r.url),
      [API_PATH, '/bucket/one.csv?X-Amz-Signature=abc'],
    );
    assert.equal(requests[0].headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(requests[1].headers.authorization, undefined);
  });

  it('uses the Cloudflare API path with the ids encoded and a trailing slash of baseUrl ignored', async () => {
    script.api.push({ status: 404, json: { success: false, errors: [] } });
    await rejection(downloadChatDump({ ...options(collector().sink), sessionId: 'a/../b c', baseUrl: `${origin}/client/v4/` }));
    assert.equal(requests[0].url, `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions/a%2F..%2Fb%20c/chat`);
  });

  it('asks the API again once when the link has expired', async () => {
    script.api.push(link('old', past()), link('new'));
    script.files.push({ body: HEADER });
    const { sink, text } = collector();
    await downloadChatDump(options(sink));
    assert.equal(text(), HEADER);
    assert.deepEqual(
      requests.map((r) => r.url.split('?')[0]),
      [API_PATH, API_PATH, '/bucket/new.csv'],
    );
  });

  it('asks the API again once when the download refuses the link as expired', async () => {
    script.api.push(link('old'), link('new'));
    script.files.push({ status: 403, body: '<Error><Code>AccessDenied</Code></Error>' }, { body: HEADER });
    const { sink, text } = collector();
    await downloadChatDump(options(sink));
    assert.equal(text(), HEADER);
    assert.deepEqual(
      requests.map((r) => r.url.split('?')[0]),
      [API_PATH, '/bucket/old.csv', API_PATH, '/bucket/new.csv'],
    );
  });

  it('gives up with code expired when the renewed link is refused too', async () => {
    script.api.push(link('old'), link('new'));
    script.files.push({ status: 403, body: '' }, { status: 403, body: '' });
    const error = await rejection(downloadChatDump(options(collector().sink)));
    assert.ok(error instanceof ChatReplayError);
    assert.equal(error.code, 'expired');
    assert.equal(requests.length, 4);
  });

  for (const [status, code] of [
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'server'],
  ]) {
    it(`rejects with code ${code} on HTTP ${status}, creates no file and never shows the token`, async () => {
      script.api.push({ status, json: { success: false, errors: [{ code: 10000, message: 'Authentication error' }] } });
      const file = join(dir, `never-${status}.csv`);
      const error = await rejection(downloadChatDump(options(file)));
      assert.ok(error instanceof ChatReplayError);
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.match(error.message, new RegExp(`HTTP ${status}`));
      assert.ok(!`${error.message} ${error.stack}`.includes(TOKEN));
      assert.equal(existsSync(file), false);
    });
  }

  it('rejects with code malformed when the API answers something that is not JSON', async () => {
    script.api.push({ status: 200, json: '{"success": true, "data": ' });
    const error = await rejection(downloadChatDump(options(collector().sink)));
    assert.ok(error instanceof ChatReplayError);
    assert.equal(error.code, 'malformed');
  });

  it('rejects with code network when the API cannot be reached', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address();
    closed.close();
    await once(closed, 'close');
    const error = await rejection(downloadChatDump({ ...options(collector().sink), baseUrl: `http://127.0.0.1:${port}/client/v4` }));
    assert.ok(error instanceof ChatReplayError);
    assert.equal(error.code, 'network');
  });

  it('removes the partial file when the download breaks off', async () => {
    script.api.push(link('one'));
    script.files.push({ body: BIG_CSV, breakOff: true });
    const file = join(dir, 'broken.csv');
    const error = await rejection(downloadChatDump(options(file)));
    assert.ok(error instanceof ChatReplayError);
    assert.equal(error.code, 'network');
    assert.equal(existsSync(file), false);
  });

  it('leaves an existing file alone when the API refuses', async () => {
    const file = join(dir, 'keep.csv');
    await writeFile(file, 'earlier dump');
    script.api.push({ status: 401, json: { success: false } });
    await rejection(downloadChatDump(options(file)));
    assert.equal(await readFile(file, 'utf8'), 'earlier dump');
  });

  it('refuses a missing token before sending anything', async () => {
    const error = await rejection(downloadChatDump({ ...options(collector().sink), apiToken: '' }));
    assert.ok(error instanceof TypeError);
    assert.match(error.message, /apiToken/);
    assert.equal(requests.length, 0);
  });

  // A bounded wait, so a download that hangs fails the test instead of holding the run.
  describe('integrity', { timeout: 15_000 }, () => {
    /** The files in the test folder whose name says they are a download in progress. */
    const partials = async () => (await readdir(dir)).filter((name) => name.endsWith('.partial'));

    it('keeps the previous good dump when a re-download breaks off, and leaves no temporary file', async () => {
      const file = join(dir, 'kept.csv');
      await writeFile(file, 'the earlier good dump');
      script.api.push(link('one'));
      script.files.push({ body: BIG_CSV, breakOff: true });
      await rejection(downloadChatDump(options(file)));
      assert.equal(await readFile(file, 'utf8'), 'the earlier good dump');
      assert.deepEqual(await partials(), []);
    });

    it('replaces the previous dump only once the new one is complete', async () => {
      const file = join(dir, 'replaced.csv');
      await writeFile(file, 'the earlier good dump');
      script.api.push(link('one'));
      script.files.push({ body: BIG_CSV });
      await downloadChatDump(options(file));
      assert.equal(await readFile(file, 'utf8'), BIG_CSV);
      assert.deepEqual(await partials(), []);
    });

    it('never truncates the target of a symbolic link at the path', async () => {
      const target = join(dir, 'precious.txt');
      const path = join(dir, 'through-link.csv');
      await writeFile(target, 'not to be touched');
      await symlink(target, path);
      script.api.push(link('one'), link('two'));
      script.files.push({ body: BIG_CSV, breakOff: true }, { body: BIG_CSV });
      await rejection(downloadChatDump(options(path)));
      assert.equal(await readFile(target, 'utf8'), 'not to be touched');
      assert.equal(await readlink(path), target, 'the link is still there after a failure');
      await downloadChatDump(options(path));
      assert.equal(await readFile(target, 'utf8'), 'not to be touched');
      assert.equal((await lstat(path)).isFile(), true, 'the link was replaced by the dump');
      assert.equal(await readFile(path, 'utf8'), BIG_CSV);
    });

    it('fails as incomplete when the body ends mid-row, keeping the previous dump', async () => {
      const file = join(dir, 'mid-row.csv');
      await writeFile(file, 'the earlier good dump');
      script.api.push(link('one'), link('two'));
      script.files.push({ body: `${HEADER}${ROW}m2,u2,s,m,Bo,false,false,TEXT_MESSAGE,"cut off he` }, { body: `${HEADER}${ROW}m2,u2,s` });
      for (const what of ['inside a quoted field', 'in a short row']) {
        const error = await rejection(downloadChatDump(options(file)));
        assert.ok(error instanceof ChatReplayError, what);
        assert.equal(error.code, 'incomplete', what);
        assert.match(error.message, /ends in the middle of a row \(line 4\)/, what);
      }
      assert.equal(await readFile(file, 'utf8'), 'the earlier good dump');
      assert.deepEqual(await partials(), []);
    });

    it('fails as incomplete when the body is short of its Content-Length, and destroys a Writable', async () => {
      const body = `${HEADER}${ROW}`;
      const fetch = async (url) =>
        url.includes('/bucket/')
          ? new Response(body, { headers: { 'content-type': 'text/csv', 'content-length': String(Buffer.byteLength(body) + 100) } })
          : Response.json(link('one').json);
      const { sink } = collector();
      const error = await rejection(downloadChatDump(options(sink, { fetch })));
      assert.ok(error instanceof ChatReplayError);
      assert.equal(error.code, 'incomplete');
      assert.match(error.message, /ended early/);
      assert.equal(sink.destroyed, true);
      assert.equal(sink.writableFinished, false);
    });

    it('fails as not-a-dump for a web page served where the dump should be', async () => {
      script.api.push(link('one'));
      script.files.push({ body: '<!doctype html><title>Sign in</title>', headers: { 'content-type': 'text/html' } });
      const error = await rejection(downloadChatDump(options(join(dir, 'page.csv'))));
      assert.equal(error.code, 'not-a-dump');
      assert.equal(existsSync(join(dir, 'page.csv')), false);
    });

    it('times out when the API does not answer', async () => {
      script.api.push({ stall: 'headers' });
      const error = await rejection(downloadChatDump(options(collector().sink, { idleTimeoutMs: 200 })));
      assert.ok(error instanceof ChatReplayError);
      assert.equal(error.code, 'timeout');
    });

    it('times out when the download stalls, keeping the previous dump', async () => {
      const file = join(dir, 'stalled.csv');
      await writeFile(file, 'the earlier good dump');
      script.api.push(link('one'));
      script.files.push({ body: HEADER + ROW.repeat(100), stall: 'body' });
      const error = await rejection(downloadChatDump(options(file, { idleTimeoutMs: 200 })));
      assert.equal(error.code, 'timeout');
      assert.equal(await readFile(file, 'utf8'), 'the earlier good dump');
      assert.deepEqual(await partials(), []);
    });

    it('refuses an API answer larger than 1 MiB', async () => {
      script.api.push({ json: JSON.stringify({ success: true, padding: ' '.repeat(2 * 1024 * 1024) }) });
      const error = await rejection(downloadChatDump(options(collector().sink)));
      assert.equal(error.code, 'malformed');
      assert.match(error.message, /more than 1 MiB/);
    });

    it("rejects with the signal's own reason when aborted, during the API call or the download", async () => {
      for (const stage of ['api', 'download']) {
        const controller = new AbortController();
        const reason = new Error(`stopped during the ${stage}`);
        const file = join(dir, `aborted-${stage}.csv`);
        await writeFile(file, 'the earlier good dump');
        if (stage === 'api') script.api.push({ stall: 'headers' });
        else {
          script.api.push(link('one'));
          script.files.push({ body: HEADER + ROW.repeat(100), stall: 'body' });
        }
        const promise = downloadChatDump(options(file, { signal: controller.signal, idleTimeoutMs: 0 }));
        while (requests.length < (stage === 'api' ? 1 : 2)) await new Promise((resolve) => setTimeout(resolve, 5));
        controller.abort(reason);
        assert.equal(await rejection(promise), reason, stage);
        assert.equal(await readFile(file, 'utf8'), 'the earlier good dump', stage);
      }
      assert.deepEqual(await partials(), []);
    });

    it('keeps the mode of the file it replaces', async () => {
      const file = join(dir, 'private.csv');
      await writeFile(file, 'earlier', { mode: 0o600 });
      script.api.push(link('one'));
      script.files.push({ body: HEADER });
      await downloadChatDump(options(file));
      assert.equal((await lstat(file)).mode & 0o777, 0o600);
    });
  });
});
