import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';

import { KitElement } from '../base/kit-element.js';
import { RtkChatToggleEvent } from '../events/chat-toggle.js';
import { RtkUnreadChangeEvent } from '../events/unread-change.js';
import { formatUnreadCount } from '../unread/format-count.js';
import { UnreadController, type UnreadCounts } from '../unread/unread-controller.js';
import { playCue } from './audible-cue.js';
import styles from './chat-toggle.styles.js';
import { setTitlePrefix } from './document-title.js';

/** Changes are announced once they settle, not once per message of a burst. */
const ANNOUNCE_DELAY_MS = 1000;
/** At most one cue in this time, however fast messages come. */
const CUE_GAP_MS = 1500;

/**
 * A button that opens and closes the chat, wherever the app places it, with the number of unread
 * messages of the meeting (exact up to 99, then "99+") and a distinct mark when some mention the
 * local user. Changes of the count are announced politely to screen readers. With `for`, it shows
 * and hides that element (e.g. an `<rtk-chat id="chat">`) itself; otherwise the app listens for
 * `rtk-chat-toggle`. What counts as seen is decided by the chat panel on the same meeting.
 *
 * @summary A chat button with the unread count.
 * @tagname rtk-chat-toggle
 *
 * @slot - The button's label; `Chat` by default.
 *
 * @csspart base - The wrapper.
 * @csspart button - The button.
 * @csspart icon - The chat icon.
 * @csspart label - The label.
 * @csspart badge - The unread count; absent when nothing is unread.
 * @csspart mention - The `@` mark in the badge when an unread message mentions the local user.
 *
 * @cssprop [--rtk-chat-toggle-badge-color=var(--rtk-color-accent)] - Background of the unread count.
 * @cssprop [--rtk-chat-toggle-on-badge-color=var(--rtk-color-on-accent)] - Text of the unread count.
 * @cssprop [--rtk-chat-toggle-mention-color=var(--rtk-color-danger)] - Background of the count when the local user is mentioned.
 * @cssprop [--rtk-chat-toggle-on-mention-color=light-dark(#ffffff, #2a0b08)] - Text of the count when the local user is mentioned.
 *
 * @fires {RtkChatToggleEvent} rtk-chat-toggle - When the user activates the button; cancelable, before the `for` element is shown or hidden.
 * @fires {RtkUnreadChangeEvent} rtk-unread-change - When `unreadCount` or `mentionCount` changed.
 */
export class RtkChatToggle extends KitElement {
  static override styles = [KitElement.styles, styles];

  private readonly unread = new UnreadController(this, () => this.activeMeeting, (now, before) => this.countsChanged(now, before));

  /** The polite announcement of the latest change. */
  @state() private announcement = '';
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCueAt = -Infinity;
  private watchedTarget: HTMLElement | undefined;
  private readonly targetWatch = new MutationObserver(() => this.syncExpanded());

  /** The id of the element to show and hide (e.g. an `<rtk-chat>`), in the same document or shadow root; the button controls it (`aria-controls`). */
  @property({ attribute: 'for' }) htmlFor: string | undefined;

  /** Whether the chat is open; with `for`, it follows that element's `hidden`. Reflected as `aria-expanded`. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /** Shows only the icon and the count; the label stays for screen readers. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Puts the unread count in front of the page title, as "(3) Title". Off by default. */
  @property({ type: Boolean, attribute: 'title-count' }) titleCount = false;

  /** Plays a short tone (made in the browser, no sound file) when a message arrives while the chat is closed or the page hidden. Off by default. */
  @property({ type: Boolean }) sound = false;

  /** Unread messages of the meeting, in every conversation. */
  get unreadCount(): number {
    return this.unread.unreadCount;
  }

  /** Unread messages that mention the local user. */
  get mentionCount(): number {
    return this.unread.mentionCount;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchTarget();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
    this.targetWatch.disconnect();
    this.watchedTarget = undefined;
    if (this.titleCount) setTitlePrefix(undefined);
  }

  protected override firstUpdated(): void {
    this.linkButton();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.watchTarget();
    if (changed.has('titleCount') || changed.has('locale') || changed.has('strings')) this.showTitle(changed.has('titleCount'));
  }

  /** The element named by `for`, if it is there. */
  private get target(): HTMLElement | undefined {
    if (!this.htmlFor || !this.isConnected) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    return root.getElementById?.(this.htmlFor) ?? undefined;
  }

  private watchTarget(): void {
    const target = this.target;
    if (target === this.watchedTarget) return;
    this.targetWatch.disconnect();
    this.watchedTarget = target;
    if (target) this.targetWatch.observe(target, { attributes: true, attributeFilter: ['hidden'] });
    this.syncExpanded();
    this.linkButton();
  }

  /** An id cannot point out of a shadow root; an element reference can (ARIA element reflection). */
  private linkButton(): void {
    const button = this.renderRoot?.querySelector('button');
    if (button && 'ariaControlsElements' in button) button.ariaControlsElements = this.watchedTarget ? [this.watchedTarget] : null;
  }

  private syncExpanded(): void {
    if (this.watchedTarget) this.expanded = !this.watchedTarget.hidden;
  }

  private countsChanged(now: UnreadCounts, before: UnreadCounts | undefined): void {
    this.showTitle(false);
    // The counts the meeting has as the toggle appears are no change: nothing to announce.
    if (!before) return;
    this.dispatchEvent(new RtkUnreadChangeEvent({ unreadCount: now.unread, mentionCount: now.mentions }));
    if (now.unread > before.unread || now.mentions > before.mentions) {
      this.scheduleAnnouncement();
      if (this.sound && (!this.expanded || document.visibilityState !== 'visible')) this.cue(now.mentions > before.mentions);
    } else if (now.unread === 0) {
      clearTimeout(this.announceTimer);
      this.announcement = '';
    }
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const unread = this.unreadCount;
      const mentions = this.mentionCount;
      if (unread === 0) return;
      const strings = this.i18n;
      this.announcement = mentions > 0 ? `${strings.unreadMessages(unread)}, ${strings.unreadMentions(mentions)}` : strings.unreadMessages(unread);
    }, ANNOUNCE_DELAY_MS);
  }

  private cue(mention: boolean): void {
    const now = performance.now();
    if (now - this.lastCueAt < CUE_GAP_MS) return;
    this.lastCueAt = now;
    playCue(mention);
  }

  private showTitle(turnedOff: boolean): void {
    if (!this.titleCount) {
      if (turnedOff) setTitlePrefix(undefined);
      return;
    }
    const count = this.unreadCount;
    setTitlePrefix(count > 0 ? (title) => this.i18n.titleWithUnread(formatUnreadCount(count, this.locale), title) : undefined);
  }

  private onClick(): void {
    const target = this.target;
    const open = !(target ? !target.hidden : this.expanded);
    const event = new RtkChatToggleEvent({ open, target });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    if (target) target.hidden = !open;
    this.expanded = open;
    this.watchTarget();
  }

  protected override render() {
    const strings = this.i18n;
    const unread = this.unreadCount;
    const mentions = this.mentionCount;
    const status = [unread > 0 ? strings.unreadMessages(unread) : '', mentions > 0 ? strings.unreadMentions(mentions) : ''].filter(Boolean).join(', ');
    return html`<div part="base" class="base">
      <button
        part="button"
        type="button"
        class=${mentions > 0 ? 'mentioned' : unread > 0 ? 'unread' : ''}
        aria-expanded=${this.expanded ? 'true' : 'false'}
        @click=${this.onClick}
      >
        <svg part="icon" aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
          <path fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" d="M3.5 4.5h13v8.5h-7l-4 3v-3h-2z" />
        </svg>
        <span part="label" class=${this.compact ? 'visually-hidden' : 'label'}><slot>${strings.chatToggle}</slot></span>
        ${status ? html`<span class="visually-hidden">, ${status}</span>` : nothing}
        ${unread > 0 ? this.renderBadge(unread, mentions) : nothing}
      </button>
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }

  private renderBadge(unread: number, mentions: number) {
    return html`<span part="badge" class="badge" aria-hidden="true"
      >${mentions > 0 ? html`<span part="mention" class="mention">@</span>` : nothing}${formatUnreadCount(unread, this.locale)}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-chat-toggle': RtkChatToggle;
  }
}
