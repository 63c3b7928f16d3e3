/**
 * A page-wide WebSocket swap: sockets the SDK opens to its socket edge reach an in-page server,
 * every other socket (the test runner's own, a dev server's) is a real WebSocket. The fake keeps
 * the browser's asynchrony: opening, messages and closing each arrive as a later task, so the SDK
 * sees its sends return before any answer, as on a network.
 */

/** The server side of the fake sockets. */
export interface SocketPeer {
  connected(socket: FakeSocket): void;
  received(socket: FakeSocket, data: string | Uint8Array): void;
  disconnected(socket: FakeSocket): void;
}

const later = (task: () => void): void => void setTimeout(task, 0);

export class FakeSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;

  readyState: number = FakeSocket.CONNECTING;
  binaryType: BinaryType = 'blob';
  readonly protocol = '';
  readonly extensions = '';
  readonly bufferedAmount = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  /** Frames queued in either direction and not yet handled. */
  inFlight = 0;

  constructor(
    readonly url: string,
    private readonly peer: SocketPeer,
  ) {
    super();
    later(() => {
      if (this.readyState !== FakeSocket.CONNECTING) return;
      this.readyState = FakeSocket.OPEN;
      this.peer.connected(this);
      this.fire(new Event('open'), this.onopen);
    });
  }

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    if (this.readyState !== FakeSocket.OPEN) throw new DOMException('WebSocket is not open', 'InvalidStateError');
    // Copy now: the caller may reuse its buffer before the server reads it.
    const copy = typeof data === 'string' ? data : toBytes(data);
    this.track(() => this.peer.received(this, copy));
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState >= FakeSocket.CLOSING) return;
    this.readyState = FakeSocket.CLOSING;
    later(() => this.finishClose(code, reason));
  }

  /** Server side: sends `data` to the client, as a text frame or an `ArrayBuffer`. */
  deliver(data: string | Uint8Array): void {
    this.track(() => {
      if (this.readyState !== FakeSocket.OPEN) return;
      const payload = typeof data === 'string' ? data : toArrayBuffer(data);
      this.fire(new MessageEvent('message', { data: payload }), this.onmessage);
    });
  }

  private track(task: () => void): void {
    this.inFlight += 1;
    later(() => {
      try {
        task();
      } finally {
        this.inFlight -= 1;
      }
    });
  }

  private finishClose(code: number, reason: string): void {
    this.readyState = FakeSocket.CLOSED;
    this.fire(new CloseEvent('close', { code, reason, wasClean: true }), this.onclose);
    this.peer.disconnected(this);
  }

  private fire<E extends Event>(event: E, handler: ((event: E) => void) | null): void {
    handler?.call(this, event);
    this.dispatchEvent(event);
  }
}

function toBytes(data: ArrayBufferLike | ArrayBufferView): Uint8Array {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return new Uint8Array(data.slice(0));
}

/** Replies must be `ArrayBuffer`s (the SDK sets `binaryType = 'arraybuffer'`), exactly sized. */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/**
 * Routes `new WebSocket(url)` to `peer` when `handles(url)`, to the real WebSocket otherwise.
 * Returns the function that puts the real WebSocket back.
 */
export function installFakeWebSocket(handles: (url: string) => boolean, peer: SocketPeer): () => void {
  const RealWebSocket = window.WebSocket;
  function RoutingWebSocket(url: string | URL, protocols?: string | string[]): WebSocket | FakeSocket {
    const href = String(url);
    return handles(href) ? new FakeSocket(href, peer) : new RealWebSocket(url, protocols);
  }
  // The SDK compares readyState with the constants, e.g. `WebSocket.OPEN`.
  Object.assign(RoutingWebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = RoutingWebSocket as unknown as typeof WebSocket;
  return () => {
    window.WebSocket = RealWebSocket;
  };
}
