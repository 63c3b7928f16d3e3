// What every example must do in the browser, through its UI as a person would: send a message and
// see it arrive, pin it and see it in the pinned list placed outside the chat, export the chat and
// get the CSV, with the framework's event bindings seeing each step. Throws on the first failure.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';

const TIMEOUT = 15_000;
const HEADER = ['id', 'participantId', 'sessionId', 'meetingId', 'displayName', 'pinned', 'isEdited', 'payloadType', 'payload', 'createdAt'];
/** The examples' local meeting: who is in it and how much history it starts with. */
const MEETING = { meetingId: 'example-meeting', sessionId: 'example-session', self: 'Ada Lovelace', seeded: 12 };

/**
 * Runs the flow on `url` in a fresh browser context; `step(text)` reports each check that passed.
 * `name` goes into the message, so each example sends its own.
 */
export async function checkChatFlow(browser, url, { name, step = () => {} }) {
  const downloads = mkdtempSync(join(tmpdir(), `rtk-example-${name}-`));
  const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
  const problems = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    watchForProblems(page, problems);

    await page.goto(url, { waitUntil: 'load' });
    const input = await page.waitForSelector('rtk-chat >>> textarea[part="input"]');
    step('the page rendered <rtk-chat>');

    const text = `Hello from ${name}, with "quotes", at ${Date.now()}`;
    await input.type(text);
    await page.keyboard.press('Enter');
    const message = await page.waitForFunction(messageWith, {}, text);
    await waitForEvent(page, `rtk-message-sent: ${text}`);
    step('sent a message through the composer; it arrived in the list and the app heard rtk-message-sent');

    const pin = (await message.evaluateHandle((element) => element.shadowRoot.querySelector('[data-action="pin"]'))).asElement();
    if (!pin) throw new Error('the sent message offers no pin action');
    await pin.click();
    await page.waitForFunction(
      (text) => [...(document.querySelector('rtk-pinned-messages')?.shadowRoot?.querySelectorAll('[part="item"]') ?? [])].some((item) => item.textContent.includes(text)),
      {},
      text,
    );
    await waitForEvent(page, 'rtk-message-pin: true');
    step('pinned it from the message; it shows in <rtk-pinned-messages> and the app heard rtk-message-pin');

    // The elements have no `meeting` of their own: what they show came through the provider.
    const placement = await page.evaluate(() => {
      const chat = document.querySelector('rtk-chat');
      const provider = document.querySelector('rtk-meeting-provider');
      const outside = ['rtk-pinned-messages', 'rtk-chat-export-button'].map((tag) => document.querySelector(tag));
      return {
        outsideChat: outside.every((element) => element && !chat.contains(element) && provider.contains(element)),
        fromProvider: Boolean(provider.meeting) && [chat, ...outside].every((element) => element.meeting === undefined),
      };
    });
    if (!placement.outsideChat) throw new Error('the pinned list and the export button are not outside <rtk-chat> inside the provider');
    if (!placement.fromProvider) throw new Error('the provider has no meeting, or the other elements have one of their own');
    step('the pinned list and the export button sit outside <rtk-chat>; all three use the meeting bound to the provider');

    const button = await page.waitForSelector('rtk-chat-export-button >>> button');
    await button.click();
    const file = await downloaded(downloads);
    const rows = parse(readFileSync(join(downloads, file)), { bom: true });
    checkDump(rows, file, text);
    await waitForEvent(page, `rtk-chat-export: ${file}`);
    step(`exported ${file}: ${rows.length - 1} messages, the new one pinned; the app heard rtk-chat-export`);

    if (problems.length) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
    step('no errors on the page');
  } finally {
    await context.close();
    rmSync(downloads, { recursive: true, force: true });
  }
}

/** The `<rtk-chat-message>` showing `text`, anywhere in the page's shadow roots (runs in the page). */
function messageWith(text) {
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'rtk-chat-message' && element.shadowRoot?.textContent.includes(text)) return element;
      const inner = element.shadowRoot && visit(element.shadowRoot);
      if (inner) return inner;
    }
    return undefined;
  };
  return visit(document);
}

/** Waits for the example's own event log (rendered by the framework) to show `entry`. */
async function waitForEvent(page, entry) {
  try {
    await page.waitForFunction((entry) => [...document.querySelectorAll('#events li')].some((li) => li.textContent.trim() === entry), {}, entry);
  } catch {
    const seen = await page.evaluate(() => [...document.querySelectorAll('#events li')].map((li) => li.textContent.trim()));
    throw new Error(`the app's event log never showed "${entry}"; it has: ${JSON.stringify(seen)}`);
  }
}

function watchForProblems(page, problems) {
  // The browser asks for a favicon, which the examples do not have.
  const favicon = (url = '') => new URL(url, 'http://x').pathname === '/favicon.ico';
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A production build must get Lit's production build, which prints nothing.
    if (message.text().includes('Lit is in dev mode')) problems.push('Lit runs in dev mode');
    // Chromium reports a ResizeObserver callback that caused another resize as an error; the
    // virtualizer measures its items that way and nothing is lost.
    if (message.type() !== 'error' || message.text().startsWith('ResizeObserver loop') || favicon(message.location()?.url)) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // The object URL of the download is revoked once the download started.
    if (!request.url().startsWith('blob:')) problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !favicon(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

/** The name of the one finished download in `folder`. */
async function downloaded(folder) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    const files = readdirSync(folder);
    const done = files.filter((file) => !file.endsWith('.crdownload'));
    if (done.length > 1) throw new Error(`more than one download: ${done.join(', ')}`);
    if (done.length === 1 && !files.some((file) => file.endsWith('.crdownload'))) return done[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the export button started no download');
}

function checkDump(rows, file, text) {
  const fail = (why) => {
    throw new Error(`${file}: ${why}`);
  };
  if (!file.endsWith('.csv')) fail('not a .csv file');
  if (JSON.stringify(rows[0]) !== JSON.stringify(HEADER)) fail(`unexpected header ${JSON.stringify(rows[0])}`);
  const messages = rows.slice(1).map((row) => Object.fromEntries(HEADER.map((column, index) => [column, row[index]])));
  if (messages.length !== MEETING.seeded + 1) fail(`${messages.length} messages, expected the ${MEETING.seeded} seeded ones and the new one`);
  const sent = messages.find((message) => message.payload === text);
  if (!sent) fail('the sent message is missing');
  const expected = { payloadType: 'TEXT_MESSAGE', pinned: 'true', displayName: MEETING.self, meetingId: MEETING.meetingId, sessionId: MEETING.sessionId };
  for (const [column, value] of Object.entries(expected)) if (sent[column] !== value) fail(`the sent message has ${column} "${sent[column]}", expected "${value}"`);
}
