import type { Category, MenuItem, MenuItemRequest } from '../api/types';

/**
 * The full update (PUT) of an item as it is now, or a new item's blank: the editor starts from it, and a
 * rename or a move sends it with one field changed (modifier ids kept, so orders in flight stay valid).
 */
export function draftOf(item: MenuItem | null, categories: Category[]): MenuItemRequest {
  if (!item) {
    return { category_id: categories[0]?.id ?? '', name: '', description: '', price: 0, is_available: true, preparation_minutes: 10, dietary_tags: [], allergens: [], modifier_groups: [] };
  }
  return {
    category_id: item.category_id,
    name: item.name,
    description: item.description ?? '',
    price: item.price,
    is_available: item.is_available,
    preparation_minutes: item.preparation_minutes,
    dietary_tags: item.dietary_tags,
    allergens: item.allergens,
    display_order: item.display_order,
    modifier_groups: item.modifier_groups.map((g) => ({
      id: g.id,
      name: g.name,
      min_select: g.min_select,
      max_select: g.max_select,
      options: g.options.map((o) => ({ id: o.id, name: o.name, price_delta: o.price_delta })),
    })),
  };
}
