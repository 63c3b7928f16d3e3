/**
 * A page-wide `fetch` stub for the SDK's REST calls: participant details (which carry the preset
 * and so the chat permissions), ICE servers, chat-upload presigned URLs and the uploads
 * themselves. Requests to the SDK's other hosts (telemetry, location, logs) get an empty JSON
 * answer so nothing leaves the page; every other request goes to the real `fetch`.
 */
import type { ChatPermissionOptions } from './harness.js';

/** The part of the SDK's host every REST and telemetry call goes to. */
const SDK_HOST = 'realtime.cloudflare.com';
/** Where uploaded chat files "live": `.invalid` never resolves, so nothing can leak. */
const UPLOAD_ORIGIN = 'https://chat-uploads.rtk-test.invalid';

export interface RestIdentity {
  userId: string;
  name: string;
  meetingId: string;
  /** The preset's `permissions`, snake_case as the API sends them. */
  permissions: Record<string, unknown>;
}

/** A request the stub saw, for tests and for debugging a stalled init. */
export interface SeenRequest {
  method: string;
  url: string;
}

export class FakeRest {
  readonly requests: SeenRequest[] = [];
  /** Uploaded files by their download link (the presigned `get_location`). */
  readonly uploads = new Map<string, Blob>();
  private waiters: { matches: (url: URL) => boolean; resolve: () => void }[] = [];
  private uploadCount = 0;

  constructor(private readonly identity: RestIdentity) {}

  /** Swaps `window.fetch`; returns the function that restores it. */
  install(): () => void {
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      // Read the URL without building a Request, which would consume a passed-through body.
      const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
      if (url.origin !== UPLOAD_ORIGIN && !isSdkHost(url.hostname)) return realFetch.call(window, input, init);
      const request = new Request(input, init);
      this.requests.push({ method: request.method, url: request.url });
      const [met, waiting] = partition(this.waiters, (waiter) => waiter.matches(url));
      this.waiters = waiting;
      met.forEach((waiter) => waiter.resolve());
      return this.answer(request, url);
    };
    return () => {
      window.fetch = realFetch;
    };
  }

  /** Resolves once the SDK has requested a URL that `matches` (at once if it already has). */
  requested(matches: (url: URL) => boolean): Promise<void> {
    if (this.requests.some((request) => matches(new URL(request.url)))) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  private async answer(request: Request, url: URL): Promise<Response> {
    if (url.origin === UPLOAD_ORIGIN) return this.uploadEndpoint(request, url);
    if (url.pathname.endsWith('/internals/participant-details')) return json(this.participantDetails());
    // Non-empty, so the SDK caches them instead of asking again (late, after the stubs are gone).
    if (url.pathname.endsWith('/iceservers')) return json({ success: true, iceServers: [{ urls: 'stun:stun.rtk-test.invalid' }] });
    if (url.pathname.endsWith('/meetings/chat-upload')) return json(await this.presign(request));
    return json({});
  }

  private participantDetails() {
    const { userId, name, meetingId, permissions } = this.identity;
    return {
      success: true,
      data: {
        participant: { id: userId, name, custom_participant_id: userId },
        preset: { name: 'rtk-test-preset', permissions, config: PRESET_CONFIG },
        meeting: { id: meetingId, title: 'Test meeting' },
        // Keeping the socket on Cloudflare's domain makes the client ping the server, instead of
        // expecting server pings and dropping the socket after 30 s without one.
        socket: { base_uri: SDK_HOST },
      },
    };
  }

  private async presign(request: Request) {
    const { filename } = (await request.json()) as { filename: string };
    this.uploadCount += 1;
    const location = `${UPLOAD_ORIGIN}/${this.uploadCount}/${encodeURIComponent(filename)}`;
    return { success: true, data: { get_location: location, put_location: `${location}?upload` } };
  }

  /** PUT stores the body under the download link; GET serves it back. */
  private async uploadEndpoint(request: Request, url: URL): Promise<Response> {
    const link = `${url.origin}${url.pathname}`;
    if (request.method === 'PUT') {
      this.uploads.set(link, await request.blob());
      return new Response(null, { status: 200 });
    }
    const blob = this.uploads.get(link);
    return blob ? new Response(blob, { status: 200 }) : new Response('not found', { status: 404 });
  }
}

const isSdkHost = (hostname: string) => hostname === SDK_HOST || hostname.endsWith(`.${SDK_HOST}`);

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** The preset `config` the SDK reads at init (view type, media, stream limits). */
const PRESET_CONFIG = {
  view_type: 'GROUP_CALL',
  media: {
    audio: { enable_stereo: false, enable_high_bitrate: false },
    video: { quality: 'vga', frame_rate: 30, simulcast: false },
    screenshare: { quality: 'hd', frame_rate: 5 },
  },
  max_video_streams: { mobile: 6, desktop: 6 },
  max_screenshare_count: 1,
};

/**
 * A full preset `permissions` object (snake_case) with the given chat permissions. Media,
 * polls and plugins are off: the chat needs none of them, and each would add requests.
 */
export function presetPermissions(chat: ChatPermissionOptions = {}): Record<string, unknown> {
  const open = { canSend: true, text: true, files: true, ...chat.public };
  const direct = { canSend: true, canReceive: true, text: true, files: true, ...chat.private };
  return {
    can_edit_display_name: true,
    accept_waiting_requests: false,
    kick_participant: false,
    pin_participant: chat.pinParticipant ?? true,
    can_spotlight: false,
    can_record: false,
    can_livestream: false,
    waiting_room_type: 'SKIP',
    plugins: { can_close: false, can_start: false, can_edit_config: false, config: {} },
    polls: { can_create: false, can_vote: false, can_view: false },
    media: {
      video: { can_produce: 'NOT_ALLOWED' },
      audio: { can_produce: 'NOT_ALLOWED' },
      screenshare: { can_produce: 'NOT_ALLOWED' },
    },
    chat: {
      public: { can_send: open.canSend, text: open.text, files: open.files },
      private: { can_send: direct.canSend, can_receive: direct.canReceive, text: direct.text, files: direct.files },
    },
    hidden_participant: false,
    is_recorder: false,
    recorder_type: 'NONE',
    show_participant_list: true,
    transcription_enabled: false,
    can_change_participant_permissions: false,
    connected_meetings: {
      can_alter_connected_meetings: false,
      can_switch_connected_meetings: false,
      can_switch_to_parent_meeting: false,
    },
    stage_enabled: false,
    accept_stage_requests: false,
  };
}
