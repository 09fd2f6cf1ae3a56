import type { Diner } from '../api/types';

/**
 * The first name a diner gives the table (issue 17), remembered per table in this browser so the page asks
 * once: the next visit joins the table with it.
 */
const storageKey = (qrToken: string) => `tavola.diner-name.${qrToken}`;

export const NAME_MAX = 40;

/** The name as the orders service takes it (trimmed, 1–40 characters, a letter, nothing invisible), or null. */
export function cleanName(given: string): string | null {
  const name = given.trim();
  const length = [...name].length;
  if (length < 1 || length > NAME_MAX) return null;
  if (/[\p{Cc}\p{Cf}]/u.test(name) || !/\p{L}/u.test(name)) return null;
  return name;
}

/** What the diner answered at this table before: a name, null (chose to give none), or undefined (never asked). */
export function rememberedName(qrToken: string): string | null | undefined {
  try {
    const stored = localStorage.getItem(storageKey(qrToken));
    if (stored === null) return undefined;
    const { name } = JSON.parse(stored) as { name?: unknown };
    return typeof name === 'string' ? cleanName(name) : null;
  } catch {
    // storage switched off or written by hand: ask again
    return undefined;
  }
}

export function rememberName(qrToken: string, name: string | null): void {
  try {
    localStorage.setItem(storageKey(qrToken), JSON.stringify({ name }));
  } catch {
    // a browser without storage asks again next time
  }
}

/**
 * Who else is at the table, as the diner page says it: the guests other than `me` (staff who ordered for
 * the table are not diners), by the names they gave, the rest counted. Null when nobody else is there.
 */
export function othersAtTable(diners: Diner[], me: string | null): string | null {
  const others = diners.filter((d) => d.role === 'guest' && d.user_id !== me);
  if (others.length === 0) return null;
  const names = others.flatMap((d) => (d.name ? [d.name] : []));
  const unnamed = others.length - names.length;
  if (names.length === 0) return `Also at this table: ${unnamed} other ${unnamed === 1 ? 'diner' : 'diners'}`;
  return `Also at this table: ${names.join(', ')}${unnamed > 0 ? ` and ${unnamed} more` : ''}`;
}
