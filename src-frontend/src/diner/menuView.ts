import type { PublicMenu, PublicMenuEntry } from '../api/types';

export interface ShownItem extends PublicMenuEntry {
  available: boolean;
}

export interface ShownCategory {
  id: string;
  name: string;
  description: string | null;
  items: ShownItem[];
}

/**
 * The menu as the diner sees it. The public menu leaves 86'd items out; items the diner already saw
 * stay in place greyed out instead of vanishing, and live availability events override both.
 */
export function shownMenu(
  latest: PublicMenu,
  seen: Record<string, { categoryId: string; entry: PublicMenuEntry }>,
  availability: Record<string, boolean>,
): ShownCategory[] {
  const present = new Set(latest.categories.flatMap((c) => c.items.map((i) => i.id)));
  return latest.categories
    .map((c) => {
      const items: ShownItem[] = c.items.map((i) => ({ ...i, available: availability[i.id] ?? true }));
      for (const [id, s] of Object.entries(seen)) {
        if (s.categoryId === c.id && !present.has(id)) items.push({ ...s.entry, available: false });
      }
      return { id: c.id, name: c.name, description: c.description, items };
    })
    .concat(
      // a category whose every item went away still shows them, greyed
      Object.values(
        Object.entries(seen).reduce<Record<string, ShownCategory>>((acc, [id, s]) => {
          if (present.has(id) || latest.categories.some((c) => c.id === s.categoryId)) return acc;
          const cat = acc[s.categoryId] ?? { id: s.categoryId, name: 'Unavailable now', description: null, items: [] };
          cat.items.push({ ...s.entry, available: false });
          acc[s.categoryId] = cat;
          return acc;
        }, {}),
      ),
    );
}

/**
 * The diner's menu as kept in the query cache: the latest public menu, every item seen since the page
 * opened (so an 86'd item greys out instead of vanishing) and the availability the live events told.
 */
export interface DinerMenu {
  latest: PublicMenu;
  seen: Record<string, { categoryId: string; entry: PublicMenuEntry }>;
  availability: Record<string, boolean>;
}

/** A freshly fetched menu merged into what the page knew before. */
export function mergeMenu(previous: DinerMenu | undefined, latest: PublicMenu): DinerMenu {
  return { latest, seen: rememberMenu(previous?.seen ?? {}, latest), availability: previous?.availability ?? {} };
}

/** The menu after a live availability change (an 86 or its end). */
export function withAvailability(menu: DinerMenu, menuItemId: string, available: boolean): DinerMenu {
  return { ...menu, availability: { ...menu.availability, [menuItemId]: available } };
}

export function shownDinerMenu(menu: DinerMenu): ShownCategory[] {
  return shownMenu(menu.latest, menu.seen, menu.availability);
}

/** Remembers every item of a fetched menu with its category. */
export function rememberMenu(
  seen: Record<string, { categoryId: string; entry: PublicMenuEntry }>,
  menu: PublicMenu,
): Record<string, { categoryId: string; entry: PublicMenuEntry }> {
  const next = { ...seen };
  for (const c of menu.categories) for (const i of c.items) next[i.id] = { categoryId: c.id, entry: i };
  return next;
}

export interface MenuFilter {
  /** Hide items that contain any of these allergens. */
  avoidAllergens: string[];
  /** Show only items carrying all of these dietary tags. */
  requireTags: string[];
}

export function passesFilter(item: PublicMenuEntry, filter: MenuFilter): boolean {
  return (
    !item.allergens.some((a) => filter.avoidAllergens.includes(a)) && filter.requireTags.every((t) => item.dietary_tags.includes(t))
  );
}

export function words(code: string): string {
  const special: Record<string, string> = { cereals_gluten: 'gluten', gluten_free: 'gluten-free', dairy_free: 'dairy-free', nut_free: 'nut-free', low_carb: 'low-carb' };
  return special[code] ?? code.replace(/_/g, ' ');
}
