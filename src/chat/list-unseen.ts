import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * The messages from others that arrived while the list did not follow the newest one, and the
 * "N new messages" button that goes to them. The button stays while it has focus (with the count
 * it had), so that a keyboard user who reaches it does not lose it.
 */
export class ListUnseen implements ReactiveController {
  /** How many arrived unseen. */
  count = 0;
  private focused = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly following: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A message from someone else arrived. */
  arrived(): void {
    if (this.following()) return;
    this.count += 1;
    this.host.requestUpdate();
  }

  /** The newest message is in view again. */
  seen(): void {
    if (this.focused) return;
    this.count = 0;
    this.host.requestUpdate();
  }

  /** Nothing is unseen any more, focused button or not: the user went to the newest message. */
  clear(): void {
    this.count = 0;
    this.host.requestUpdate();
  }

  /** The button (`part="new-messages"`), while there is something unseen or it has focus. */
  render(label: (count: number) => string, jump: () => void) {
    if (this.count === 0 && !this.focused) return nothing;
    return html`<button
      part="new-messages"
      type="button"
      class="new-messages"
      aria-keyshortcuts="End"
      @click=${jump}
      @focus=${this.onFocus}
      @blur=${this.onBlur}
    >
      ${label(this.count)} ↓
    </button>`;
  }

  private onFocus = (): void => {
    this.focused = true;
  };

  private onBlur = (): void => {
    this.focused = false;
    if (this.following()) this.count = 0;
    this.host.requestUpdate();
  };
}
