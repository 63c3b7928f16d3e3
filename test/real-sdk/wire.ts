/**
 * The socket protocol of `@cloudflare/realtimekit` 2.0.2 as the test backend speaks it: event ids
 * (computed the way the SDK computes them) and the shapes of the protobuf messages the backend
 * reads or writes. Encoding and decoding go through the SDK's own message classes, captured by
 * `protobuf-registry.ts`, so a field the SDK renames or renumbers breaks these tests loudly.
 */
import type { PartialMessage } from '@protobuf-ts/runtime';
import { sdkType } from './protobuf-registry.js';

/** Socket-hub events are `(namespace << 16) + op`. */
const hub = (namespace: number, op: number): number => (namespace << 16) + op;
/** Media (CF SFU) events are `0x03000000 | op`. */
const media = (op: number): number => 0x03000000 | op;

export const Events = {
  error: 65535,
  room: {
    getRoomPeersInfo: hub(0, 2),
    joinRoom: hub(0, 3),
    leaveRoom: hub(0, 4),
    getRoomInfo: hub(0, 5),
    getConnectedRoomsDump: hub(0, 20),
  },
  chat: {
    getMessages: hub(1, 0),
    sendMessageToRoom: hub(1, 1),
    sendMessageToPeers: hub(1, 2),
    editMessage: hub(1, 3),
    deleteMessage: hub(1, 4),
    getPaginatedMessages: hub(1, 5),
    pinMessage: hub(1, 10),
  },
  plugin: { storeGetKeys: hub(2, 10) },
  media: {
    createWebRTCTransport: media(1),
    joinRoom: media(16),
    leaveRoom: media(17),
    selfJoinComplete: media(20),
  },
} as const;

/** `socket.chat.ChatMessage.payload_type`. */
export const PayloadType = { text: 0, image: 1, file: 2 } as const;

export interface SocketFrame {
  event: number;
  id?: string;
  payload?: Uint8Array;
  metadata?: Uint8Array;
}

/** `socket.chat.ChatMessage`; `createdAt` is in seconds, `createdAtMs` in milliseconds. */
export interface WireChatMessage {
  chatId: string;
  peerId: string;
  userId: string;
  displayName: string;
  pinned: boolean;
  isEdited: boolean;
  payloadType: number;
  payload: string;
  targetUserIds: string[];
  createdAt: number;
  createdAtMs?: number;
  channelId?: string;
}

/** `socket.room.Peer`. */
export interface WirePeer {
  peerId: string;
  userId: string;
  displayName: string;
  waitlisted: boolean;
  stageType?: number;
}

/** The messages the backend decodes or encodes, by protobuf name. */
export interface WireTypes {
  'message.v1.SocketMessage': SocketFrame;
  'media.edge.ErrorResponse': { errorMessage: string; eventId: number };
  'socket.chat.GetChatMessagesResponse': { messages: WireChatMessage[] };
  'socket.chat.SendChatMessageToRoomRequest': { payloadType: number; payload: string };
  'socket.chat.SendChatMessageToRoomResponse': { message?: WireChatMessage };
  'socket.chat.SendChatMessageToPeersRequest': { peerIds: string[]; payloadType: number; payload: string };
  'socket.chat.SendChatMessageToPeersResponse': { message?: WireChatMessage };
  'socket.chat.EditChatMessageRequest': { chatId: string; payloadType?: number; payload?: string; pinned?: boolean };
  'socket.chat.EditChatMessageResponse': { message?: WireChatMessage };
  'socket.chat.DeleteChatMessageRequest': { chatId: string };
  'socket.chat.DeleteChatMessageResponse': { chatId: string };
  'socket.chat.PinChatMessageRequest': { chatId: string; pinned: boolean };
  'socket.chat.PinChatMessageResponse': { chatId: string; pinned: boolean; message?: WireChatMessage };
  'socket.chat.GetPaginatedChatMessageRoomRequest': {
    timeStamp: number;
    size: number;
    from: number;
    reversed: boolean;
    filters?: { filters: { oneofKind: 'pinned'; pinned: boolean } | { oneofKind: 'userId'; userId: string } | { oneofKind: undefined } };
  };
  'socket.chat.GetPaginatedChatMessageRoomResponse': { messages: WireChatMessage[]; next: boolean };
  'socket.room.JoinRoomRequest': { peer?: WirePeer };
  'socket.room.PeerInfoResponse': { peer?: WirePeer };
  'socket.room.RoomPeersInfoResponse': { peers: WirePeer[] };
  'socket.room.RoomInfoResponse': {
    room?: { roomId: string; title: string; createdAt: number; activeRecordings: []; roomUuid?: string };
  };
  'socket.room.GetConnectedRoomsDumpResponse': { parentMeeting?: { participants: [] }; meetings: [] };
  'socket.plugin.PluginStoreGetKeysRequest': { pluginId: string; storeName: string };
  'socket.plugin.PluginStoreResponse': { pluginId: string; storeName: string; storeItems: [] };
  'media.CreateTransportRequest': { consuming: boolean };
  'media.CreateTransportResponse': {
    transportId: string;
    description?: { type: string; sdp: string; target: number };
    producerIds: string[];
  };
  'media.edge.PeerJoinCompleteResponse': {
    maxPreferredStreams: number;
    participants: { peerId: string; displayName: string; userId?: string; producerStates: [] }[];
    selectedPeers?: { audioPeers: string[]; compulsoryPeers: string[] };
    roomState?: {
      displayTitle: string;
      lockedMode: boolean;
      roomUuid: string;
      roomName: string;
      currentPeerId: string;
      pinnedPeerIds: string[];
    };
  };
}

export type WireName = keyof WireTypes;

/** Encodes `value` with the SDK's class for `name`; unset fields take protobuf defaults. */
export function encode<K extends WireName>(name: K, value: Partial<WireTypes[K]>): Uint8Array {
  const type = sdkType<WireTypes[K]>(name);
  return type.toBinary(type.create(value as PartialMessage<WireTypes[K]>));
}

/** Decodes `bytes` (an empty payload gives the defaults) with the SDK's class for `name`. */
export function decode<K extends WireName>(name: K, bytes: Uint8Array | undefined): WireTypes[K] {
  return sdkType<WireTypes[K]>(name).fromBinary(bytes ?? new Uint8Array());
}
