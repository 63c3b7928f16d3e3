import { expect } from '@open-wc/testing';

import { listConversations, sameNameHints } from '../../src/conversations/conversation-list.js';
import {
  EVERYONE,
  cloudflareConversationKey,
  conversationOf,
  inConversation,
  isPartyTo,
  messageText,
  readLegacyPrivate,
} from '../../src/conversations/conversations.js';
import type { ChatMessage } from '../../src/meeting/contract.js';

let ids = 0;

function message(fields: Partial<ChatMessage> = {}): ChatMessage {
  ids += 1;
  return { type: 'text', id: `m${ids}`, userId: 'user-dana', displayName: 'Dana', time: new Date(ids * 1000), timeMs: ids * 1000, message: 'hi', ...fields };
}

const ME = 'user-me';

describe('readLegacyPrivate', () => {
  it('reads a text that is, as a whole, the legacy private JSON', () => {
    expect(readLegacyPrivate('{"target":["user-me","user-dana"],"message":"just us"}')).to.deep.equal({
      targetUserIds: ['user-me', 'user-dana'],
      message: 'just us',
    });
    expect(readLegacyPrivate('  {"message":"", "target":["a","a"]}\n')).to.deep.equal({ targetUserIds: ['a'], message: '' });
  });

  it('leaves text that merely contains JSON, or JSON of another shape, as text', () => {
    for (const text of [
      'see {"target":["user-me"],"message":"x"}',
      '{"target":["user-me"],"message":"x"} ok',
      '{"target":["user-me"],"message":"x"',
      '{"target":"user-me","message":"x"}',
      '{"target":[],"message":"x"}',
      '{"target":[""],"message":"x"}',
      '{"target":[42],"message":"x"}',
      '{"target":["user-me"],"message":7}',
      '{"target":["user-me"]}',
      '{"target":["user-me"],"message":"x","extra":1}',
      '[{"target":["user-me"],"message":"x"}]',
      '"{\\"target\\":[\\"user-me\\"],\\"message\\":\\"x\\"}"',
      '{}',
      'null',
      '',
    ]) {
      expect(readLegacyPrivate(text), text).to.equal(undefined);
    }
    expect(readLegacyPrivate(undefined)).to.equal(undefined);
    expect(readLegacyPrivate({ target: ['user-me'], message: 'x' })).to.equal(undefined);
  });
});

describe('conversationOf and isPartyTo', () => {
  it('puts public messages in everyone', () => {
    const text = message();
    expect(conversationOf(text, ME)).to.equal(EVERYONE);
    expect(isPartyTo(text, ME)).to.equal(true);
    expect(conversationOf(message({ type: 'image', message: '{"target":["x"],"message":"y"}' }), ME)).to.equal(EVERYONE);
  });

  it('puts a private message in the conversation with the other person, on either side', () => {
    expect(conversationOf(message({ targetUserIds: ['user-dana', ME] }), ME)).to.equal('user-dana');
    expect(conversationOf(message({ userId: ME, targetUserIds: [ME, 'user-dana'] }), ME)).to.equal('user-dana');
    // Sent to me and another: the sender's conversation.
    expect(conversationOf(message({ targetUserIds: ['user-dana', ME, 'user-eli'] }), ME)).to.equal('user-dana');
    expect(conversationOf(message({ userId: ME, targetUserIds: [ME] }), ME)).to.equal(ME);
  });

  it('reads the legacy form as a private message, the sender being a party', () => {
    const legacy = message({ message: `{"target":["${ME}"],"message":"psst"}` });
    expect(conversationOf(legacy, ME)).to.equal('user-dana');
    expect(isPartyTo(legacy, ME)).to.equal(true);
    expect(messageText(legacy)).to.equal('psst');
    const mine = message({ userId: ME, message: '{"target":["user-dana"],"message":"back"}' });
    expect(conversationOf(mine, ME)).to.equal('user-dana');
  });

  it('never gives a private message addressed to others to someone not a party', () => {
    for (const crafted of [
      message({ targetUserIds: ['user-dana', 'user-eli'] }),
      message({ message: '{"target":["user-eli"],"message":"secret"}' }),
      message({ targetUserIds: ['user-dana', 'user-eli'], message: `{"target":["${ME}"],"message":"let me in"}` }),
    ]) {
      expect(isPartyTo(crafted, ME)).to.equal(false);
      expect(conversationOf(crafted, ME)).to.equal(undefined);
      expect(inConversation(crafted, EVERYONE, ME)).to.equal(false);
      expect(inConversation(crafted, 'user-dana', ME)).to.equal(false);
      expect(inConversation(crafted, 'user-eli', ME)).to.equal(false);
    }
    expect(isPartyTo(message({ targetUserIds: ['user-dana'] }), undefined)).to.equal(false);
    expect(isPartyTo(message({ targetUserIds: ['user-dana', ''] }), '')).to.equal(false);
  });

  it('files a private message under each conversation between its sender and one of its parties', () => {
    const mineToTwo = message({ userId: ME, targetUserIds: [ME, 'user-dana', 'user-eli'] });
    expect(inConversation(mineToTwo, 'user-dana', ME)).to.equal(true);
    expect(inConversation(mineToTwo, 'user-eli', ME)).to.equal(true);
    expect(inConversation(mineToTwo, EVERYONE, ME)).to.equal(false);
    const fromDanaToTwo = message({ targetUserIds: ['user-dana', ME, 'user-eli'] });
    expect(inConversation(fromDanaToTwo, 'user-dana', ME)).to.equal(true);
    // Eli did not write it: it is not part of my conversation with Eli.
    expect(inConversation(fromDanaToTwo, 'user-eli', ME)).to.equal(false);
    expect(inConversation(message(), EVERYONE, ME)).to.equal(true);
    expect(inConversation(message(), 'user-dana', ME)).to.equal(false);
  });

  it('keys conversations as Cloudflare does: everyone, or the sorted user ids joined with _', () => {
    expect(cloudflareConversationKey(EVERYONE, ME)).to.equal('everyone');
    expect(cloudflareConversationKey('user-dana', ME)).to.equal('user-dana_user-me');
    expect(cloudflareConversationKey('user-zed', ME)).to.equal('user-me_user-zed');
  });
});

describe('listConversations', () => {
  it('lists everyone, then the people one has private messages with (latest first), then anyone joined', () => {
    const messages = [
      message({ userId: 'user-eli', displayName: 'Eli', targetUserIds: ['user-eli', ME], timeMs: 1000 }),
      message({ userId: ME, displayName: 'Me', targetUserIds: [ME, 'user-dana'], timeMs: 2000 }),
      message({ userId: 'user-zoe', displayName: 'Zoe', targetUserIds: ['user-zoe', 'user-eli'], timeMs: 3000 }),
      message({ timeMs: 4000 }),
    ];
    const list = listConversations({
      messages,
      selfUserId: ME,
      participants: [
        { userId: ME, name: 'Me' },
        { userId: 'user-dana', name: 'Dana Joined' },
        { userId: 'user-bob', name: 'Bob' },
        { userId: 'user-amy', name: 'Amy' },
        { userId: 'user-bob', name: 'Bob' },
      ],
      includeJoined: true,
      counts: (id) => ({ unread: id === 'user-eli' ? 2 : 0, mentions: 0 }),
    });
    expect(list.map((entry) => [entry.id, entry.name, entry.joined, entry.unread])).to.deep.equal([
      [EVERYONE, '', true, 0],
      ['user-dana', 'Dana Joined', true, 0],
      ['user-eli', 'Eli', false, 2],
      ['user-amy', 'Amy', true, 0],
      ['user-bob', 'Bob', true, 0],
    ]);
    // Zoe wrote to Eli, not to me: no conversation of mine.
    expect(listConversations({ messages, selfUserId: ME, participants: [] }).map((entry) => entry.id)).to.deep.equal([EVERYONE, 'user-dana', 'user-eli']);
  });

  it('tells same-name people apart by the end of their user ids', () => {
    const list = listConversations({
      messages: [],
      selfUserId: ME,
      participants: [
        { userId: 'id-1111-alex', name: 'Alex' },
        { userId: 'id-2222-alex', name: 'alex\u200b' },
        { userId: 'id-3333', name: 'Sam' },
      ],
      includeJoined: true,
    });
    expect(Object.fromEntries(list.map((entry) => [entry.id, entry.hint]))).to.deep.equal({
      [EVERYONE]: undefined,
      'id-1111-alex': '1-alex',
      'id-2222-alex': '2-alex',
      'id-3333': undefined,
    });
    expect(sameNameHints([{ id: 'a1', name: '' }, { id: 'b2', name: '\u200e ' }])).to.deep.equal(new Map([['a1', 'a1'], ['b2', 'b2']]));
  });
});
