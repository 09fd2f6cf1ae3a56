import { describe, expect, it } from 'vitest';
import type { PublicMenu, PublicMenuEntry } from '../api/types';
import { mergeMenu, passesFilter, rememberMenu, shownDinerMenu, shownMenu, withAvailability } from './menuView';

const entry = (id: string, extra: Partial<PublicMenuEntry> = {}): PublicMenuEntry => ({
  id, name: id, description: null, price: 5, image_url: null, preparation_minutes: 5, dietary_tags: [], allergens: [], modifier_groups: [], ...extra,
});
const menu = (items: PublicMenuEntry[]): PublicMenu => ({
  restaurant: { id: 'r', name: 'Roma', description: null, address: null, phone: null, logo_url: null, currency: 'EUR', time_zone: 'Europe/Rome' },
  categories: items.length ? [{ id: 'pizze', name: 'Pizze', description: null, items }] : [],
});

describe('diner menu view', () => {
  it('greys out an item the diner saw that the menu no longer lists (86), in its place', () => {
    const first = menu([entry('margherita'), entry('diavola')]);
    const seen = rememberMenu({}, first);
    const shown = shownMenu(menu([entry('margherita')]), seen, {});
    expect(shown[0]!.items.map((i) => [i.id, i.available])).toEqual([['margherita', true], ['diavola', false]]);
  });

  it('applies live availability before the menu is fetched again', () => {
    const m = menu([entry('margherita')]);
    expect(shownMenu(m, rememberMenu({}, m), { margherita: false })[0]!.items[0]!.available).toBe(false);
    expect(shownMenu(m, rememberMenu({}, m), { margherita: true })[0]!.items[0]!.available).toBe(true);
  });

  it('keeps showing a category whose every item was 86d', () => {
    const m = menu([entry('margherita')]);
    const shown = shownMenu(menu([]), rememberMenu({}, m), {});
    expect(shown).toHaveLength(1);
    expect(shown[0]!.items[0]).toMatchObject({ id: 'margherita', available: false });
  });

  it('filters by allergens to avoid and dietary tags to require', () => {
    const pesto = entry('pesto', { allergens: ['nuts', 'milk'], dietary_tags: ['vegetarian'] });
    const salad = entry('salad', { dietary_tags: ['vegan', 'vegetarian'] });
    expect(passesFilter(pesto, { avoidAllergens: ['nuts'], requireTags: [] })).toBe(false);
    expect(passesFilter(salad, { avoidAllergens: ['nuts'], requireTags: ['vegan'] })).toBe(true);
    expect(passesFilter(pesto, { avoidAllergens: [], requireTags: ['vegetarian'] })).toBe(true);
    expect(passesFilter(pesto, { avoidAllergens: [], requireTags: ['vegan'] })).toBe(false);
  });
});

describe('the diner menu in the query cache', () => {
  it('remembers what was seen across fetches and keeps the live availability', () => {
    const first = mergeMenu(undefined, menu([entry('margherita'), entry('diavola')]));
    const told = withAvailability(first, 'diavola', false);
    expect(shownDinerMenu(told)[0]!.items.map((i) => [i.id, i.available])).toEqual([['margherita', true], ['diavola', false]]);
    // the next fetch leaves the 86'd item out: it stays in its place, greyed
    const refetched = mergeMenu(told, menu([entry('margherita')]));
    expect(shownDinerMenu(refetched)[0]!.items.map((i) => [i.id, i.available])).toEqual([['margherita', true], ['diavola', false]]);
    // back on the menu
    const back = mergeMenu(withAvailability(refetched, 'diavola', true), menu([entry('margherita'), entry('diavola')]));
    expect(shownDinerMenu(back)[0]!.items.every((i) => i.available)).toBe(true);
  });
});
