import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import fc from 'fast-check';

import { buildList, type ListFilter } from '../../src/chat/message-list.js';
import type { ChatMessage, MeetingChat } from '../../src/meeting/contract.js';
import { asMeeting, sdkAdd, sdkDelete, sdkEdit, sdkMessage, sdkPin, stubMeeting } from './stub-meeting.js';
import { mountChat, panel, renderedMessage, shownIds } from './support.js';
import { guarded } from './traps.js';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const USERS = ['user-a', 'user-b', 'user-c'];
const TYPES = ['text', 'image', 'file'] as const;

const message: fc.Arbitrary<ChatMessage> = fc
  .record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), userId: fc.constantFrom(...USERS), type: fc.constantFrom(...TYPES), offset: fc.integer({ min: -86_400_000, max: 86_400_000 }) })
  .map(({ id, userId, type, offset }) => sdkMessage({ id, userId, type, timeMs: T0 + offset, message: `${id} ${offset}` }));

const filter: fc.Arbitrary<ListFilter> = fc.record({ userId: fc.constantFrom(undefined, ...USERS), type: fc.constantFrom(undefined, ...TYPES), conversation: fc.constant('everyone'), selfUserId: fc.constant(undefined) });

/** fast-check keeps the failed assertion in `cause`, which mocha does not print: put it in the message. */
async function withCause(run: Promise<void>): Promise<void> {
  try {
    await run;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw new Error(`${(error as Error).message}\n${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

const passes = (m: ChatMessage, f: ListFilter) => (!f.userId || m.userId === f.userId) && (!f.type || m.type === f.type);

describe('the list model', () => {
  it('buildList: each id once, at its first place, nothing the filter passes lost, nothing it refuses kept', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), fc.array(message, { maxLength: 20 }), filter, (older, messages, f) => {
        const input = [...older, ...messages];
        const list = buildList({ messages } as MeetingChat, older, f);
        const ids = list.map((m) => m.id);
        expect(new Set(ids).size, 'ids once').to.equal(ids.length);
        expect(list.every((m) => passes(m, f)), 'filtered').to.equal(true);
        const wanted = [...new Set(input.filter((m) => passes(m, f)).map((m) => m.id))];
        expect(ids, 'first places').to.deep.equal(wanted);
        for (const item of list) expect(item, 'the first message of its id').to.equal(input.find((m) => m.id === item.id && passes(m, f)));
      }),
      { numRuns: 2000 },
    );
  });

  describe('<rtk-chat> under random SDK event sequences', () => {
    before(() => setViewport({ width: 800, height: 9000 }));
    after(() => setViewport({ width: 800, height: 600 }));

    type Op =
      | { kind: 'add'; time: number }
      | { kind: 'duplicate' | 'edit' | 'delete' | 'pin' | 'unpin'; pick: number };

    // Adds, repeats and changes in even measure, so that long lists meet repeats of old messages.
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), time: fc.integer({ min: -3_600_000, max: 3_600_000 }) }),
      fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constantFrom('edit' as const, 'delete' as const, 'pin' as const, 'unpin' as const), pick: fc.nat() }),
    );
    // Short chats and chats longer than any "recent messages" shortcut.
    const initial = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 50, max: 70 }));

    guarded('renders exactly the messages the SDK holds, each id once at its first place, with its current words', async function () {
      const host = await panel(420, 8800);
      await withCause(fc.assert(
        fc.asyncProperty(initial, fc.array(op, { maxLength: 30 }), async (count, ops) => {
          let next = 0;
          const fresh = (time: number) => sdkMessage({ id: `m${next++}`, userId: USERS[next % 3], timeMs: T0 + time, message: `words ${next}` });
          const stub = stubMeeting(Array.from({ length: count }, (_, i) => fresh(i * 1000)));
          const chat = await mountChat(asMeeting(stub), host);
          try {
            const raw = () => stub.chat!.messages as ChatMessage[];
            for (const step of ops) {
              const list = raw();
              const target = list.length ? list[step.kind === 'add' ? 0 : step.pick % list.length] : undefined;
              if (step.kind === 'add') sdkAdd(stub.chat!, fresh(step.time));
              else if (!target) continue;
              else if (step.kind === 'duplicate') sdkAdd(stub.chat!, { ...target, message: `${target.message} (again)` });
              else if (step.kind === 'edit') sdkEdit(stub.chat!, { ...target, message: `${target.message} (edited)`, isEdited: true });
              else if (step.kind === 'delete') sdkDelete(stub.chat!, target.id);
              else sdkPin(stub.chat!, target.id, step.kind === 'pin');
            }
            // The simple model: the SDK's array, each id once at its first place, with that entry's words.
            const expected = new Map<string, ChatMessage>();
            for (const m of raw()) if (!expected.has(m.id)) expected.set(m.id, m);
            const ids = [...expected.keys()];
            const rendered = () => shownIds(chat).join() === ids.join();
            await chat.updateComplete;
            await waitUntil(rendered, '', { timeout: 1500 }).catch(() => undefined);
            await Promise.all(ids.map((id) => (renderedMessage(chat, id) as (HTMLElement & { updateComplete?: Promise<unknown> }) | undefined)?.updateComplete));
            expect(shownIds(chat), 'the ids on screen, top to bottom').to.deep.equal(ids);
            for (const [id, m] of expected) {
              const element = renderedMessage(chat, id)!;
              expect(element.shadowRoot?.querySelector('.text')?.textContent, `the words of ${id}`).to.equal(m.message);
              expect(element.hasAttribute('pinned'), `the pin of ${id}`).to.equal(m.pinned === true);
            }
          } finally {
            chat.remove();
          }
        }),
        // Each run renders; shrinking a failure run by run would outlast the test runner, so the
        // first counterexample is reported as found (its seed and path replay it).
        { numRuns: 60, endOnFailure: true },
      ));
    }, 100_000);
  });
});
