import { expect, fixture, html as testHtml, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, LitElement } from 'lit';
import { property, query } from 'lit/decorators.js';

import baseStyles from '../../src/base/base.styles.js';
import { loadEmojiIndex } from '../../src/emoji/emoji-data.js';
import { EmojiPickerController, emojiIcon } from '../../src/emoji/emoji-picker-controller.js';
import type { ChatStrings } from '../../src/strings/strings.js';
import { CORPUS } from '../hardening/corpus.js';
import { auditConversation } from '../format/rich-text-support.js';
import { waitFor } from '../helpers.js';

/** A composer in miniature: a text box and the emoji button, as the composer would have them. */
class EmojiTestHost extends LitElement {
  static override styles = baseStyles;

  @query('textarea') box!: HTMLTextAreaElement;
  @property({ attribute: false }) strings: Partial<ChatStrings> = {};

  readonly emoji = new EmojiPickerController(this, { target: () => this.box, strings: () => this.strings });

  protected override render() {
    return html`<textarea aria-label="Message"></textarea>
      <button part="button" type="button" aria-haspopup="dialog" aria-label=${this.strings.emoji ?? 'Emoji'} @click=${() => this.emoji.show()}>${emojiIcon}</button>
      ${this.emoji.render()}`;
  }
}
customElements.define('emoji-test-host', EmojiTestHost);


interface Page {
  button: EmojiTestHost;
  box: HTMLTextAreaElement;
}

async function mount(value = ''): Promise<Page> {
  const button = await fixture<EmojiTestHost>(testHtml`<emoji-test-host></emoji-test-host>`);
  button.box.value = value;
  return { button, box: button.box };
}

function picker(button: EmojiTestHost): HTMLElement | null {
  return button.shadowRoot!.querySelector('emoji-test-host-emoji-picker');
}

function panelRoot(button: EmojiTestHost): ShadowRoot {
  return picker(button)!.shadowRoot!;
}

function dialog(button: EmojiTestHost): HTMLDialogElement {
  return panelRoot(button).querySelector('dialog')!;
}

async function open(button: EmojiTestHost): Promise<ShadowRoot> {
  button.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
  return waitFor(() => picker(button)?.shadowRoot?.querySelector('.emoji') && panelRoot(button), 'the picker shows emoji');
}

function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

async function search(root: ShadowRoot, text: string): Promise<string[]> {
  const input = root.querySelector<HTMLInputElement>('.search')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await (root.host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return [...root.querySelectorAll('.emoji')].map((option) => option.textContent!.trim());
}

describe('the emoji picker (EmojiPickerController)', () => {
  beforeEach(() => localStorage.clear());

  it('opens a labelled modal dialog, accessible closed and open', async () => {
    const { button } = await mount();
    expect(picker(button)).to.equal(null);
    await expect(button).to.be.accessible();
    await open(button);
    expect(dialog(button).open).to.equal(true);
    expect(dialog(button).getAttribute('aria-label')).to.equal('Emoji');
    expect(picker(button)!.getAttribute('exportparts')).to.equal('dialog: emoji-dialog');
    await expect(button).to.be.accessible();
  });

  it('puts the focus in the search box on opening', async () => {
    const { button } = await mount();
    const root = await open(button);
    await waitFor(() => focused() === root.querySelector('.search'), 'the search box has the focus');
  });

  it('finds emoji by name, tag and shortcode, announcing how many', async () => {
    const { button } = await mount();
    const root = await open(button);
    expect((await search(root, 'thumbs up'))[0]).to.equal('👍️');
    expect(await search(root, 'pizza')).to.include('🍕');
    expect(await search(root, 'tada')).to.include('🎉');
    expect(root.querySelector('#results')!.textContent).to.match(/^\d+ emoji$|^1 emoji$/);
    expect(await search(root, 'zzqqxx')).to.deep.equal([]);
    expect(root.querySelector('#results')!.textContent).to.equal('No emoji found');
    await expect(button).to.be.accessible();
  });

  it('inserts the picked emoji at the caret, fires rtk-emoji-select and closes', async () => {
    const { button, box } = await mount('Hello world');
    box.setSelectionRange(5, 5);
    const root = await open(button);
    await search(root, 'pizza');
    const picked = oneEvent(button, 'rtk-emoji-select');
    root.querySelector<HTMLElement>('.emoji')!.click();
    const event = await picked;
    expect(event.detail).to.deep.equal({ emoji: '🍕', name: 'pizza' });
    expect(event.composed).to.equal(true);
    expect(box.value).to.equal('Hello🍕 world');
    expect(box.selectionStart).to.equal(5 + '🍕'.length);
    expect(dialog(button).open).to.equal(false);
    expect(focused() === box, 'the text box has the focus').to.equal(true);
  });

  it('fires input on the text box, so its owner sees the new text', async () => {
    const { button, box } = await mount();
    const input = oneEvent(box, 'input');
    const root = await open(button);
    await search(root, 'pizza');
    root.querySelector<HTMLElement>('.emoji')!.click();
    await input;
    expect(box.value).to.equal('🍕');
  });

  it('picks the first result with Enter in the search box', async () => {
    const { button, box } = await mount();
    const root = await open(button);
    await search(root, 'thumbs up');
    await sendKeys({ press: 'Enter' });
    expect(box.value).to.equal('👍️');
  });

  it('moves through the emoji with the arrow keys and picks with Enter', async () => {
    const { button, box } = await mount();
    const root = await open(button);
    root.querySelector<HTMLInputElement>('.search')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focused()?.classList.contains('emoji'), 'an emoji has the focus');
    const first = focused()!.textContent!.trim();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await button.updateComplete;
    const options = [...root.querySelectorAll('.emoji')];
    expect(focused() === options[9], 'the tenth emoji has the focus').to.equal(true);
    expect(options.map((option) => option.getAttribute('tabindex')).indexOf('0')).to.equal(9);
    expect(options.filter((option) => option.getAttribute('tabindex') === '0')).to.have.length(1);
    expect(first).to.equal('😀');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused() === root.querySelector('.search'), 'the search box has the focus').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    expect(box.value).to.equal(options[options.length - 1].textContent!.trim());
  });

  it('switches categories with the tabs and the arrow keys', async () => {
    const { button } = await mount();
    const root = await open(button);
    const tabs = () => [...root.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs().map((tab) => tab.getAttribute('aria-label'))).to.deep.equal([
      'Smileys and emotion', 'People and body', 'Animals and nature', 'Food and drink', 'Travel and places', 'Activities', 'Objects', 'Symbols', 'Flags',
    ]);
    tabs()[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await button.updateComplete;
    expect(focused() === tabs()[2], 'the third tab has the focus').to.equal(true);
    expect(tabs()[2].getAttribute('aria-selected')).to.equal('true');
    expect([...root.querySelectorAll('.emoji')].map((option) => option.textContent!.trim())).to.include('🐱');
    await sendKeys({ press: 'End' });
    await button.updateComplete;
    expect(root.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Flags');
    await expect(button).to.be.accessible();
  });

  it('uses the chosen skin tone, and remembers it', async () => {
    const first = await mount();
    let root = await open(first.button);
    const select = root.querySelector('select')!;
    expect(select.getAttribute('aria-label')).to.equal('Skin tone');
    select.value = '4';
    select.dispatchEvent(new Event('change'));
    await search(root, 'thumbs up');
    root.querySelector<HTMLElement>('.emoji')!.click();
    expect(first.box.value).to.equal('👍🏾');
    const second = await mount();
    root = await open(second.button);
    expect(root.querySelector('select')!.value).to.equal('4');
  });

  it('shows what was used recently first', async () => {
    const { button } = await mount();
    let root = await open(button);
    await search(root, 'pizza');
    root.querySelector<HTMLElement>('.emoji')!.click();
    const again = await mount();
    root = await open(again.button);
    const first = root.querySelector('[role="tab"]')!;
    expect(first.getAttribute('aria-label')).to.equal('Recently used');
    expect(first.getAttribute('aria-selected')).to.equal('true');
    expect([...root.querySelectorAll('.emoji')].map((option) => option.textContent!.trim())).to.deep.equal(['🍕']);
  });

  it('leaves the text box alone when the event is cancelled', async () => {
    const { button, box } = await mount('keep');
    button.addEventListener('rtk-emoji-select', (event) => event.preventDefault());
    const root = await open(button);
    await search(root, 'pizza');
    root.querySelector<HTMLElement>('.emoji')!.click();
    expect(box.value).to.equal('keep');
    expect(dialog(button).open).to.equal(false);
  });

  it('opens from the keyboard and closes with Escape, giving the focus back to the button', async () => {
    const { button } = await mount();
    const trigger = button.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    const root = await waitFor(() => picker(button)?.shadowRoot?.querySelector('.emoji') && panelRoot(button));
    await waitFor(() => focused() === root.querySelector('.search'), 'the search box has the focus');
    await sendKeys({ press: 'Escape' });
    expect(dialog(button).open).to.equal(false);
    expect(focused() === trigger, 'the button has the focus').to.equal(true);
  });

  it('takes its words from strings', async () => {
    const { button } = await mount();
    button.strings = { emojiPicker: 'Emojis', emojiSearch: 'Emojis suchen' };
    await button.updateComplete;
    const root = await open(button);
    await waitFor(() => root.querySelector('.search')!.getAttribute('aria-label') === 'Emojis suchen');
    expect(dialog(button).getAttribute('aria-label')).to.equal('Emojis');
  });

  it('has shortcodes for completion in the same data', async () => {
    const index = await loadEmojiIndex();
    const found = index.shortcodes('thumbs').map(({ entry, shortcode }) => `${shortcode} ${entry.emoji}`);
    expect(found[0]).to.equal('thumbsup 👍️');
    expect(index.shortcodes('tada')[0].entry.emoji).to.equal('🎉');
  });

  it('renders hostile searches as text', async () => {
    const { button } = await mount();
    const root = await open(button);
    for (const value of CORPUS) await search(root, value);
    expect(auditConversation(button)).to.deep.equal([]);
  });
});
