/** Something the console lists in a staff-chosen order (categories, a category's items). */
export interface Ordered {
  id: string;
  display_order: number;
}

/** The display_order steps the console writes: room to spare, and never a tie that leaves the order to names. */
const STEP = 10;

/**
 * Moves the entry at `index` one place up (-1) or down (+1) and answers the new display_order of every
 * entry that must change for the list to read in that order: the two neighbours trade theirs when that is
 * enough; where orders tie (everything at 0 reads in name order) the list is renumbered 0, 10, 20..., so a
 * move always shows. Empty when the move would leave the list.
 */
export function moved(list: readonly Ordered[], index: number, delta: -1 | 1): { id: string; display_order: number }[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [];
  const [a, b] = [list[index]!, list[target]!];
  // two neighbours whose orders no other entry shares just trade them: two writes, nothing else touched
  const shared = (order: number) => list.some((e) => e !== a && e !== b && e.display_order === order);
  if (a.display_order !== b.display_order && !shared(a.display_order) && !shared(b.display_order)) {
    return [
      { id: a.id, display_order: b.display_order },
      { id: b.id, display_order: a.display_order },
    ];
  }
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next.flatMap((entry, position) => (entry.display_order === position * STEP ? [] : [{ id: entry.id, display_order: position * STEP }]));
}
