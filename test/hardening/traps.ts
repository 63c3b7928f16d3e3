/**
 * What watches a hardening test from outside the kit: a page-level trap that any hostile payload
 * would trip if it ran or loaded something, and a watch on uncaught errors and rejections.
 */
import { expect } from '@open-wc/testing';

// Installs the shared filter for Chromium's benign "ResizeObserver loop" error events.
import '../helpers.js';

type Restore = () => void;

/** The word every loading payload of the corpus asks for. */
export const TRAP_LOAD = 'trap-load';

/** What tripped the trap: a script ran, a dangerous element appeared, a `trap-load` URL was asked for. */
export interface Trap {
  readonly tripped: string[];
  /** Removes every wrapper; what tripped stays readable. */
  release(): void;
}

const DANGEROUS = new Set(['script', 'iframe', 'object', 'embed', 'link', 'style', 'meta', 'base', 'form', 'frame', 'frameset', 'template', 'portal']);

function wrap<T extends object, K extends keyof T>(target: T, key: K, replacement: (original: T[K]) => T[K]): Restore {
  const original = target[key];
  target[key] = replacement(original);
  return () => {
    target[key] = original;
  };
}

/** Sets the trap: every way a payload could show that it ran or loaded is recorded in `tripped`. */
export function setTrap(): Trap {
  const tripped: string[] = [];
  const restores: Restore[] = [];
  const note = (what: string) => tripped.push(what);
  const w = window as unknown as Record<string, unknown>;
  delete w.__pwned;
  Object.defineProperty(window, '__pwned', {
    configurable: true,
    get: () => undefined,
    set: () => note('window.__pwned was set'),
  });
  restores.push(() => delete w.__pwned);
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) {
    restores.push(wrap(window, name, () => ((...args: unknown[]) => note(`${name}(${args.join(',')})`)) as never));
  }
  restores.push(wrap(window, 'eval', (original) => ((code: string) => (note(`eval(${String(code).slice(0, 60)})`), original(code))) as never));
  restores.push(
    wrap(window, 'fetch', (original) => ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('pwned') || url.includes(TRAP_LOAD)) note(`fetch(${url})`);
      return original(input, init);
    }) as typeof fetch),
  );
  restores.push(
    wrap(navigator, 'sendBeacon', (original) => ((url: string | URL, data?: BodyInit | null) => {
      note(`sendBeacon(${url})`);
      return original.call(navigator, url, data);
    }) as never),
  );
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    // DOMPurify parses a custom message's hostile html to sanitise it; Chrome reports the inline
    // handlers and styles it blocks while parsing. None runs or applies (the traps would catch it).
    const sanitising = /^(script-src-attr|style-src-attr|style-src-elem|base-uri)/.test(event.violatedDirective) && /purify/.test(event.sourceFile);
    if (!sanitising) note(`CSP ${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  restores.push(() => document.removeEventListener('securitypolicyviolation', onViolation));
  // Shadow roots are out of a document observer's sight: `audit.ts` checks those. This sees the page.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && DANGEROUS.has(node.localName)) note(`<${node.localName}> added to the page`);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  restores.push(() => observer.disconnect());
  const seenBefore = new Set(performance.getEntriesByType('resource').map((entry) => entry.name));
  restores.push(() => {
    for (const entry of performance.getEntriesByType('resource')) {
      if (!seenBefore.has(entry.name) && entry.name.includes(TRAP_LOAD)) note(`loaded ${entry.name}`);
    }
  });
  return {
    tripped,
    release() {
      observer.takeRecords();
      for (const restore of restores.splice(0).reverse()) restore();
    },
  };
}

/** Uncaught errors and unhandled rejections while it watches. */
export interface ErrorWatch {
  readonly errors: string[];
  stop(): void;
}

export function watchErrors(): ErrorWatch {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => {
    if (event.message?.startsWith('ResizeObserver loop')) return;
    errors.push(`error: ${event.message} ${event.error?.stack ?? ''}`);
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason = event.reason;
    errors.push(`unhandled rejection: ${reason instanceof Error ? `${reason.message} ${reason.stack}` : String(reason)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Two animation frames and a task: long enough for late handlers, image errors and rejections to surface. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * A mocha test that fails if anything escapes: an uncaught error or rejection while it runs, or a
 * tripped page trap. The body's own assertions come first.
 */
export function guarded(title: string, body: (this: Mocha.Context) => Promise<void>, timeout = 20_000): Mocha.Test {
  return it(title, async function () {
    this.timeout(timeout);
    const trap = setTrap();
    const watch = watchErrors();
    try {
      await body.call(this);
      await settle();
    } finally {
      watch.stop();
      trap.release();
    }
    expect(watch.errors, 'uncaught errors').to.deep.equal([]);
    expect(trap.tripped, 'the page trap').to.deep.equal([]);
  });
}

/** A promise with its settle functions outside, to make an SDK call hang until the test says. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
