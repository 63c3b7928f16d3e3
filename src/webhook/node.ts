/**
 * `rtk-chat-kit/webhook/node`: what the webhook needs on Node only: a `node:http` listener around
 * a `Request` → `Response` handler (also for Express, Fastify's raw routes and the like), and a
 * store that keeps the dumps in a directory.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import { chatDumpMetadata, chatDumpRecordFromMetadata, type ChatDumpKey, type ChatDumpStore } from './store.js';

/** A web handler: what `handleChatSynced` is once its options are bound. */
export type WebHandler = (request: Request) => Response | Promise<Response>;

/**
 * The request body as a web stream, with backpressure. Not `Readable.toWeb`: on Node 20 it throws
 * an uncaught "Controller is already closed" when the stream is canceled (a body refused as too
 * large) before the request ends.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let done = false;
  const detach = () => {
    done = true;
    req.off('data', onData).off('end', onEnd).off('error', onError);
  };
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const onData = (chunk: Buffer) => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const onEnd = () => {
    detach();
    controller.close();
  };
  const onError = (error: Error) => {
    detach();
    controller.error(error);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        req.on('data', onData).on('end', onEnd).on('error', onError);
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        detach();
        // The rest is read and dropped, so the answer (a 413) still reaches the client.
        req.resume();
      },
    },
    { highWaterMark: 16 },
  );
}

/** The request as a web `Request`: same method, URL, headers, and the body streamed. */
function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
  } catch {
    // A Host header that is not a host: the path still counts.
    url = new URL(req.url ?? '/', 'http://localhost');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? bodyStream(req) : undefined,
    signal,
    // Node's fetch wants this for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>), res);
}

/**
 * A `node:http` request listener that runs a web handler:
 * `createServer(toNodeListener((request) => handleChatSynced(request, { store })))`. The body is
 * streamed, not parsed, so in Express mount it before any body parser (`express.json()` would
 * consume the bytes the signature covers). A handler that throws is answered 500.
 */
export function toNodeListener(handler: WebHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    void (async () => {
      let response: Response;
      try {
        response = await handler(toRequest(req, aborted.signal));
      } catch {
        response = new Response(JSON.stringify({ error: 'Internal Server Error' }), {
          status: 500,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        });
      }
      try {
        await send(response, res);
      } catch {
        // The client went away while the answer was being written: nothing is left to tell it.
        res.destroy();
      }
    })();
  };
}

// The ids come checked from the event; a store may be given keys from elsewhere, so again here.
function segment(value: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..' || /[/\\\0]/.test(value)) {
    throw new TypeError(`directoryStore: ${JSON.stringify(value)} cannot be a file name.`);
  }
  return value;
}

/**
 * Writes the stream to a new file with backpressure. Read through a reader that is released
 * at the end, not `Readable.fromWeb`, which keeps the stream locked: the handler then could not
 * tell a download that broke off from a disk that failed.
 */
async function writeStream(body: ReadableStream<Uint8Array>, path: string): Promise<void> {
  const file = createWriteStream(path, { flags: 'wx' });
  // Kept, not thrown at once: an 'error' event without a listener would end the process.
  let fileError: unknown;
  file.on('error', (error) => (fileError ??= error));
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (fileError !== undefined) throw fileError;
      if (done) break;
      if (!file.write(value)) await once(file, 'drain');
    }
    file.end();
    await finished(file);
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    file.destroy();
    await finished(file).catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}

/** Writes `file` through a temporary file renamed into place, so a reader never sees half of it. */
async function writeAtomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${file}.${randomUUID()}.partial`;
  try {
    await write(temporary);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * A store in a directory: each dump at `<root>/<meetingId>/<sessionId>.csv`, its record beside it
 * as `<sessionId>.json` (the strings of `chatDumpMetadata`). Both are written to a temporary file
 * and renamed into place, so a dump that breaks off leaves nothing behind and a reader never sees
 * half a file.
 */
export function directoryStore(root: string): ChatDumpStore {
  const paths = (key: ChatDumpKey) => {
    const folder = join(root, segment(key.meetingId));
    const name = segment(key.sessionId);
    return { folder, csv: join(folder, `${name}.csv`), json: join(folder, `${name}.json`) };
  };
  return {
    async head(key) {
      let text: string;
      try {
        text = await readFile(paths(key).json, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        return chatDumpRecordFromMetadata(JSON.parse(text) as Record<string, string>);
      } catch {
        // A record that cannot be read tells nothing: the dump is stored again.
        return undefined;
      }
    },
    async put(record, body) {
      let target: ReturnType<typeof paths>;
      try {
        target = paths(record);
        await mkdir(target.folder, { recursive: true });
      } catch (error) {
        // Nobody reads the download now: let it go rather than hold the connection open.
        await body.cancel(error).catch(() => undefined);
        throw error;
      }
      const { csv, json } = target;
      await writeAtomically(csv, (temporary) => writeStream(body, temporary));
      await writeAtomically(json, (temporary) => writeFile(temporary, `${JSON.stringify(chatDumpMetadata(record), null, 2)}\n`, { flag: 'wx' }));
    },
  };
}
