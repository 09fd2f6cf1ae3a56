import { describe, expect, it } from 'vitest';
import type { ModifierGroup } from '../api/types';
import { canPick, defaultSelection, ruleText, selectedOptionIds, selectionErrors, toggleOption, unitPriceCents } from './modifiers';

const size: ModifierGroup = {
  id: 'size', name: 'Size', min_select: 1, max_select: 1, display_order: 0,
  options: [
    { id: 'small', name: 'Small', price_delta: 0, display_order: 0 },
    { id: 'large', name: 'Large', price_delta: 2, display_order: 1 },
  ],
};
const extras: ModifierGroup = {
  id: 'extras', name: 'Extras', min_select: 0, max_select: 2, display_order: 1,
  options: [
    { id: 'olives', name: 'Olives', price_delta: 0.5, display_order: 0 },
    { id: 'ham', name: 'Ham', price_delta: 1.2, display_order: 1 },
    { id: 'egg', name: 'Egg', price_delta: 0.8, display_order: 2 },
  ],
};
const sauce: ModifierGroup = { id: 'sauce', name: 'Sauce', min_select: 0, max_select: 1, display_order: 2, options: [{ id: 'bbq', name: 'BBQ', price_delta: 0, display_order: 0 }] };

describe('modifier selection rules', () => {
  it('starts required single-choice groups on their first option and leaves optional groups empty', () => {
    expect(defaultSelection([size, extras, sauce])).toEqual({ size: ['small'], extras: [], sauce: [] });
  });

  it('replaces the pick in a single-choice group, like a radio button', () => {
    expect(toggleOption({ size: ['small'] }, size, 'large')).toEqual({ size: ['large'] });
  });

  it('keeps the only pick of a required single-choice group when it is tapped again', () => {
    const s = { size: ['large'] };
    expect(toggleOption(s, size, 'large')).toBe(s);
  });

  it('lets an optional single choice be taken back', () => {
    expect(toggleOption({ sauce: ['bbq'] }, sauce, 'bbq')).toEqual({ sauce: [] });
  });

  it('stops a multi-choice group at its maximum and says the rest cannot be picked', () => {
    let s = toggleOption({}, extras, 'olives');
    s = toggleOption(s, extras, 'ham');
    expect(toggleOption(s, extras, 'egg')).toBe(s);
    expect(canPick(s, extras, 'egg')).toBe(false);
    expect(canPick(s, extras, 'ham')).toBe(true);
    expect(toggleOption(s, extras, 'olives')).toEqual({ extras: ['ham'] });
  });

  it('names what is wrong in the restaurant service words', () => {
    expect(selectionErrors([size, extras], { size: [], extras: [] })).toEqual({ size: 'Size: choose exactly 1' });
    const atLeast: ModifierGroup = { ...extras, min_select: 1 };
    expect(selectionErrors([atLeast], { extras: [] })).toEqual({ extras: 'Extras: choose at least 1' });
    expect(selectionErrors([extras], { extras: ['olives', 'ham', 'egg'] })).toEqual({ extras: 'Extras: choose at most 2' });
    expect(selectionErrors([size, extras], { size: ['large'], extras: ['ham'] })).toEqual({});
  });

  it('prices a unit with its options in cents, without floating-point drift', () => {
    expect(unitPriceCents(9.5, [size, extras], { size: ['large'], extras: ['olives', 'ham'] })).toBe(950 + 200 + 50 + 120);
    expect(unitPriceCents(0.1, [extras], { extras: ['egg'] })).toBe(90);
  });

  it('lists the picked option ids in menu order', () => {
    expect(selectedOptionIds([size, extras], { extras: ['ham', 'olives'], size: ['large'] })).toEqual(['large', 'olives', 'ham']);
  });

  it('describes each rule for the diner', () => {
    expect(ruleText(size)).toBe('Choose 1');
    expect(ruleText(extras)).toBe('Optional, up to 2');
    expect(ruleText({ ...extras, min_select: 1, max_select: 3 })).toBe('Choose 1 to 3');
  });
});
