import type { EventType } from './eventCatalogue';

// The JSON shapes of the gateway's API (docs/contracts.md and the services' DTO records), snake_case as on the wire.

export type Uuid = string;

export type Role = 'master_admin' | 'restaurant_admin' | 'chef' | 'waiter' | 'customer' | 'guest';

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

export interface GuestToken {
  access_token: string;
  token_type: string;
  expires_in: number;
  restaurant_id: Uuid;
  table_id: Uuid;
  table_label: string | null;
  restaurant_name: string | null;
}

export interface User {
  id: Uuid;
  username: string;
  email: string;
  role: Role;
  restaurant_id: Uuid | null;
  is_active: boolean;
  is_verified: boolean;
  created_at: string;
  last_login_at: string | null;
}

export interface Restaurant {
  id: Uuid;
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  description: string | null;
  logo_url: string | null;
  currency: string;
  time_zone: string;
  is_active: boolean;
  subscription_plan: string;
  subscription_status: string;
  order_confirmation_required: boolean;
  service_request_cooldown_seconds: number;
  /** A kitchen ticket this many minutes old turns amber, and red at kitchen_late_minutes. */
  kitchen_warning_minutes: number;
  kitchen_late_minutes: number;
  created_at: string;
  updated_at: string;
}

export interface Category {
  id: Uuid;
  restaurant_id: Uuid;
  name: string;
  description: string | null;
  display_order: number;
}

export interface ModifierOption {
  id: Uuid;
  name: string;
  price_delta: number;
  display_order: number;
}

export interface ModifierGroup {
  id: Uuid;
  name: string;
  min_select: number;
  max_select: number;
  display_order: number;
  options: ModifierOption[];
}

export interface MenuItem {
  id: Uuid;
  restaurant_id: Uuid;
  category_id: Uuid;
  name: string;
  description: string | null;
  price: number;
  image_url: string | null;
  is_available: boolean;
  preparation_minutes: number | null;
  dietary_tags: string[];
  allergens: string[];
  display_order: number;
  modifier_groups: ModifierGroup[];
}

export interface MenuItemRequest {
  category_id: Uuid;
  name: string;
  description?: string | null;
  price: number;
  is_available?: boolean;
  preparation_minutes?: number | null;
  dietary_tags?: string[];
  allergens?: string[];
  display_order?: number;
  modifier_groups?: {
    id?: Uuid;
    name: string;
    min_select: number;
    max_select: number;
    options: { id?: Uuid; name: string; price_delta: number }[];
  }[];
}

export interface PublicMenuEntry {
  id: Uuid;
  name: string;
  description: string | null;
  price: number;
  image_url: string | null;
  preparation_minutes: number | null;
  dietary_tags: string[];
  allergens: string[];
  modifier_groups: ModifierGroup[];
}

export interface PublicMenu {
  restaurant: {
    id: Uuid;
    name: string;
    description: string | null;
    address: string | null;
    phone: string | null;
    logo_url: string | null;
    currency: string;
    time_zone: string;
  };
  categories: { id: Uuid; name: string; description: string | null; items: PublicMenuEntry[] }[];
}

export type TableStatus = 'available' | 'occupied' | 'reserved' | 'cleaning';

export interface DiningTable {
  id: Uuid;
  restaurant_id: Uuid;
  table_number: string;
  label: string | null;
  capacity: number;
  status: TableStatus;
  zone: string | null;
  is_active: boolean;
  qr_token: string;
  qr_url: string;
}

export interface QrLookup {
  restaurant_id: Uuid;
  table_id: Uuid;
  table_number: string;
  label: string | null;
  restaurant_name: string;
  currency: string;
}

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'PREPARING' | 'READY' | 'SERVED' | 'COMPLETED' | 'CANCELLED';

export interface OrderItem {
  menu_item_id: Uuid;
  name: string;
  quantity: number;
  unit_price: number;
  modifiers: { option_id: Uuid; name: string; price_delta: number }[];
  note: string | null;
  line_total: number;
}

export interface Order {
  id: Uuid;
  restaurant_id: Uuid;
  session_id: Uuid | null;
  table_id: Uuid | null;
  table_label: string | null;
  customer_id: Uuid | null;
  type: 'dine_in' | 'takeaway';
  status: OrderStatus;
  currency: string;
  total_amount: number;
  note: string | null;
  items: OrderItem[];
  created_at: string;
  updated_at: string;
  status_history: { from: OrderStatus | null; to: OrderStatus; at: string; by: Uuid | null; by_role: string | null }[];
}

export interface PlaceOrderRequest {
  note?: string;
  table_label?: string;
  items: { menu_item_id: Uuid; quantity: number; modifier_option_ids: Uuid[]; note?: string }[];
}

export interface SessionSummary {
  id: Uuid;
  restaurant_id: Uuid;
  table_id: Uuid;
  table_label: string | null;
  status: string;
  opened_at: string;
  closed_at: string | null;
  total_amount: number;
  currency: string;
}

/** Who is at the table; `name` is the first name the diner gave, or null. */
export interface Diner {
  user_id: Uuid;
  role: string;
  joined_at: string;
  name: string | null;
}

export interface TableSession extends SessionSummary {
  diners: Diner[];
  orders: Order[];
}

export type Modifier = OrderItem['modifiers'][number];

export interface BillPart {
  part: number;
  /** For a split by items: who placed the part's orders, and the name they gave the table (or null). */
  diner_id: Uuid | null;
  name: string | null;
  subtotal: number;
  tip: number;
  amount: number;
}

export interface Bill {
  session_id: Uuid;
  table_id: Uuid;
  table_label: string | null;
  status: string;
  currency: string;
  /** One per ordered item. */
  lines: { order_id: Uuid; diner_id: Uuid | null; menu_item_id: Uuid; name: string; quantity: number; unit_price: number; modifiers: Modifier[]; line_total: number }[];
  /** Identical dishes (same item, same options, same unit price) on one line, as the diners read the bill. */
  grouped_lines: { menu_item_id: Uuid; name: string; modifiers: Modifier[]; quantity: number; unit_price: number; line_total: number }[];
  subtotal: number;
  tip: number;
  total: number;
  split: { mode: 'none' | 'equal' | 'items'; parts: BillPart[] };
}

export interface ServiceRequested {
  session_id: Uuid;
  table_id: Uuid;
  table_label: string | null;
  kind: 'waiter' | 'bill';
  requested_at: string;
}

export interface SalesReport {
  restaurant_id: Uuid;
  currency: string | null;
  time_zone: string;
  from: string;
  to: string;
  summary: { order_count: number; revenue: number; average_ticket: number | null; average_preparation_minutes: number | null };
  by_day: { date: string; order_count: number; revenue: number }[];
  by_hour: { hour: number; order_count: number; revenue: number }[];
  popular_items: { menu_item_id: Uuid; name: string; quantity: number; revenue: number }[];
}

export interface Feedback {
  id: Uuid;
  restaurant_id: Uuid;
  order_id: Uuid;
  rating: number;
  comment: string | null;
  author: string;
  created_at: string;
}

export interface FeedbackPage extends Page<Feedback> {
  average_rating: number | null;
  distribution: Record<string, number>;
}

/**
 * An event envelope (DESIGN.md, Events) as the gateway's WebSockets push it; `stream` and `sequence` (the
 * restaurant's number in that stream, 1, 2, 3...) let a screen see that it missed one. `type` is one of the
 * catalogue's (`eventCatalogue.ts`, generated from the Java enum); a kitchen may also receive a type newer
 * than this app, which `live/events.ts` places nowhere.
 */
export interface EventEnvelope<T = unknown, K extends EventType = EventType> {
  event_id: Uuid;
  type: K;
  occurred_at: string;
  restaurant_id: Uuid;
  stream?: string;
  sequence?: number;
  data: T;
}

/** `data` of `menu.item_availability_changed`. */
export interface ItemAvailability {
  menu_item_id: Uuid;
  name: string;
  is_available: boolean;
}

/** `data` of `menu.changed`: what diners see changed; an open menu reads the menu again. */
export interface MenuChanged {
  change: 'item_added' | 'item_changed' | 'item_removed' | 'category_added' | 'category_changed' | 'category_removed';
  menu_item_id: Uuid | null;
  category_id: Uuid | null;
}

/** `data` of `feedback.low_rating`. */
export interface LowRating {
  feedback_id: Uuid;
  order_id: Uuid;
  rating: number;
  comment: string | null;
}

/** What each event of the catalogue carries as `data` (docs/contracts.md, Event catalogue). */
export interface EventPayloads {
  'order.created': Order;
  'order.status_changed': Order;
  'order.cancelled': Order;
  'session.opened': SessionSummary;
  'session.updated': SessionSummary;
  'session.closed': SessionSummary;
  'session.service_requested': ServiceRequested;
  'menu.item_availability_changed': ItemAvailability;
  'menu.changed': MenuChanged;
  'feedback.low_rating': LowRating;
}

/** Any event of the catalogue, its `data` typed by its `type` (an event without a payload here does not compile). */
export type LiveEvent = { [K in EventType]: EventEnvelope<EventPayloads[K], K> }[EventType];

/** What a snapshot is current to, per stream (docs/contracts.md, live updates). */
export type SnapshotSequences = Record<string, number>;

export type LiveMessage =
  | { kind: 'snapshot'; scope: 'kitchen'; restaurant_id: Uuid; orders: Order[]; sequences?: SnapshotSequences }
  | { kind: 'snapshot'; scope: 'session'; session: TableSession; sequences?: SnapshotSequences }
  | { kind: 'event'; event: LiveEvent }
  | { kind: 'feed'; state: 'down' }
  | { kind: 'heartbeat'; at: string };
