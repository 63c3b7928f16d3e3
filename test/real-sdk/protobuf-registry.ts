/**
 * Stands in for `@protobuf-ts/runtime` in the imports of `@cloudflare/realtimekit` only (see
 * `wtr-plugins.mjs`). It re-exports the real runtime and registers every message type the SDK
 * declares under its protobuf name, so the test backend encodes and decodes with the SDK's own
 * classes instead of hand-copied schemas that could drift from the client.
 */
import { MessageType as RuntimeMessageType } from '@protobuf-ts/runtime';
import type { IMessageType } from '@protobuf-ts/runtime';

export * from '@protobuf-ts/runtime';

const registry = new Map<string, IMessageType<object>>();

export class MessageType<T extends object> extends RuntimeMessageType<T> {
  constructor(...args: ConstructorParameters<typeof RuntimeMessageType>) {
    super(...args);
    const [name] = args;
    // First wins: another bundle of the SDK (e.g. its mock) may declare the same names again.
    if (!registry.has(name)) registry.set(name, this as unknown as IMessageType<object>);
  }
}

/** The names of all message types the SDK has declared so far. */
export const registeredTypeNames = (): string[] => [...registry.keys()];

/** The SDK's message type called `name`; throws if the SDK has not declared it. */
export function sdkType<T extends object>(name: string): IMessageType<T> {
  const type = registry.get(name);
  if (!type) throw new Error(`The SDK declares no protobuf message ${name}: is the wtr alias plugin installed?`);
  return type as unknown as IMessageType<T>;
}
