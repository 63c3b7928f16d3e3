/** Counts past this show as "99+". */
const MAX_SHOWN = 99;

/** An unread count as shown on a badge: exact up to 99, then "99+", in the locale's digits. */
export function formatUnreadCount(count: number, locale?: string): string {
  const format = new Intl.NumberFormat(locale);
  return count > MAX_SHOWN ? `${format.format(MAX_SHOWN)}+` : format.format(count);
}
