/**
 * The chat's behaviour as a user meets it, written once and run on every meeting the kit must
 * work with: `defineChatScenarios` registers the same tests for whichever harness it is given (the
 * local meeting, the genuine SDK on the offline backend), so a difference between them fails a
 * test. Each scenario drives the elements (typing, clicking buttons by their names) and reads
 * only what they render; the harness plays the server and the other participants.
 */
import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { parse } from 'csv-parse/browser/esm/sync';

import { shadow, waitFor } from '../helpers.js';
import type { ChatPeer, HistoryMessage, MeetingHarness, MeetingHarnessOptions } from '../real-sdk/harness.js';
import {
  bodyText,
  buttonNamed,
  captureDownloads,
  chooseRecipient,
  composerInput,
  markers,
  mountPage,
  pinnedEmptyText,
  pinnedPreviews,
  pressEnter,
  recipientNames,
  renderedById,
  renderedIds,
  renderedWithText,
  senderText,
  shownWithText,
  typeInto,
  type ScenarioPage,
} from './page.js';

export type MakeHarness = (options: MeetingHarnessOptions) => Promise<MeetingHarness>;

const me = { userId: 'scenario-me', name: 'Me' };
const alice: ChatPeer = { userId: 'alice-user', peerId: 'alice-peer', name: 'Alice' };
const bob: ChatPeer = { userId: 'bob-user', peerId: 'bob-peer', name: 'Bob' };
const MEETING_ID = 'scenario-meeting';
const SESSION_ID = 'scenario-session';

/** `count` texts from Alice, `history 0` the oldest. */
function aliceHistory(count: number, pinned: number[] = []): HistoryMessage[] {
  return Array.from({ length: count }, (_, index) => ({ id: `h-${index}`, from: alice, text: `history ${index}`, pinned: pinned.includes(index) }));
}

export function defineChatScenarios(name: string, makeHarness: MakeHarness): void {
  describe(name, function () {
    // Initialising and joining the real client, with up to 1,200 messages of history, takes a while.
    this.timeout(30_000);

    let current: MeetingHarness | undefined;

    /** A harness (Alice already in the meeting unless said otherwise) and the page on its meeting. */
    async function open(options: MeetingHarnessOptions = {}): Promise<ScenarioPage & { harness: MeetingHarness }> {
      current = await makeHarness({ self: me, meetingId: MEETING_ID, sessionId: SESSION_ID, participants: [alice], ...options });
      return { harness: current, ...(await mountPage(current.meeting)) };
    }

    /** The elements go first, so nothing listens while the meeting leaves. */
    async function close(): Promise<void> {
      fixtureCleanup();
      const done = current;
      current = undefined;
      await done?.dispose();
    }

    /**
     * A test that disposes its harness itself, so what the harness reports on disposing (a server
     * action it could not play, a request the backend could not answer) fails this scenario
     * rather than an `afterEach` hook, which would stop the scenarios after it.
     */
    function scenario(title: string, body: () => Promise<void>): void {
      it(title, async () => {
        let failed = false;
        try {
          await body();
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          // A scenario's own failure says more than what disposing then reports.
          await close().catch((error: unknown) => {
            if (!failed) throw error;
          });
        }
      });
    }

    beforeEach(() => localStorage.clear());
    // Only after a timeout is anything left to close here.
    afterEach(close);

    scenario('shows a message the user sends once, as the server echoes it', async () => {
      const { chat, harness } = await open();
      const text = 'Hello, everyone';
      // What is there the moment the send is accepted, which both meetings do before echoing it.
      let whenAccepted = { held: true, shown: -1 };
      const sent = oneEvent(chat, 'rtk-message-sent');
      chat.addEventListener('rtk-message-sent', () => {
        whenAccepted = { held: harness.meeting.chat.messages.some((m) => m.message === text), shown: renderedWithText(chat, text).length };
      }, { once: true });
      await typeInto(composerInput(chat), text);
      await pressEnter();
      expect((await sent).detail.text).to.equal(text);
      expect(whenAccepted, 'accepted, not yet echoed: the kit shows no copy of its own').to.deep.equal({ held: false, shown: 0 });

      const shown = await shownWithText(chat, text, 'the sent message never showed');
      expect(shown.hasAttribute('own')).to.equal(true);
      // The user's own name, marked "(you)" by id.
      expect(shadow(shown).querySelector('.you')?.textContent).to.equal('(you)');
      expect(harness.meeting.chat.messages.filter((message) => message.message === text)).to.have.length(1);
      expect(renderedWithText(chat, text)).to.have.length(1);
      expect(composerInput(chat).value).to.equal('');
    });

    scenario('shows a message another participant sends, and marks one sent privately to the user', async () => {
      const { chat, harness } = await open();
      const hello = harness.push.pushMessage({ from: alice, text: 'Hi from Alice' });
      const secret = harness.push.pushMessage({ from: alice, text: 'Just between us', targetUserIds: [alice.userId, me.userId] });

      const shown = await waitFor(() => renderedById(chat, hello), 'the pushed message never showed');
      expect([senderText(shown), bodyText(shown)]).to.deep.equal(['Alice', 'Hi from Alice']);
      expect(shown.hasAttribute('own')).to.equal(false);
      const whisper = await waitFor(() => renderedById(chat, secret), 'the private message never showed');
      expect(bodyText(whisper)).to.equal('Just between us');
      expect(markers(whisper)).to.deep.equal(['private to You']);
    });

    scenario('sends a private message to the participant chosen in the recipient selector', async () => {
      const { chat, harness } = await open({ participants: [alice, bob] });
      expect(await recipientNames(chat)).to.deep.equal(['Everyone', 'Alice', 'Bob']);
      await chooseRecipient(chat, 'Bob');
      await typeInto(composerInput(chat), 'For Bob only');
      const sent = oneEvent(chat, 'rtk-message-sent');
      await pressEnter();
      expect((await sent).detail.peerIds).to.deep.equal([bob.peerId]);

      const shown = await shownWithText(chat, 'For Bob only', 'the private message never showed');
      expect(markers(shown)).to.deep.equal(['private to Bob']);
      const message = harness.meeting.chat.messages.find((candidate) => candidate.message === 'For Bob only')!;
      expect(message.targetUserIds).to.have.members([bob.userId, me.userId]);
    });

    scenario('lists a participant who joins in the recipient selector, and drops one who leaves', async () => {
      const { chat, harness } = await open();
      expect(await recipientNames(chat)).to.deep.equal(['Everyone', 'Alice']);
      const offered = async (names: string[]) => (await recipientNames(chat)).join() === names.join();
      harness.push.participantJoined(bob);
      await waitUntil(() => offered(['Everyone', 'Alice', 'Bob']), 'Bob never appeared', { timeout: 4000 });
      harness.push.participantLeft(alice.peerId);
      await waitUntil(() => offered(['Everyone', 'Bob']), 'Alice was not dropped', { timeout: 4000 });
    });

    scenario("edits the user's own message with the inline editor", async () => {
      const { chat, harness } = await open();
      await typeInto(composerInput(chat), 'See you at 3');
      await pressEnter();
      const mine = await shownWithText(chat, 'See you at 3', 'not sent');
      const id = mine.getAttribute('message-id')!;

      buttonNamed(shadow(mine), 'Edit')!.click();
      const editor = await waitFor(() => shadow(mine).querySelector<HTMLTextAreaElement>('textarea[aria-label="Editing message"]'), 'no editor');
      expect(editor.value).to.equal('See you at 3');
      // Typed at the end of the old text, where the editor puts the caret.
      await typeInto(editor, ':30');
      await pressEnter();

      await waitFor(() => bodyText(renderedById(chat, id)!) === 'See you at 3:30', 'the edit never showed');
      expect(markers(renderedById(chat, id)!)).to.deep.equal(['edited']);
      expect(renderedIds(chat).filter((shown) => shown === id)).to.have.length(1);
      expect(harness.meeting.chat.messages.find((message) => message.id === id)).to.include({ message: 'See you at 3:30', isEdited: true });
    });

    scenario("deletes the user's own message", async () => {
      const { chat, harness } = await open();
      await typeInto(composerInput(chat), 'Oops, wrong chat');
      await pressEnter();
      const mine = await shownWithText(chat, 'Oops, wrong chat', 'not sent');
      const id = mine.getAttribute('message-id')!;

      buttonNamed(shadow(mine), 'Delete')!.click();
      // Deleting asks first; the confirmation has its own Delete.
      (await waitFor(() => shadow(mine).querySelector<HTMLButtonElement>('[data-action="confirm-delete"]'), 'no confirmation')).click();
      await waitFor(() => !renderedIds(chat).includes(id), 'the message stayed');
      expect(harness.meeting.chat.messages.some((message) => message.id === id)).to.equal(false);
    });

    scenario('pins and unpins from the message, and the pinned list outside the chat follows', async () => {
      const { chat, pinned, harness } = await open();
      expect(pinnedEmptyText(pinned)).to.equal('Nothing is pinned yet.');
      const id = harness.push.pushMessage({ from: alice, text: 'Agenda: budget, hiring' });
      const message = await waitFor(() => renderedById(chat, id), 'not received');

      buttonNamed(shadow(message), 'Pin')!.click();
      await waitFor(() => pinnedPreviews(pinned).join() === 'Agenda: budget, hiring', 'the pinned list did not show the pin');
      await waitFor(() => markers(renderedById(chat, id)!).includes('pinned'), 'the message is not marked pinned');
      expect(renderedById(chat, id)!.hasAttribute('pinned')).to.equal(true);

      buttonNamed(shadow(renderedById(chat, id)!), 'Unpin')!.click();
      await waitFor(() => pinnedEmptyText(pinned) === 'Nothing is pinned yet.', 'the pinned list kept the unpinned message');
      await waitFor(() => !renderedById(chat, id)!.hasAttribute('pinned'), 'the message stayed marked pinned');
      expect(markers(renderedById(chat, id)!)).to.deep.equal([]);
    });

    scenario('opens at the newest message when the meeting comes from the provider', async () => {
      const { chat } = await open({ history: aliceHistory(80) });
      await waitFor(() => renderedIds(chat).includes('h-79'), 'the list did not open at the newest message');
      expect(renderedIds(chat)).to.not.include('h-0');
    });

    scenario('jumps to and highlights the message chosen in the pinned list', async () => {
      // In the middle, so not on screen whichever end the list opens at.
      const { chat, pinned } = await open({ history: aliceHistory(80, [40]) });
      await waitFor(() => renderedIds(chat).length > 0, 'the list rendered nothing');
      expect(renderedIds(chat)).to.not.include('h-40');

      // Chosen as soon as the pinned list offers it, while the chat may still be settling its list.
      const item = await waitFor(() => shadow(pinned).querySelector<HTMLButtonElement>('[part="item"]'), 'nothing in the pinned list');
      expect(pinnedPreviews(pinned)).to.deep.equal(['history 40']);
      item.click();
      const target = await waitFor(() => renderedById(chat, 'h-40'), 'the chat did not jump to the pinned message');
      await waitFor(() => target.hasAttribute('highlighted'), 'the pinned message is not highlighted');
    });

    scenario('reflects edits, pins and deletions the server pushes', async () => {
      const { chat, pinned, harness } = await open();
      const id = harness.push.pushMessage({ from: alice, text: 'Meet at noon' });
      await waitFor(() => renderedById(chat, id), 'not received');

      harness.push.editMessage(id, 'Meet at one');
      await waitFor(() => bodyText(renderedById(chat, id)!) === 'Meet at one', 'the edit never showed');
      expect(markers(renderedById(chat, id)!)).to.deep.equal(['edited']);

      harness.push.pinMessage(id, true);
      await waitFor(() => pinnedPreviews(pinned).join() === 'Meet at one', 'the pin never showed in the pinned list');
      await waitFor(() => markers(renderedById(chat, id)!).join() === 'edited,pinned', 'the message is not marked pinned');
      harness.push.pinMessage(id, false);
      await waitFor(() => pinnedPreviews(pinned).length === 0, 'the unpin never showed');

      harness.push.pinMessage(id, true);
      await waitFor(() => pinnedPreviews(pinned).length === 1, 'the second pin never showed');
      harness.push.deleteMessage(id);
      await waitFor(() => !renderedIds(chat).includes(id), 'the deleted message stayed in the chat');
      await waitFor(() => pinnedEmptyText(pinned) === 'Nothing is pinned yet.', 'the deleted message stayed in the pinned list');
    });

    scenario('loads older history, beyond what the meeting holds, when the list is scrolled to the top', async () => {
      const { chat, harness } = await open({ history: aliceHistory(1200) });
      // What both meetings hold from before joining: the newest 1,000.
      const held = harness.meeting.chat.messages;
      expect([held.length, held[0].id, held.at(-1)!.id]).to.deep.equal([1000, 'h-200', 'h-1199']);
      const list = shadow(chat).querySelector<HTMLElement>('[part="list"]')!;
      // From the newest, where a user starts (whether or not the list opened there: another scenario's concern).
      await waitUntil(
        () => {
          list.scrollTop = list.scrollHeight;
          return renderedIds(chat).includes('h-1199');
        },
        'the newest message did not show',
        { timeout: 4000 },
      );
      // A user keeps scrolling up: each time the list reaches the top it fetches an older page.
      await waitUntil(
        () => {
          list.dispatchEvent(new WheelEvent('wheel', { deltaY: -5000 }));
          list.scrollTop = 0;
          return renderedIds(chat).includes('h-0');
        },
        'the oldest message never showed',
        { timeout: 15_000, interval: 100 },
      );
      const ids = renderedIds(chat);
      expect(new Set(ids).size, 'a message shows twice').to.equal(ids.length);
      expect(shadow(chat).querySelector('[role="status"]')?.textContent ?? '').to.not.include('Loading earlier messages');
    });

    scenario('exports the messages as the documented CSV dump', async () => {
      const history: HistoryMessage[] = [
        { id: 'h-a', from: alice, text: 'Welcome', pinned: true },
        { id: 'h-b', from: bob, text: 'Thanks, "all"', isEdited: true },
      ];
      const { chat, exporter, harness } = await open({ history });
      const pushed = harness.push.pushMessage({ from: alice, text: '=SUM(A1:A2)' });
      await waitFor(() => renderedById(chat, pushed), 'not received');
      await typeInto(composerInput(chat), 'Mine, too');
      await pressEnter();
      const mine = await shownWithText(chat, 'Mine, too', 'not sent');

      const button = await waitFor(() => {
        const found = buttonNamed(shadow(exporter), 'Export chat');
        return found?.getAttribute('aria-disabled') === 'false' && found;
      }, 'the export button never enabled');
      const [download] = await captureDownloads(async () => {
        const exported = oneEvent(exporter, 'rtk-chat-export');
        button.click();
        await exported;
      });

      expect(download.filename).to.match(new RegExp(`^chat-${MEETING_ID}-${SESSION_ID}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const [header, ...rows] = parse(download.text, { bom: true }) as string[][];
      expect(header).to.deep.equal(['id', 'participantId', 'sessionId', 'meetingId', 'displayName', 'pinned', 'isEdited', 'payloadType', 'payload', 'createdAt']);
      expect(rows.map((row) => row.slice(0, 9))).to.deep.equal([
        ['h-a', alice.userId, SESSION_ID, MEETING_ID, 'Alice', 'true', 'false', 'TEXT_MESSAGE', 'Welcome'],
        ['h-b', bob.userId, SESSION_ID, MEETING_ID, 'Bob', 'false', 'true', 'TEXT_MESSAGE', 'Thanks, "all"'],
        [pushed, alice.userId, SESSION_ID, MEETING_ID, 'Alice', 'false', 'false', 'TEXT_MESSAGE', "'=SUM(A1:A2)"],
        [mine.getAttribute('message-id')!, me.userId, SESSION_ID, MEETING_ID, 'Me', 'false', 'false', 'TEXT_MESSAGE', 'Mine, too'],
      ]);
      const times = rows.map((row) => Date.parse(row[9]));
      expect(times.every((time, index) => Number.isFinite(time) && (index === 0 || time >= times[index - 1])), 'createdAt in order').to.equal(true);
    });
  });
}
