import type { ChatStrings } from '../strings/strings.js';

/** The SDK's error code, when the error has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Words a user understands for an SDK error; `fallback` for an error without a known code. */
export function describeError(error: unknown, strings: ChatStrings, maxTextLimit: number, fallback = strings.errorGeneric): string {
  switch (errorCode(error)) {
    case '0501':
      return strings.errorPermission;
    case '0502':
      return strings.errorEmpty;
    case '0503':
      return strings.errorTooLong(maxTextLimit);
    case '0504':
      return strings.errorNotFound;
    case '0505':
      return strings.errorNotJoined;
    default:
      return fallback;
  }
}
