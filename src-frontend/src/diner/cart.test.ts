import { beforeEach, describe, expect, it } from 'vitest';
import { cartCount, cartTotalCents, lineKey, useCart } from './cart';

const margherita = { menuItemId: 'm', name: 'Margherita', optionIds: ['large'], optionNames: ['Large'], unitCents: 1150, note: '' };

describe('cart', () => {
  beforeEach(() => {
    useCart.setState({ table: null, lines: [] });
    useCart.getState().forTable('qr-1');
  });

  it('merges the same item with the same options and note into one line', () => {
    useCart.getState().add(margherita);
    useCart.getState().add({ ...margherita, optionIds: ['large'] }, 2);
    expect(useCart.getState().lines).toHaveLength(1);
    expect(useCart.getState().lines[0]!.quantity).toBe(3);
  });

  it('keeps different options or notes apart (option order does not matter)', () => {
    useCart.getState().add(margherita);
    useCart.getState().add({ ...margherita, note: 'no basil' });
    useCart.getState().add({ ...margherita, optionIds: [] });
    expect(useCart.getState().lines).toHaveLength(3);
    expect(lineKey('m', ['a', 'b'], ' x ')).toBe(lineKey('m', ['b', 'a'], 'x'));
  });

  it('adds up count and total in cents', () => {
    useCart.getState().add(margherita, 2);
    useCart.getState().add({ ...margherita, menuItemId: 't', name: 'Tiramisu', optionIds: [], unitCents: 650 });
    const lines = useCart.getState().lines;
    expect(cartCount(lines)).toBe(3);
    expect(cartTotalCents(lines)).toBe(2 * 1150 + 650);
  });

  it('removes a line when its quantity drops to zero and caps it at 99', () => {
    useCart.getState().add(margherita);
    const key = useCart.getState().lines[0]!.key;
    useCart.getState().setQuantity(key, 500);
    expect(useCart.getState().lines[0]!.quantity).toBe(99);
    useCart.getState().setQuantity(key, 0);
    expect(useCart.getState().lines).toEqual([]);
  });

  it('starts empty at another table and keeps the cart when the same table opens again', () => {
    useCart.getState().add(margherita);
    useCart.getState().forTable('qr-1');
    expect(useCart.getState().lines).toHaveLength(1);
    useCart.getState().forTable('qr-2');
    expect(useCart.getState().lines).toEqual([]);
  });

  it('survives a reload of the tab (session storage)', () => {
    useCart.getState().add(margherita);
    const stored = JSON.parse(sessionStorage.getItem('tavola.cart') ?? '{}');
    expect(stored.state.lines[0].name).toBe('Margherita');
    expect(stored.state.table).toBe('qr-1');
  });
});
