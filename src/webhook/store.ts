/**
 * Where `handleChatSynced` puts a session's dump: an interface the app implements, and adapters
 * for any `WritableStream` and for a Cloudflare R2 bucket (the Node directory adapter lives in
 * `./node.ts`, away from this runtime-neutral module).
 */

/** Which session a dump belongs to. */
export interface ChatDumpKey {
  meetingId: string;
  sessionId: string;
}

/** What is known about a stored dump: saved beside it by the adapters, as metadata or a file. */
export interface ChatDumpRecord extends ChatDumpKey {
  /** The meeting's title, when the event carried one. */
  title?: string;
  /** Who organised the meeting, when the event said. */
  organizer?: { id: string; name: string };
  /** When the session started, when the event said. */
  startedAt?: Date;
  /** When the session ended, when the event said. */
  endedAt?: Date;
  /**
   * The event's `chatDownloadUrlExpiry`. A later sync of the same session gets a later expiry,
   * so it orders deliveries that arrive out of order: an older one never replaces a newer dump.
   */
  downloadUrlExpiry?: Date;
  /** When the dump was stored. */
  storedAt: Date;
  /** `rtk-uuid` of the delivery that stored it. */
  deliveryId?: string;
  /** `rtk-webhook-id` of the delivery that stored it. */
  webhookId?: string;
  /** SHA-256 (hex) of the webhook id and the raw body: a repeated delivery has the same one. */
  fingerprint: string;
  /** The dump's size in bytes, when the download said (`content-length`). */
  size?: number;
}

/** A stored dump as far as its saved metadata tells; any field may be missing. */
export type StoredChatDump = Partial<ChatDumpRecord>;

/**
 * The app's storage for chat dumps. `put` must resolve only once the dump is durably stored, and
 * reject (leaving no partial dump behind) if the body stream errors: `handleChatSynced` answers
 * 2xx only after `put` resolved, and 5xx when it rejects, so RealtimeKit delivers again. A store
 * that reads the body through a reader releases it when done (as `pipeTo` does), so a download
 * that broke off can be told from a store that failed.
 */
export interface ChatDumpStore {
  /**
   * What is stored for this session, if anything: lets a repeated or an older delivery be
   * acknowledged without downloading again. Optional; without it, only repeats seen by this
   * process are recognised.
   */
  head?(key: ChatDumpKey): Promise<StoredChatDump | undefined>;
  /** Stores the dump (the CSV bytes as they download) with its record. */
  put(record: ChatDumpRecord, body: ReadableStream<Uint8Array>): Promise<void>;
}

/** The path-like key of a session's dump: `<meetingId>/<sessionId>.csv`. */
export function chatDumpKey(key: ChatDumpKey): string {
  return `${key.meetingId}/${key.sessionId}.csv`;
}

const iso = (date: Date | undefined): string | undefined => (date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined);

/** A record as flat string metadata (R2's `customMetadata`, S3's `x-amz-meta-*`); dates in ISO 8601. */
export function chatDumpMetadata(record: ChatDumpRecord): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    meetingId: record.meetingId,
    sessionId: record.sessionId,
    title: record.title,
    organizerId: record.organizer?.id,
    organizerName: record.organizer?.name,
    startedAt: iso(record.startedAt),
    endedAt: iso(record.endedAt),
    downloadUrlExpiry: iso(record.downloadUrlExpiry),
    storedAt: iso(record.storedAt),
    deliveryId: record.deliveryId,
    webhookId: record.webhookId,
    fingerprint: record.fingerprint,
    size: record.size === undefined ? undefined : String(record.size),
  };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function readDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Reads back what `chatDumpMetadata` wrote; unknown or unreadable fields are left out. */
export function chatDumpRecordFromMetadata(metadata: Record<string, string> | undefined): StoredChatDump {
  if (!metadata) return {};
  const record: StoredChatDump = {
    meetingId: metadata.meetingId,
    sessionId: metadata.sessionId,
    title: metadata.title,
    organizer: metadata.organizerId !== undefined || metadata.organizerName !== undefined ? { id: metadata.organizerId ?? '', name: metadata.organizerName ?? '' } : undefined,
    startedAt: readDate(metadata.startedAt),
    endedAt: readDate(metadata.endedAt),
    downloadUrlExpiry: readDate(metadata.downloadUrlExpiry),
    storedAt: readDate(metadata.storedAt),
    deliveryId: metadata.deliveryId,
    webhookId: metadata.webhookId,
    fingerprint: metadata.fingerprint,
    size: metadata.size === undefined || !/^\d+$/.test(metadata.size) ? undefined : Number(metadata.size),
  };
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as StoredChatDump;
}

/**
 * A store that pipes each dump into a `WritableStream` the app opens for it: a file, an upload,
 * anything with a web stream. The stream is closed when the dump is complete and aborted if the
 * download breaks off, so it must not treat an abort as a finished dump. `head` is passed through.
 */
export function writableStreamStore(
  open: (record: ChatDumpRecord) => WritableStream<Uint8Array> | Promise<WritableStream<Uint8Array>>,
  options: { head?: ChatDumpStore['head'] } = {},
): ChatDumpStore {
  return {
    head: options.head,
    async put(record, body) {
      let destination: WritableStream<Uint8Array>;
      try {
        destination = await open(record);
      } catch (error) {
        await body.cancel(error).catch(() => undefined);
        throw error;
      }
      await body.pipeTo(destination);
    },
  };
}

/** The part of a Cloudflare R2 object that the store reads. */
export interface R2ObjectLike {
  customMetadata?: Record<string, string>;
}

/** A part of a multipart upload, as R2 returns it. */
export interface R2UploadedPartLike {
  partNumber: number;
  etag: string;
}

/** The part of R2's multipart upload that the store uses. */
export interface R2MultipartUploadLike {
  uploadPart(partNumber: number, value: Uint8Array<ArrayBuffer>): Promise<R2UploadedPartLike>;
  complete(parts: R2UploadedPartLike[]): Promise<unknown>;
  abort(): Promise<void>;
}

/** What the store writes with: R2's `customMetadata` and `httpMetadata`. */
export interface R2PutOptionsLike {
  customMetadata?: Record<string, string>;
  httpMetadata?: { contentType?: string };
}

/** The part of a Worker's R2 binding (`env.MY_BUCKET`, an `R2Bucket`) that the store uses. */
export interface R2BucketLike {
  head(key: string): Promise<R2ObjectLike | null>;
  put(key: string, value: ReadableStream<Uint8Array>, options?: R2PutOptionsLike): Promise<unknown>;
  createMultipartUpload(key: string, options?: R2PutOptionsLike): Promise<R2MultipartUploadLike>;
}

/** Options of `r2Store`. */
export interface R2StoreOptions {
  /** Put before every key, e.g. `chat/`; default none. */
  prefix?: string;
  /**
   * The part size of a multipart upload, used when the dump's size is not known in advance; R2
   * wants at least 5 MiB and equal parts but the last. Default 10 MiB.
   */
  partBytes?: number;
}

const MIB = 1024 * 1024;
const DEFAULT_PART_BYTES = 10 * MIB;

type FixedLengthStreamConstructor = new (length: number) => TransformStream<Uint8Array, Uint8Array>;

/** Workers' `FixedLengthStream`: a stream of a declared length, which R2 takes without buffering. */
const fixedLengthStream = (): FixedLengthStreamConstructor | undefined =>
  (globalThis as { FixedLengthStream?: FixedLengthStreamConstructor }).FixedLengthStream;

/** Uploads a stream of unknown length in equal parts, holding one part in memory at a time. */
async function multipartPut(bucket: R2BucketLike, key: string, body: ReadableStream<Uint8Array>, options: R2PutOptionsLike, partBytes: number): Promise<void> {
  const upload = await bucket.createMultipartUpload(key, options);
  const parts: R2UploadedPartLike[] = [];
  const reader = body.getReader();
  let buffer = new Uint8Array(partBytes);
  let filled = 0;
  const flush = async () => {
    parts.push(await upload.uploadPart(parts.length + 1, filled === buffer.length ? buffer : buffer.slice(0, filled)));
    buffer = new Uint8Array(partBytes);
    filled = 0;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let offset = 0;
      while (offset < value.byteLength) {
        const take = Math.min(value.byteLength - offset, partBytes - filled);
        buffer.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === partBytes) await flush();
      }
    }
    // An empty dump still needs one part.
    if (filled > 0 || parts.length === 0) await flush();
    await upload.complete(parts);
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    await upload.abort().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}

/**
 * A store on a Cloudflare R2 bucket: each dump at `<prefix><meetingId>/<sessionId>.csv` with its
 * record as `customMetadata` (see `chatDumpMetadata`) and `text/csv` as its content type. A dump
 * of known size streams straight into R2 through a `FixedLengthStream`; one of unknown size is
 * uploaded in parts of `partBytes`. Either way memory stays flat however large the dump is, and a
 * dump that breaks off leaves nothing behind.
 */
export function r2Store(bucket: R2BucketLike, options: R2StoreOptions = {}): ChatDumpStore {
  const prefix = options.prefix ?? '';
  const partBytes = Math.max(5 * MIB, options.partBytes ?? DEFAULT_PART_BYTES);
  return {
    async head(key) {
      const object = await bucket.head(prefix + chatDumpKey(key));
      return object ? chatDumpRecordFromMetadata(object.customMetadata) : undefined;
    },
    async put(record, body) {
      const key = prefix + chatDumpKey(record);
      const putOptions: R2PutOptionsLike = { customMetadata: chatDumpMetadata(record), httpMetadata: { contentType: 'text/csv; charset=utf-8' } };
      const FixedLength = fixedLengthStream();
      if (record.size === undefined || !FixedLength) {
        await multipartPut(bucket, key, body, putOptions, partBytes);
        return;
      }
      const fixed = new FixedLength(record.size);
      await Promise.all([bucket.put(key, fixed.readable, putOptions), body.pipeTo(fixed.writable)]);
    },
  };
}
