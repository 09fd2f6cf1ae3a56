import type { Bill, BillPart, Modifier } from '../api/types';
import { formatMoney } from '../lib/money';

/**
 * Whose part of the bill this is. Split by what each ordered: "You" for the caller's own part (`me`, the
 * diner's id; staff pass none), the others by the first name they gave the table, else "Guest 2" by the
 * part's number. Split in equal parts: "Person 2".
 */
export function partLabel(mode: Bill['split']['mode'], part: BillPart, me?: string | null): string {
  if (mode !== 'items') return `Person ${part.part}`;
  if (me && part.diner_id === me) return 'You';
  return part.name ?? `Guest ${part.part}`;
}

/** A dish's options as the bill prints them: "Large (+€2.00), Olives (+€0.50)"; options at no charge by name alone. */
export function modifierLine(modifiers: Modifier[], currency: string): string {
  return modifiers.map((m) => (m.price_delta ? `${m.name} (${m.price_delta > 0 ? '+' : '−'}${formatMoney(Math.abs(m.price_delta), currency)})` : m.name)).join(', ');
}
