/**
 * The event emitter behind `meeting.chat`, `meeting.self`, `meeting.self.permissions` and
 * `meeting.participants.joined`. It follows the SDK's emitter (Node's `EventEmitter` semantics plus
 * a `'*'` event that receives every event name first), so listener order, `once` and removal during
 * an emit behave as they do with the real meeting.
 */

/** A listener of one event. `never[]` lets any parameter list fit the constraint. */
export type Listener = (...args: never[]) => void;

/** Event names and their listener signatures. */
export type EventMap = { [event: string]: Listener };

/** A listener of `'*'`: it receives the event name, then the event's arguments. */
export type WildcardListener = (event: string, ...args: unknown[]) => void;

/** Where warnings go; the meeting passes its logger. */
export interface WarningSink {
  /** Reports a warning. */
  warn(message: string, data?: unknown): void;
}

type AnyListener = (...args: unknown[]) => void;

interface Entry {
  listener: AnyListener;
  once: boolean;
}

/** The SDK raises its listener limit to 25 and warns past it, as Node does. */
const MAX_LISTENERS = 25;

/**
 * A typed emitter with the SDK's surface: `on`/`addListener`, `off`/`removeListener`, `once`,
 * `removeAllListeners`, `listeners`, `listenerCount` and `emit`.
 */
export class LocalEventEmitter<Events extends EventMap> {
  #entries = new Map<string, Entry[]>();
  #warned = new Set<string>();
  #sink: WarningSink | undefined;

  /** @param sink Receives the "possible leak" warning when an event gets more than 25 listeners. */
  constructor(sink?: WarningSink) {
    this.#sink = sink;
  }

  /** Adds a listener for `event`; `'*'` listens to every event. */
  on<E extends keyof Events & string>(event: E, listener: Events[E]): this;
  on(event: '*', listener: WildcardListener): this;
  on(event: string, listener: Listener | WildcardListener): this {
    return this.#add(event, listener as AnyListener, false);
  }

  /** Same as `on`. */
  addListener<E extends keyof Events & string>(event: E, listener: Events[E]): this;
  addListener(event: '*', listener: WildcardListener): this;
  addListener(event: string, listener: Listener | WildcardListener): this {
    return this.#add(event, listener as AnyListener, false);
  }

  /** Adds a listener that is removed before its first call. */
  once<E extends keyof Events & string>(event: E, listener: Events[E]): this;
  once(event: '*', listener: WildcardListener): this;
  once(event: string, listener: Listener | WildcardListener): this {
    return this.#add(event, listener as AnyListener, true);
  }

  /** Removes the most recently added registration of `listener` for `event`. */
  off<E extends keyof Events & string>(event: E, listener: Events[E]): this;
  off(event: '*', listener: WildcardListener): this;
  off(event: string, listener: Listener | WildcardListener): this {
    const entries = this.#entries.get(event) ?? [];
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].listener === listener) {
        this.#remove(event, entries[i]);
        break;
      }
    }
    return this;
  }

  /** Same as `off`. */
  removeListener<E extends keyof Events & string>(event: E, listener: Events[E]): this;
  removeListener(event: '*', listener: WildcardListener): this;
  removeListener(event: string, listener: Listener | WildcardListener): this {
    return this.off(event as '*', listener as WildcardListener);
  }

  /** Removes every listener of `event`, or of all events when called without one. */
  removeAllListeners(event?: (keyof Events & string) | '*'): this {
    if (event === undefined) this.#entries.clear();
    else this.#entries.delete(event);
    return this;
  }

  /** The listeners of `event`, in call order. */
  listeners(event: (keyof Events & string) | '*'): Array<Listener | WildcardListener> {
    return (this.#entries.get(event) ?? []).map((entry) => entry.listener);
  }

  /** How many listeners `event` has. */
  listenerCount(event: (keyof Events & string) | '*'): number {
    return this.#entries.get(event)?.length ?? 0;
  }

  /**
   * Calls the `'*'` listeners with the event name and arguments, then the event's listeners, each
   * in the order they were added. As in Node, a throwing listener stops the emit and the error
   * reaches the caller. Returns whether `event` had listeners.
   */
  emit<E extends keyof Events & string>(event: E, ...args: Parameters<Events[E]>): boolean {
    this.#call('*', [event, ...args]);
    return this.#call(event, args);
  }

  #call(event: string, args: unknown[]): boolean {
    const entries = this.#entries.get(event);
    if (!entries) return false;
    for (const entry of entries) {
      if (entry.once) this.#remove(event, entry);
      entry.listener.apply(this, args);
    }
    return true;
  }

  #remove(event: string, entry: Entry): void {
    // Copy on write: an emit in progress keeps iterating its own snapshot, as in Node.
    const next = (this.#entries.get(event) ?? []).filter((candidate) => candidate !== entry);
    if (next.length) this.#entries.set(event, next);
    else this.#entries.delete(event);
  }

  #add(event: string, listener: AnyListener, once: boolean): this {
    const entries = [...(this.#entries.get(event) ?? []), { listener, once }];
    this.#entries.set(event, entries);
    if (entries.length > MAX_LISTENERS && !this.#warned.has(event)) {
      this.#warned.add(event);
      this.#sink?.warn(
        `Possible EventEmitter memory leak detected. ${entries.length} ${event} listeners added. ` +
          'Remove listeners you no longer need.',
      );
    }
    return this;
  }
}
