/**
 * A chat archive on Cloudflare Workers: RealtimeKit's `meeting.chatSynced` webhook comes in at
 * `POST /webhooks/realtimekit`, and each session's chat dump goes to R2 at
 * `<meetingId>/<sessionId>.csv` with its metadata (title, organizer, times). `GET /sessions` lists
 * what is archived and `GET /sessions/<meetingId>/<sessionId>.csv` downloads one, both behind a
 * bearer token. Nothing runs on a server of yours: each delivery is handled where it lands on
 * Cloudflare's network, and a dump streams from RealtimeKit's storage into R2 without being held
 * in the Worker's memory.
 */
import { chatDumpRecordFromMetadata, handleChatSynced, r2Store, type ChatReplayCredentials } from 'rtk-chat-kit/webhook';

/** The Worker's bindings and settings (see wrangler.jsonc). */
export interface Env {
  /** The R2 bucket of the archive. */
  ARCHIVE: R2Bucket;
  /** Secret: the bearer token that opens `GET /sessions`. Without it the listing stays closed. */
  LIST_TOKEN?: string;
  /** With `RTK_APP_ID` and the secret `RTK_API_TOKEN`: renews expired download URLs through the Chat Replay API. */
  RTK_ACCOUNT_ID?: string;
  RTK_APP_ID?: string;
  RTK_API_TOKEN?: string;
  /** Another Cloudflare API base (e.g. for a test); default the real one. */
  RTK_API_BASE_URL?: string;
  /** A PEM key to verify with instead of fetching RealtimeKit's published key. */
  WEBHOOK_PUBLIC_KEY?: string;
  /** Another place for the published key (e.g. for a test); default RealtimeKit's. */
  WEBHOOK_KEY_URL?: string;
}

const WEBHOOK_PATH = '/webhooks/realtimekit';
const DUMP_PATH = /^\/sessions\/([^/]+)\/([^/]+\.csv)$/;
const MAX_LIST = 1000;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

function replayCredentials(env: Env): ChatReplayCredentials | undefined {
  const { RTK_ACCOUNT_ID: accountId, RTK_APP_ID: appId, RTK_API_TOKEN: apiToken } = env;
  return accountId && appId && apiToken ? { accountId, appId, apiToken, baseUrl: env.RTK_API_BASE_URL } : undefined;
}

/** Whether the request carries the listing token; compared as digests, so the time taken says nothing about it. */
async function authorized(request: Request, env: Env): Promise<boolean> {
  const expected = env.LIST_TOKEN;
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!expected || !given) return false;
  const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const [a, b] = await Promise.all([digest(expected), digest(given)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

/** `GET /sessions[?meeting=<meetingId>][&cursor=…][&limit=…]`: the archived sessions with their metadata, by key. */
async function list(url: URL, env: Env): Promise<Response> {
  const meeting = url.searchParams.get('meeting');
  const limit = Math.min(MAX_LIST, Math.max(1, Number(url.searchParams.get('limit')) || MAX_LIST));
  const listed = await env.ARCHIVE.list({
    prefix: meeting ? `${meeting}/` : undefined,
    cursor: url.searchParams.get('cursor') ?? undefined,
    limit,
    include: ['customMetadata'],
  });
  const sessions = listed.objects.map((object) => {
    const record = chatDumpRecordFromMetadata(object.customMetadata);
    return {
      key: object.key,
      size: object.size,
      uploaded: object.uploaded.toISOString(),
      meetingId: record.meetingId,
      sessionId: record.sessionId,
      title: record.title,
      organizer: record.organizer,
      startedAt: record.startedAt?.toISOString(),
      endedAt: record.endedAt?.toISOString(),
      storedAt: record.storedAt?.toISOString(),
    };
  });
  return json(200, { sessions, cursor: listed.truncated ? listed.cursor : undefined });
}

/** `GET /sessions/<meetingId>/<sessionId>.csv`: one dump, streamed from R2. */
async function download(match: RegExpExecArray, env: Env): Promise<Response> {
  const [, meetingId, file] = match.map(decodeURIComponent);
  const object = await env.ARCHIVE.get(`${meetingId}/${file}`);
  if (!object) return json(404, { error: 'Not Found' });
  return new Response(object.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-length': String(object.size),
      'content-disposition': `attachment; filename="${`chat-${meetingId}-${file}`.replace(/[^\w.-]+/g, '_')}"`,
      etag: object.httpEtag,
      'cache-control': 'private, no-store',
    },
  });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === WEBHOOK_PATH) {
      return handleChatSynced(request, {
        store: r2Store(env.ARCHIVE),
        replay: replayCredentials(env),
        publicKey: env.WEBHOOK_PUBLIC_KEY || undefined,
        keyUrl: env.WEBHOOK_KEY_URL || undefined,
        onError: (error, failure) => console.error(`chat archive: ${failure.stage} failed for ${failure.key?.meetingId}/${failure.key?.sessionId}:`, error),
      });
    }
    const dump = DUMP_PATH.exec(url.pathname);
    if (url.pathname !== '/sessions' && !dump) return json(404, { error: 'Not Found' });
    if (request.method !== 'GET') return json(405, { error: 'Method Not Allowed' });
    if (!(await authorized(request, env))) return json(401, { error: 'Unauthorized' });
    return dump ? download(dump, env) : list(url, env);
  },
} satisfies ExportedHandler<Env>;
