// Generated from io.tavola.common.event.EventType by common's EventCatalogueTest: do not edit.
// After a change to the enum: ./mvnw -B -q -pl common test -Dtest=EventCatalogueTest -Dtavola.catalogue.write=true

/** Every event of Tavola's catalogue by its wire type, with its stream (docs/contracts.md). */
export const EVENT_CATALOGUE = {
  'order.created': { stream: 'orders' },
  'order.status_changed': { stream: 'orders' },
  'order.cancelled': { stream: 'orders' },
  'session.opened': { stream: 'orders' },
  'session.updated': { stream: 'orders' },
  'session.closed': { stream: 'orders' },
  'session.service_requested': { stream: 'orders' },
  'menu.item_availability_changed': { stream: 'menu' },
  'menu.changed': { stream: 'menu' },
  'feedback.low_rating': { stream: 'feedback' },
} as const;

/** An event's `type` on the wire. */
export type EventType = keyof typeof EVENT_CATALOGUE;

/** The streams events are numbered in (an envelope's `stream`). */
export type EventStream = (typeof EVENT_CATALOGUE)[EventType]['stream'];
