/**
 * The socket edge of one meeting, for one connected client: it answers every request the SDK
 * makes while initialising, joining, chatting and leaving, and pushes what a server sends
 * unasked (messages, edits, deletions and pins by others; peers joining and leaving).
 *
 * Which frame carries what was read from the SDK's handlers (2.0.2): a reply reuses the request's
 * event and id, and the SDK's listeners for an event also see the reply, which is how the sender
 * learns of its own message (the echo), edit, deletion and pin. A server push is the same event
 * without an id.
 */
import { ChatStore, isVisibleTo } from './chat-store.js';
import type { FakeSocket, SocketPeer } from './fake-socket.js';
import type { ChatPeer } from './harness.js';
import { Events, decode, encode } from './wire.js';
import type { SocketFrame, WireChatMessage, WireName, WirePeer, WireTypes } from './wire.js';

/** `socket.room.StageType.ON_STAGE`. */
const ON_STAGE = 1;

class RequestError extends Error {}

type Handler = (frame: SocketFrame) => Uint8Array | undefined;

export class RoomServer implements SocketPeer {
  readonly store = new ChatStore();
  /** Everyone but the local user, by peer id. */
  readonly peers = new Map<string, ChatPeer>();
  /** Every event the client sent, in order. */
  readonly seenEvents: number[] = [];
  /** Problems the client never sees as such (unknown events, undecodable frames). */
  readonly problems: string[] = [];
  readonly self: ChatPeer;

  private socket?: FakeSocket;
  private readonly handlers: Map<number, Handler>;

  constructor(
    self: Omit<ChatPeer, 'peerId'>,
    private readonly room: { meetingId: string; sessionId: string; title: string },
  ) {
    this.self = { ...self, peerId: '' };
    this.handlers = this.createHandlers();
  }

  /**
   * Resolves once no frame is on its way in either direction and the client has had a task to
   * apply the last one: every request it made so far is answered and handled.
   */
  async settled(): Promise<void> {
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    do await nextTask();
    while ((this.socket?.inFlight ?? 0) > 0);
  }

  connected(socket: FakeSocket): void {
    this.socket = socket;
    this.self.peerId = new URL(socket.url).searchParams.get('peerID') ?? '';
  }

  disconnected(socket: FakeSocket): void {
    if (this.socket === socket) this.socket = undefined;
  }

  received(_socket: FakeSocket, data: string | Uint8Array): void {
    // Text frames are the client's pings; without the PING capability it expects no answer.
    if (typeof data === 'string') return;
    let frame: SocketFrame;
    try {
      frame = decode('message.v1.SocketMessage', data);
    } catch (error) {
      this.problems.push(`undecodable frame: ${String(error)}`);
      return;
    }
    this.seenEvents.push(frame.event);
    this.answer(frame);
  }

  // --- What the server pushes unasked -------------------------------------------------------

  /** Stores a message and sends it to the client if it may read it. */
  pushMessage(message: WireChatMessage): void {
    this.store.add(message);
    if (!isVisibleTo(message, this.self.userId)) return;
    if (message.targetUserIds.length > 0) this.push(Events.chat.sendMessageToPeers, 'socket.chat.SendChatMessageToPeersResponse', { message });
    else this.push(Events.chat.sendMessageToRoom, 'socket.chat.SendChatMessageToRoomResponse', { message });
  }

  editMessage(id: string, change: Partial<WireChatMessage>): void {
    const message = this.mustFind(id);
    this.store.update(id, { ...change, isEdited: true });
    if (isVisibleTo(message, this.self.userId)) this.push(Events.chat.editMessage, 'socket.chat.EditChatMessageResponse', { message });
  }

  deleteMessage(id: string): void {
    const message = this.mustFind(id);
    this.store.remove(id);
    if (isVisibleTo(message, this.self.userId)) this.push(Events.chat.deleteMessage, 'socket.chat.DeleteChatMessageResponse', { chatId: id });
  }

  pinMessage(id: string, pinned: boolean): void {
    const message = this.mustFind(id);
    this.store.update(id, { pinned });
    if (isVisibleTo(message, this.self.userId)) {
      this.push(Events.chat.pinMessage, 'socket.chat.PinChatMessageResponse', { chatId: id, pinned, message });
    }
  }

  peerJoined(peer: ChatPeer): void {
    this.peers.set(peer.peerId, peer);
    this.push(Events.room.joinRoom, 'socket.room.PeerInfoResponse', { peer: wirePeer(peer) });
  }

  peerLeft(peerId: string): void {
    const peer = this.peers.get(peerId);
    this.peers.delete(peerId);
    this.push(Events.room.leaveRoom, 'socket.room.PeerInfoResponse', { peer: wirePeer(peer ?? { peerId, userId: '', name: '' }) });
  }

  // --- Answers -------------------------------------------------------------------------------

  private answer(frame: SocketFrame): void {
    const handler = this.handlers.get(frame.event);
    if (!handler) {
      this.problems.push(`no handler for event ${frame.event}`);
      this.replyError(frame, `event ${frame.event} is not implemented by the test backend`);
      return;
    }
    try {
      this.send({ event: frame.event, id: frame.id, payload: handler(frame) });
    } catch (error) {
      if (!(error instanceof RequestError)) this.problems.push(`handler for ${frame.event} threw: ${String(error)}`);
      this.replyError(frame, error instanceof Error ? error.message : String(error));
    }
  }

  private createHandlers(): Map<number, Handler> {
    const { room, chat, plugin, media } = Events;
    const peers = () => [...this.peers.values()];
    return new Map<number, Handler>([
      [room.joinRoom, (frame) => this.joinRoom(frame)],
      [room.getRoomPeersInfo, () => encode('socket.room.RoomPeersInfoResponse', { peers: peers().map(wirePeer) })],
      [room.getRoomInfo, () => this.roomInfo()],
      [room.getConnectedRoomsDump, () => encode('socket.room.GetConnectedRoomsDumpResponse', { parentMeeting: { participants: [] }, meetings: [] })],
      [plugin.storeGetKeys, (frame) => this.pluginStore(frame)],
      [media.joinRoom, () => undefined],
      [media.leaveRoom, () => undefined],
      [media.createWebRTCTransport, (frame) => this.createTransport(frame)],
      [media.selfJoinComplete, () => this.selfJoinComplete()],
      [chat.getMessages, () => this.getMessages()],
      [chat.sendMessageToRoom, (frame) => this.sendToRoom(frame)],
      [chat.sendMessageToPeers, (frame) => this.sendToPeers(frame)],
      [chat.editMessage, (frame) => this.edit(frame)],
      [chat.deleteMessage, (frame) => this.delete(frame)],
      [chat.pinMessage, (frame) => this.pin(frame)],
      [chat.getPaginatedMessages, (frame) => this.page(frame)],
    ]);
  }

  private joinRoom(frame: SocketFrame): Uint8Array {
    const { peer } = decode('socket.room.JoinRoomRequest', frame.payload);
    // The client may have renamed itself before joining: the server uses the joining name.
    if (peer?.displayName) this.self.name = peer.displayName;
    if (peer?.peerId) this.self.peerId = peer.peerId;
    return encode('socket.room.PeerInfoResponse', { peer: wirePeer(this.self) });
  }

  private roomInfo(): Uint8Array {
    const { meetingId, sessionId, title } = this.room;
    const room = { roomId: meetingId, title, createdAt: Math.floor(Date.now() / 1000), activeRecordings: [] as [], roomUuid: sessionId };
    return encode('socket.room.RoomInfoResponse', { room });
  }

  private pluginStore(frame: SocketFrame): Uint8Array {
    const { pluginId, storeName } = decode('socket.plugin.PluginStoreGetKeysRequest', frame.payload);
    return encode('socket.plugin.PluginStoreResponse', { pluginId, storeName, storeItems: [] });
  }

  private createTransport(frame: SocketFrame): Uint8Array {
    const { consuming } = decode('media.CreateTransportRequest', frame.payload);
    const description = { type: 'answer', sdp: 'v=0\r\n', target: consuming ? 1 : 0 };
    return encode('media.CreateTransportResponse', { transportId: crypto.randomUUID(), description, producerIds: [] });
  }

  private selfJoinComplete(): Uint8Array {
    const participants = [...this.peers.values()].map((peer) => ({
      peerId: peer.peerId,
      displayName: peer.name,
      userId: peer.userId,
      producerStates: [] as [],
    }));
    const roomState = {
      displayTitle: this.room.title,
      lockedMode: false,
      roomUuid: this.room.sessionId,
      roomName: this.room.meetingId,
      currentPeerId: this.self.peerId,
      pinnedPeerIds: [],
    };
    return encode('media.edge.PeerJoinCompleteResponse', {
      maxPreferredStreams: 6,
      participants,
      selectedPeers: { audioPeers: [], compulsoryPeers: [] },
      roomState,
    });
  }

  private getMessages(): Uint8Array {
    return encode('socket.chat.GetChatMessagesResponse', { messages: this.store.history(this.self.userId) });
  }

  private sendToRoom(frame: SocketFrame): Uint8Array {
    const { payloadType, payload } = decode('socket.chat.SendChatMessageToRoomRequest', frame.payload);
    const message = this.store.add(this.newOwnMessage(payloadType, payload, []));
    return encode('socket.chat.SendChatMessageToRoomResponse', { message });
  }

  private sendToPeers(frame: SocketFrame): Uint8Array {
    const { peerIds, payloadType, payload } = decode('socket.chat.SendChatMessageToPeersRequest', frame.payload);
    const everyone = [this.self, ...this.peers.values()];
    // The SDK adds its own peer id to `peerIds`, so the sender is among the targets.
    const userIds = new Set(everyone.filter((peer) => peerIds.includes(peer.peerId)).map((peer) => peer.userId));
    const message = this.store.add(this.newOwnMessage(payloadType, payload, [...userIds]));
    return encode('socket.chat.SendChatMessageToPeersResponse', { message });
  }

  private edit(frame: SocketFrame): Uint8Array {
    const request = decode('socket.chat.EditChatMessageRequest', frame.payload);
    this.mustFind(request.chatId);
    const change: Partial<WireChatMessage> = { isEdited: true };
    if (request.payloadType !== undefined) change.payloadType = request.payloadType;
    if (request.payload !== undefined) change.payload = request.payload;
    if (request.pinned !== undefined) change.pinned = request.pinned;
    return encode('socket.chat.EditChatMessageResponse', { message: this.store.update(request.chatId, change) });
  }

  private delete(frame: SocketFrame): Uint8Array {
    const { chatId } = decode('socket.chat.DeleteChatMessageRequest', frame.payload);
    this.mustFind(chatId);
    this.store.remove(chatId);
    return encode('socket.chat.DeleteChatMessageResponse', { chatId });
  }

  private pin(frame: SocketFrame): Uint8Array {
    const { chatId, pinned } = decode('socket.chat.PinChatMessageRequest', frame.payload);
    this.mustFind(chatId);
    const message = this.store.update(chatId, { pinned });
    return encode('socket.chat.PinChatMessageResponse', { chatId, pinned, message });
  }

  private page(frame: SocketFrame): Uint8Array {
    const { timeStamp, size, reversed, filters } = decode('socket.chat.GetPaginatedChatMessageRoomRequest', frame.payload);
    const filter = filters?.filters;
    const page = this.store.page(this.self.userId, {
      timeStamp,
      size,
      reversed,
      pinned: filter?.oneofKind === 'pinned' ? filter.pinned : undefined,
      userId: filter?.oneofKind === 'userId' ? filter.userId : undefined,
    });
    return encode('socket.chat.GetPaginatedChatMessageRoomResponse', page);
  }

  // --- Helpers -------------------------------------------------------------------------------

  private newOwnMessage(payloadType: number, payload: string, targetUserIds: string[]): WireChatMessage {
    const ms = this.store.nextTimestamp();
    return {
      chatId: crypto.randomUUID(),
      peerId: this.self.peerId,
      userId: this.self.userId,
      displayName: this.self.name,
      pinned: false,
      isEdited: false,
      payloadType,
      payload,
      targetUserIds,
      createdAt: Math.floor(ms / 1000),
      createdAtMs: ms,
    };
  }

  private mustFind(id: string): WireChatMessage {
    const message = this.store.get(id);
    if (!message) throw new RequestError(`No message with id ${id}`);
    return message;
  }

  private push<K extends WireName>(event: number, name: K, value: Partial<WireTypes[K]>): void {
    this.send({ event, payload: encode(name, value) });
  }

  private replyError(frame: SocketFrame, errorMessage: string): void {
    this.send({ event: Events.error, id: frame.id, payload: encode('media.edge.ErrorResponse', { errorMessage, eventId: frame.event }) });
  }

  private send(frame: SocketFrame): void {
    if (!this.socket) throw new Error('The client is not connected to the test backend');
    this.socket.deliver(encode('message.v1.SocketMessage', frame));
  }
}

function wirePeer(peer: ChatPeer): WirePeer {
  return { peerId: peer.peerId, userId: peer.userId, displayName: peer.name, waitlisted: false, stageType: ON_STAGE };
}
