/**
 * What a file message's link really is. A file card shows the sender's file name, which the link
 * need not match: `report.pdf` may link to `setup.exe` on any host.
 */
import { hostForDisplay } from './hosts.js';
import { safeUrl } from './links.js';
import { displayFileName, withoutFormatCharacters } from './visible.js';

/** The facts about a file message's link that its card should show. */
export interface FileLinkFacts {
  /** The link to download from, when it is http(s) or blob:. */
  href: string | undefined;
  /** The host the file comes from, shown as `hostForDisplay` does; `undefined` for a blob: link (a file on this page) or no link. */
  host: string | undefined;
  /** The file name's extension, lower case, without the dot (`pdf`); `undefined` when it has none. */
  nameExtension: string | undefined;
  /** The extension of the link's own last path segment, lower case (`exe`); `undefined` when it has none. */
  linkExtension: string | undefined;
  /**
   * Whether the link's extension disagrees with the name's (`report.pdf` linking to `…/setup.exe`).
   * Spellings of one type (`jpg`/`jpeg`, `htm`/`html`, `tif`/`tiff`) agree. `false` when either
   * has no extension: a storage link often has none (`…/files/8d2f…`), and that says nothing.
   */
  mismatch: boolean;
}

const EXTENSION = /\.([\p{L}\p{N}]{1,12})$/u;

// One canonical spelling for the extensions of one type.
const SAME_TYPE: Readonly<Record<string, string>> = { jpeg: 'jpg', jpe: 'jpg', htm: 'html', tiff: 'tif', mpeg: 'mpg', yml: 'yaml' };

function extensionOf(name: string): string | undefined {
  return EXTENSION.exec(name)?.[1].toLowerCase();
}

function lastSegment(pathname: string): string {
  const segment = pathname.slice(pathname.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const canonical = (extension: string): string => SAME_TYPE[extension] ?? extension;

/** What the link of a file named `name` is: its host and whether its own extension disagrees with the name's. */
export function describeFileLink(link: unknown, name: unknown): FileLinkFacts {
  const href = safeUrl(link, true);
  const nameExtension = extensionOf(displayFileName(name, ''));
  if (!href) return { href, host: undefined, nameExtension, linkExtension: undefined, mismatch: false };
  const url = new URL(href);
  const local = url.protocol === 'blob:';
  const linkExtension = local ? undefined : extensionOf(withoutFormatCharacters(lastSegment(url.pathname)));
  return {
    href,
    host: local ? undefined : hostForDisplay(url.hostname, ''),
    nameExtension,
    linkExtension,
    mismatch: nameExtension !== undefined && linkExtension !== undefined && canonical(nameExtension) !== canonical(linkExtension),
  };
}
