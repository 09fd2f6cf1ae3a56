import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicMenuEntry } from '../api/types';
import { ModifierSheet } from './ModifierSheet';

const pizza: PublicMenuEntry = {
  id: 'p', name: 'Margherita', description: 'Tomato and mozzarella', price: 9.5, image_url: null, preparation_minutes: 12, dietary_tags: [], allergens: ['milk'],
  modifier_groups: [
    { id: 'size', name: 'Size', min_select: 1, max_select: 1, display_order: 0, options: [{ id: 'normal', name: 'Normal', price_delta: 0, display_order: 0 }, { id: 'large', name: 'Large', price_delta: 2, display_order: 1 }] },
    { id: 'extra', name: 'Extras', min_select: 1, max_select: 2, display_order: 1, options: [{ id: 'olive', name: 'Olives', price_delta: 0.5, display_order: 0 }, { id: 'ham', name: 'Ham', price_delta: 1, display_order: 1 }, { id: 'egg', name: 'Egg', price_delta: 1, display_order: 2 }] },
  ],
};

describe('modifier sheet', () => {
  afterEach(cleanup);

  it('refuses to add until the rules are met, then adds with the options, price, quantity and note', () => {
    const onAdd = vi.fn();
    render(<ModifierSheet item={pizza} currency="EUR" onClose={() => undefined} onAdd={onAdd} />);
    expect(screen.getByRole('dialog', { name: 'Margherita' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Add to order/ }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Extras: choose at least 1');

    fireEvent.click(screen.getByRole('radio', { name: /Large/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Olives/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Ham/ }));
    expect((screen.getByRole('checkbox', { name: /Egg/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'One more' }));
    fireEvent.change(screen.getByLabelText(/Note for the kitchen/), { target: { value: 'well done' } });
    const add = screen.getByRole('button', { name: /Add to order/ });
    expect(add.textContent).toContain('26.00');
    fireEvent.click(add);
    expect(onAdd).toHaveBeenCalledWith({ optionIds: ['large', 'olive', 'ham'], optionNames: ['Large', 'Olives', 'Ham'], unitCents: 1300, quantity: 2, note: 'well done' });
  });
});
