/**
 * A page-wide RTCPeerConnection stand-in. The SDK joins a media room even without audio or video:
 * it creates send and receive transports, sends their offers over the socket and waits for ICE
 * to connect. This stub offers a minimal SDP and reports "connected" once the answer is set,
 * so no network, STUN or codec work happens.
 */

const OFFER_SDP = ['v=0', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=msid:stream-id track-id', 'm=audio 9 UDP/TLS/RTP/SAVPF 96', 'a=msid:stream-id track-id', ''].join('\r\n');

const fakeSender = () => ({
  track: null,
  transport: null,
  dtmf: null,
  getParameters: () => ({ encodings: [] }),
  setParameters: () => Promise.resolve(),
  replaceTrack: () => Promise.resolve(),
  getStats: () => Promise.resolve(new Map()),
  setStreams: () => undefined,
});

class FakePeerConnection extends EventTarget {
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  signalingState: RTCSignalingState = 'stable';
  iceConnectionState: RTCIceConnectionState = 'new';
  iceGatheringState: RTCIceGatheringState = 'new';
  connectionState: RTCPeerConnectionState = 'new';
  readonly canTrickleIceCandidates = null;
  readonly sctp = null;
  onicecandidate = null;
  oniceconnectionstatechange = null;
  onconnectionstatechange = null;
  onicegatheringstatechange = null;
  onsignalingstatechange = null;
  onnegotiationneeded = null;
  ontrack = null;

  static generateCertificate(): Promise<unknown> {
    return Promise.resolve({ expires: Date.now() + 86_400_000, getFingerprints: () => [] });
  }

  createOffer(): Promise<RTCSessionDescriptionInit> {
    return Promise.resolve({ type: 'offer', sdp: OFFER_SDP });
  }

  createAnswer(): Promise<RTCSessionDescriptionInit> {
    return Promise.resolve({ type: 'answer', sdp: OFFER_SDP });
  }

  setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void> {
    this.localDescription = description ?? null;
    return Promise.resolve();
  }

  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.remoteDescription = description;
    // A real connection reaches "connected" some time after both descriptions are set.
    setTimeout(() => this.connect(), 0);
    return Promise.resolve();
  }

  addIceCandidate(): Promise<void> {
    return Promise.resolve();
  }

  addTransceiver() {
    return { mid: null, direction: 'sendonly', sender: fakeSender(), receiver: {}, stop() {}, setDirection() {}, setCodecPreferences() {} };
  }

  addTrack() {
    return fakeSender();
  }

  removeTrack(): void {}
  getTransceivers(): [] {
    return [];
  }
  getSenders(): [] {
    return [];
  }
  getReceivers(): [] {
    return [];
  }
  getStats(): Promise<Map<string, unknown>> {
    return Promise.resolve(new Map());
  }
  getConfiguration(): RTCConfiguration {
    return {};
  }
  setConfiguration(): void {}
  restartIce(): void {}

  close(): void {
    this.signalingState = 'closed';
    this.iceConnectionState = 'closed';
    this.connectionState = 'closed';
  }

  private connect(): void {
    if (this.connectionState === 'closed') return;
    this.iceGatheringState = 'complete';
    this.iceConnectionState = 'connected';
    this.connectionState = 'connected';
    this.dispatchEvent(new Event('icegatheringstatechange'));
    this.dispatchEvent(new Event('iceconnectionstatechange'));
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

/** Swaps `window.RTCPeerConnection` for the stub; returns the function that restores it. */
export function installFakePeerConnection(): () => void {
  const real = window.RTCPeerConnection;
  window.RTCPeerConnection = FakePeerConnection as unknown as typeof RTCPeerConnection;
  return () => {
    window.RTCPeerConnection = real;
  };
}
