import type { ChatMessage } from '../meeting/contract.js';
import { displayFileName } from './format.js';
import type { ChatStrings } from '../strings/strings.js';

const PREVIEW_LENGTH = 140;

/** A short one-line text for any message, e.g. for the pinned list. Never markup. */
export function messagePreview(message: ChatMessage, strings: ChatStrings): string {
  if (!message || typeof message !== 'object') return strings.malformedMessage;
  switch (message.type) {
    case 'text':
      return shorten(typeof message.message === 'string' ? message.message : strings.malformedMessage);
    case 'image':
      return strings.image;
    case 'file':
      return `${strings.typeFile}: ${shorten(displayFileName(message.name))}`;
    case 'custom':
      return typeof message.message === 'string' && message.message ? shorten(message.message) : strings.customMessage;
    case 'poll':
      return strings.pollMessage;
    default:
      return strings.unsupportedMessage;
  }
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}
