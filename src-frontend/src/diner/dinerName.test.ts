import { beforeEach, describe, expect, it } from 'vitest';
import type { Diner } from '../api/types';
import { cleanName, othersAtTable, rememberName, rememberedName } from './dinerName';

const diner = (id: string, name: string | null, role = 'guest'): Diner => ({ user_id: id, role, joined_at: '2026-12-01T19:00:00Z', name });

describe("a diner's name", () => {
  beforeEach(() => localStorage.clear());

  it('is taken as the orders service takes it', () => {
    expect(cleanName('  Ada ')).toBe('Ada');
    expect(cleanName('Zoë-Anne')).toBe('Zoë-Anne');
    expect(cleanName('雅子')).toBe('雅子');
    expect(cleanName('é'.repeat(40))).toBe('é'.repeat(40));
    for (const bad of ['', '   ', '1234', '--', 'a'.repeat(41), 'Ada\u0007', 'Ada\u202Eevil']) expect(cleanName(bad)).toBeNull();
  });

  it('is remembered per table: a name, no name, or never asked', () => {
    expect(rememberedName('qr-1')).toBeUndefined();
    rememberName('qr-1', 'Ada');
    rememberName('qr-2', null);
    expect(rememberedName('qr-1')).toBe('Ada');
    expect(rememberedName('qr-2')).toBeNull();
    expect(rememberedName('qr-3')).toBeUndefined();
    localStorage.setItem('tavola.diner-name.qr-4', 'not json');
    expect(rememberedName('qr-4')).toBeUndefined();
  });
});

describe('who else is at the table', () => {
  it('names the others and counts those who gave no name, never the diner itself or staff', () => {
    expect(othersAtTable([diner('me', 'Ada')], 'me')).toBeNull();
    expect(othersAtTable([diner('me', null), diner('w', null, 'waiter')], 'me')).toBeNull();
    expect(othersAtTable([diner('me', 'Ada'), diner('b', 'Ben')], 'me')).toBe('Also at this table: Ben');
    expect(othersAtTable([diner('a', 'Ada'), diner('me', null), diner('b', 'Ben')], 'me')).toBe('Also at this table: Ada, Ben');
    expect(othersAtTable([diner('me', 'Ada'), diner('x', null)], 'me')).toBe('Also at this table: 1 other diner');
    expect(othersAtTable([diner('me', 'Ada'), diner('x', null), diner('y', null)], 'me')).toBe('Also at this table: 2 other diners');
    expect(othersAtTable([diner('a', 'Ada'), diner('x', null), diner('me', null)], 'me')).toBe('Also at this table: Ada and 1 more');
  });
});
