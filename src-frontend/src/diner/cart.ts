import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';

export interface CartLine {
  key: string;
  menuItemId: string;
  name: string;
  optionIds: string[];
  optionNames: string[];
  unitCents: number;
  quantity: number;
  note: string;
}

interface CartState {
  /** The table (QR token) this cart belongs to: a cart never travels to another table. */
  table: string | null;
  lines: CartLine[];
  forTable(table: string): void;
  add(line: Omit<CartLine, 'key' | 'quantity'>, quantity?: number): void;
  setQuantity(key: string, quantity: number): void;
  remove(key: string): void;
  clear(): void;
}

/** Same item, same options, same note: one line with a quantity. */
export function lineKey(menuItemId: string, optionIds: string[], note: string): string {
  return [menuItemId, [...optionIds].sort().join('+'), note.trim()].join('|');
}

export const useCart = create<CartState>()(
  persist(
    (set) => ({
      table: null,
      lines: [],
      forTable: (table) => set((s) => (s.table === table ? s : { table, lines: [] })),
      add: (line, quantity = 1) =>
        set((s) => {
          const key = lineKey(line.menuItemId, line.optionIds, line.note);
          const existing = s.lines.find((l) => l.key === key);
          if (existing) {
            return { lines: s.lines.map((l) => (l.key === key ? { ...l, quantity: Math.min(99, l.quantity + quantity) } : l)) };
          }
          return { lines: [...s.lines, { ...line, note: line.note.trim(), key, quantity: Math.min(99, quantity) }] };
        }),
      setQuantity: (key, quantity) =>
        set((s) => ({
          lines: quantity <= 0 ? s.lines.filter((l) => l.key !== key) : s.lines.map((l) => (l.key === key ? { ...l, quantity: Math.min(99, quantity) } : l)),
        })),
      remove: (key) => set((s) => ({ lines: s.lines.filter((l) => l.key !== key) })),
      clear: () => set({ lines: [] }),
    }),
    { name: 'tavola.cart', storage: createJSONStorage(() => sessionStorage) },
  ),
);

export function cartTotalCents(lines: CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0);
}

export function cartCount(lines: CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.quantity, 0);
}
