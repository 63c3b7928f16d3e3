import type { ReactiveControllerHost } from 'lit';

import { RtkMessageErrorEvent, type MessageAction } from '../events/message-error.js';
import { describeError, errorCode } from '../meeting/errors.js';
import type { ChatStrings } from '../strings/strings.js';
import { failedWords } from './message-meta.js';

/**
 * The SDK calls a message makes (edit, delete, pin): one at a time, with the refusal said in words
 * and fired as `rtk-message-error`. Its host renders `busy` and `error`.
 */
export class MessageCalls {
  /** A call is under way: the actions wait. */
  busy = false;
  /** Why the last call was refused, in words; '' when it was not. */
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly context: { strings(): ChatStrings; maxTextLimit(): number },
  ) {}

  clearError(): void {
    this.error = '';
    this.host.requestUpdate();
  }

  /** Runs one call; resolves to whether the SDK accepted it. */
  async run(action: MessageAction, call: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.clearError();
    try {
      await call();
      return true;
    } catch (error) {
      const strings = this.context.strings();
      this.error = describeError(error, strings, this.context.maxTextLimit(), failedWords(action, strings));
      this.host.dispatchEvent(new RtkMessageErrorEvent({ action, code: errorCode(error), text: this.error, error }));
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
