import { describe, expect, it } from 'vitest';
import type { EventType } from '../api/eventCatalogue';
import type { LiveEvent } from '../api/types';
import { alertOf } from './AdminLayout';

const envelope = (type: EventType, data: unknown) => ({ event_id: 'e1', type, occurred_at: '2026-11-25T10:00:00Z', restaurant_id: 'r', data }) as LiveEvent;

describe('console alerts', () => {
  it('turns table calls and low ratings into alerts, and nothing else', () => {
    expect(alertOf(envelope('session.service_requested', { session_id: 's', table_id: 't', table_label: 'Sala 2', kind: 'bill', requested_at: '2026-11-25T10:00:00Z' }))?.text).toMatch(/^Sala 2 asks for the bill/);
    expect(alertOf(envelope('session.service_requested', { session_id: 's', table_id: 't', table_label: null, kind: 'waiter', requested_at: '2026-11-25T10:00:00Z' }))?.text).toMatch(/^A table calls a waiter/);
    expect(alertOf(envelope('feedback.low_rating', { feedback_id: 'f', order_id: 'o', rating: 1, comment: 'cold' }))).toEqual({ id: 'e1', kind: 'rating', text: 'A diner rated an order 1/5: “cold”' });
    expect(alertOf(envelope('order.created', {}))).toBeNull();
  });

  it('tells a call for a waiter from a bill request (each its own colour and sound)', () => {
    const request = (kind: string) => envelope('session.service_requested', { session_id: 's', table_id: 't', table_label: 'Sala 2', kind, requested_at: '2026-11-25T10:00:00Z' });
    expect(alertOf(request('waiter'))?.kind).toBe('waiter');
    expect(alertOf(request('bill'))?.kind).toBe('bill');
  });

  it("says when the table called by the restaurant's clock", () => {
    const call = envelope('session.service_requested', { session_id: 's', table_id: 't', table_label: 'Sala 2', kind: 'waiter', requested_at: '2026-11-25T10:00:00Z' });
    expect(alertOf(call, 'Europe/Rome')?.text).toMatch(/\(11:00( AM)?\)$/);
    expect(alertOf(call, 'America/New_York')?.text).toMatch(/\(05:00( AM)?\)$/);
  });
});
