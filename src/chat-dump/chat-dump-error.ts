/**
 * Thrown by `parseChatDumpCsv` for input that is not a chat dump. The message starts with the
 * 1-based line of the text where the problem is (`Line 7: …`), counting the line breaks inside
 * quoted fields, so it matches what an editor shows.
 */
export class ChatDumpError extends Error {
  override readonly name = 'ChatDumpError';
  /** The 1-based line of the text where the problem is. */
  readonly line: number;

  constructor(line: number, reason: string) {
    super(`Line ${line}: ${reason}`);
    this.line = line;
  }
}
