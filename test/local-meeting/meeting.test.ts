import { expect } from '@open-wc/testing';
import { createLocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMeeting } from '../../src/meeting/contract.js';
import { meeting, nextEvent, recordingLogger } from './helpers.js';

describe('local meeting: the meeting object', () => {
  it('fits the ChatMeeting contract without a cast', async () => {
    // Compile-time check: `tsc -p .` fails if the local meeting stops fitting the contract.
    const contract: ChatMeeting = createLocalMeeting({ logger: recordingLogger(), autoJoin: false });
    expect(contract.chat.messages).to.deep.equal([]);
    expect(contract.chat.listenerCount?.('chatUpdate')).to.equal(0);
  });

  it('has self with peer id, user id, name, permissions and roomJoined', () => {
    const m = meeting({ self: { id: 'peer-1', userId: 'user-1', name: 'Ada' }, autoJoin: false });
    expect(m.self.id).to.equal('peer-1');
    expect(m.self.userId).to.equal('user-1');
    expect(m.self.name).to.equal('Ada');
    expect(m.self.roomJoined).to.equal(false);
    expect(m.self.permissions.chatPublic).to.deep.equal({ canSend: true, text: true, files: true });
  });

  it('defaults self to random ids and gives a host every chat permission', () => {
    const a = meeting({ autoJoin: false });
    const b = meeting({ autoJoin: false });
    expect(a.self.id).to.match(/^[0-9a-f-]{36}$/);
    expect(a.self.userId).to.not.equal(b.self.userId);
    expect(a.self.permissions.chatPrivate).to.deep.equal({ canSend: true, canReceive: true, text: true, files: true });
    expect(a.self.permissions.pinParticipant).to.equal(true);
  });

  it('merges given permissions key by key and keeps an explicitly absent chatPrivate absent', () => {
    const m = meeting({
      autoJoin: false,
      permissions: { chatPublic: { canSend: true, text: true, files: false }, chatPrivate: undefined },
    });
    expect(m.self.permissions.chatPublic?.files).to.equal(false);
    expect(m.self.permissions.chatPrivate).to.equal(undefined);
    expect(m.self.permissions.pinParticipant).to.equal(true);
  });

  it('has meta.meetingId and meta.sessionId, from the options or generated', () => {
    const given = meeting({ meetingId: 'm-1', sessionId: 's-1', autoJoin: false });
    expect(given.meta).to.deep.equal({ meetingId: 'm-1', sessionId: 's-1' });
    const generated = meeting({ room: 'some-room', autoJoin: false });
    expect(generated.meta.meetingId).to.equal('local-some-room');
    expect(generated.meta.sessionId).to.match(/^[0-9a-f-]{36}$/);
  });

  it('sets maxTextLimit from the options, 2000 by default', () => {
    expect(meeting({ autoJoin: false }).chat.maxTextLimit).to.equal(2000);
    expect(meeting({ autoJoin: false, maxTextLimit: 10 }).chat.maxTextLimit).to.equal(10);
  });

  it('starts joining by itself unless autoJoin is false', async () => {
    const auto = meeting();
    expect(auto.self.roomJoined).to.equal(false);
    await nextEvent(auto.self, 'roomJoined');
    expect(auto.self.roomJoined).to.equal(true);

    const manual = meeting({ autoJoin: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(manual.self.roomJoined).to.equal(false);
    await manual.join();
    expect(manual.self.roomJoined).to.equal(true);
  });

  it('emits roomJoined with { reconnected: false } and roomLeft with { state: "left" }', async () => {
    const m = meeting({ autoJoin: false });
    const joined = nextEvent(m.self, 'roomJoined');
    await m.join();
    expect(await joined).to.deep.equal({ reconnected: false });
    const left = nextEvent(m.self, 'roomLeft');
    await m.leave();
    expect(await left).to.deep.equal({ state: 'left' });
    expect(m.self.roomJoined).to.equal(false);
  });

  it('returns the same promise while joining and resolves at once when joined', async () => {
    const m = meeting({ autoJoin: false });
    const first = m.join();
    expect(m.join()).to.equal(first);
    await first;
    await m.join();
    expect(m.self.roomJoined).to.equal(true);
  });

  it('adds and removes simulated participants with participantJoined and participantLeft', async () => {
    const m = meeting({ participants: [{ id: 'p-0', userId: 'u-0', name: 'Present' }] });
    expect(m.participants.joined.toArray()).to.deep.equal([{ id: 'p-0', userId: 'u-0', name: 'Present' }]);
    const joined = nextEvent(m.participants.joined, 'participantJoined');
    const added = m.addParticipant({ id: 'p-1', name: 'Bea' });
    expect(await joined).to.equal(added);
    expect(m.participants.joined.get('p-1')).to.equal(added);
    expect(m.participants.joined.size).to.equal(2);
    expect(m.participants.joined.has('p-1')).to.equal(true);
    expect([...m.participants.joined.keys()]).to.deep.equal(['p-0', 'p-1']);
    expect(new Map(m.participants.joined).get('p-1')).to.equal(added);
    const left = nextEvent(m.participants.joined, 'participantLeft');
    expect(m.removeParticipant('p-1')).to.equal(true);
    expect(await left).to.equal(added);
    expect(m.removeParticipant('p-1')).to.equal(false);
  });

  it('updates permissions and emits permissionsUpdate and chatUpdate on self.permissions', async () => {
    const m = meeting({ autoJoin: false });
    const update = nextEvent(m.self.permissions, 'permissionsUpdate');
    const chat = nextEvent(m.self.permissions, 'chatUpdate');
    const patch = { chatPublic: { canSend: false, text: false, files: false } };
    m.updatePermissions(patch);
    expect(await update).to.equal(patch);
    await chat;
    expect(m.self.permissions.chatPublic?.canSend).to.equal(false);
  });
});
