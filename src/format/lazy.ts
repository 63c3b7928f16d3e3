/** A chunk loaded on first use: `value` once it is there, `load()` to get it. */
export interface Lazy<T> {
  readonly value: T | undefined;
  load(): Promise<T>;
}

/**
 * Loads a chunk once, on the first `load()`. A load that fails (offline, a deploy that removed the
 * old chunk) is forgotten, so the next `load()` tries again.
 */
export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let loading: Promise<T> | undefined;
  const chunk: { value: T | undefined; load(): Promise<T> } = {
    value: undefined,
    load() {
      loading ??= importer().then(
        (value) => (chunk.value = value),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
  return chunk;
}
