import { PassThrough, Readable } from 'node:stream';

// A stand-in for an app's backend in front of the Chat Replay API, served by the test server
// under /replay-api/. Each scenario is a path; `?key=` separates the counters of each test.
const CSV = '\ufeffid,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\r\n' +
  'm1,u1,s1,mt1,Dana,false,false,TEXT_MESSAGE,"=HYPERLINK(""http://evil.example"")",2026-11-20T10:00:00.000Z\r\n' +
  'm2,u2,s1,mt1,Bob,true,false,TEXT_MESSAGE,"hello, ""world""",2026-11-20T10:01:00.000Z\r\n';

// A dump large enough to arrive in many chunks: 20,000 rows, every tenth a formula.
const BIG_ROWS = 20_000;
const BIG = (() => {
  const rows = [CSV.slice(0, CSV.indexOf('\r\n') + 2)];
  for (let i = 0; i < BIG_ROWS; i++) {
    const text = i % 10 === 0 ? `=SUM(${i})` : `message ${i}, with "quotes"`;
    rows.push(`b${i},u${i % 7},s1,mt1,Person ${i % 7},false,false,TEXT_MESSAGE,"${text.replaceAll('"', '""')}",2026-11-20T10:00:00.000Z\r\n`);
  }
  return rows.join('');
})();

const calls = new Map();

/** A body that sends `first`, then nothing more (or `drip` one byte every 50 ms) until the client goes away. */
function stalled(ctx, first, drip = false) {
  const stream = new PassThrough();
  stream.write(first);
  const timer = drip ? setInterval(() => stream.write('x'), 50) : undefined;
  const stop = () => {
    clearInterval(timer);
    stream.destroy();
  };
  ctx.res.once('close', stop);
  // Never kept longer than a test could wait.
  setTimeout(stop, 60_000).unref();
  ctx.status = 200;
  ctx.type = 'text/csv';
  // Compressed, the first bytes would wait in the compressor for more.
  ctx.compress = false;
  ctx.body = stream;
}

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
}

export function replayApi() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/replay-api/')) return next();
    const key = ctx.query.key ?? '';
    const scenario = ctx.path.slice('/replay-api/'.length);
    const origin = `${ctx.protocol}://${ctx.host}`;
    const count = (calls.get(`${scenario}|${key}`) ?? 0) + 1;
    calls.set(`${scenario}|${key}`, count);
    const future = new Date(Date.now() + 3600_000).toISOString();
    const past = new Date(Date.now() - 3600_000).toISOString();
    const link = (file, expiry = future) => json(ctx, 200, { success: true, data: { chat_download_url: `${origin}/replay-api/files/${file}?key=${key}`, chat_download_url_expiry: expiry } });
    switch (scenario) {
      case 'calls':
        return json(ctx, 200, { count: calls.get(`${ctx.query.scenario}|${key}`) ?? 0 });
      case 'ok':
        return link('dump.csv');
      case 'expired-once':
        return count === 1 ? link('dump.csv', past) : link('dump.csv');
      case 'refused-once':
        return count === 1 ? link('gone.csv') : link('dump.csv');
      case 'always-refused':
        return link('gone.csv');
      case 'unsuccessful':
        return json(ctx, 200, { success: false, errors: [{ code: 7003, message: 'Session not found' }] });
      case 'server-error':
        return json(ctx, 500, { success: false });
      case 'unauthorized':
        return json(ctx, 401, { success: false });
      case 'malformed':
        return json(ctx, 200, '<html>not json</html>');
      case 'big':
        return link('big.csv');
      case 'stall':
        return link('stall.csv');
      case 'drip':
        return link('drip.csv');
      case 'html':
        return link('page.html');
      case 'stall-api':
        return new Promise((resolve) => {
          ctx.res.once('close', resolve);
          setTimeout(resolve, 60_000).unref();
        });
      case 'files/big.csv':
        ctx.status = 200;
        ctx.type = 'text/csv';
        ctx.body = Readable.from(chunks(BIG, 16 * 1024));
        return undefined;
      case 'files/stall.csv':
        return stalled(ctx, CSV.slice(0, 40));
      case 'files/drip.csv':
        return stalled(ctx, CSV.slice(0, 40), true);
      case 'files/page.html':
        ctx.status = 200;
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><title>Sign in</title>';
        return undefined;
      case 'files/dump.csv':
        ctx.status = 200;
        ctx.type = 'text/csv';
        ctx.body = CSV;
        return undefined;
      case 'files/gone.csv':
        ctx.status = 403;
        ctx.body = 'expired';
        return undefined;
      default:
        return json(ctx, 404, { success: false });
    }
  };
}

function* chunks(text, size) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
