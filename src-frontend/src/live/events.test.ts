import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENT_CATALOGUE, type EventType } from '../api/eventCatalogue';
import type { EventPayloads, LiveEvent, Order } from '../api/types';
import { isOrderEvent, isSessionEvent, subjectOf } from './events';

const envelope = (type: string, data: unknown = {}) =>
  ({ event_id: 'e1', type, occurred_at: '2026-12-01T10:00:00Z', restaurant_id: 'r', stream: 'orders', sequence: 1, data }) as LiveEvent;

describe('the event catalogue in the web app', () => {
  it('types a payload for exactly the events of the generated catalogue', () => {
    // checked by the type check (npm run build): a payload for an event the catalogue lost, or none for a new one, fails it
    expectTypeOf<keyof EventPayloads>().toEqualTypeOf<EventType>();
    expectTypeOf<Extract<LiveEvent, { type: 'order.cancelled' }>['data']>().toEqualTypeOf<Order>();
  });

  it('places every event of the catalogue and nothing else', () => {
    const types = Object.keys(EVENT_CATALOGUE);
    expect(types).toContain('order.created');
    for (const type of types) expect(subjectOf(type), type).toBeDefined();
    expect(subjectOf('order.teleported')).toBeUndefined();
    expect(subjectOf('toString')).toBeUndefined();
  });

  it('routes orders and session summaries by their type, not by a prefix', () => {
    expect(isOrderEvent(envelope('order.cancelled'))).toBe(true);
    expect(isOrderEvent(envelope('order.teleported'))).toBe(false);
    expect(isSessionEvent(envelope('session.opened'))).toBe(true);
    expect(isSessionEvent(envelope('session.updated'))).toBe(true);
    expect(isSessionEvent(envelope('session.service_requested'))).toBe(false);
    expect(isSessionEvent(envelope('menu.item_availability_changed'))).toBe(false);
  });
});
