/**
 * The "(3) …" prefix of the page title. The title the page had (or later set itself) is kept, and
 * given back once there is nothing unread or no toggle asks for the prefix any more.
 */

/** The title as the page means it, while a prefix is shown. */
let pageTitle: string | undefined;
/** The title last written here, to tell the page's own changes from ours. */
let written: string | undefined;

/** Shows `title(pageTitle)` as the page title, or the page's own title again when `title` is undefined. */
export function setTitlePrefix(title: ((pageTitle: string) => string) | undefined): void {
  if (written === undefined || document.title !== written) pageTitle = document.title;
  if (title === undefined) {
    if (written !== undefined && document.title === written) document.title = pageTitle ?? '';
    written = pageTitle = undefined;
    return;
  }
  written = title(pageTitle ?? '');
  document.title = written;
}
