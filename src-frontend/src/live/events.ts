import type { EventType } from '../api/eventCatalogue';
import type { LiveEvent } from '../api/types';

/** The part of a screen's state an event updates. */
export type EventSubject = 'order' | 'session' | 'service_request' | 'menu' | 'feedback';

/**
 * The subject of every event of the catalogue (docs/contracts.md). Exhaustive on purpose: when the Java
 * catalogue gains an event, `eventCatalogue.ts` is regenerated and this does not compile until the new
 * event is placed, so no screen routes it by a guess.
 */
const SUBJECTS = {
  'order.created': 'order',
  'order.status_changed': 'order',
  'order.cancelled': 'order',
  'session.opened': 'session',
  'session.updated': 'session',
  'session.closed': 'session',
  'session.service_requested': 'service_request',
  'menu.item_availability_changed': 'menu',
  'menu.changed': 'menu',
  'feedback.low_rating': 'feedback',
} as const satisfies Record<EventType, EventSubject>;

type Subjects = typeof SUBJECTS;
type TypesOf<S extends EventSubject> = { [K in EventType]: Subjects[K] extends S ? K : never }[EventType];

/** An order's new version: created, moved on, cancelled. */
export type OrderEvent = Extract<LiveEvent, { type: TypesOf<'order'> }>;
/** A table session's summary (its total, its status): opened, updated, closed. */
export type SessionEvent = Extract<LiveEvent, { type: TypesOf<'session'> }>;

/** The subject of an event's type; undefined for a type newer than this app (a kitchen may receive those). */
export function subjectOf(type: string): EventSubject | undefined {
  return Object.hasOwn(SUBJECTS, type) ? SUBJECTS[type as EventType] : undefined;
}

export function isOrderEvent(event: LiveEvent): event is OrderEvent {
  return subjectOf(event.type) === 'order';
}

export function isSessionEvent(event: LiveEvent): event is SessionEvent {
  return subjectOf(event.type) === 'session';
}
