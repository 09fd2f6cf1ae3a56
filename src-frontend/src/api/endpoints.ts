import { qs, request } from './client';
import type {
  Bill, Category, Diner, DiningTable, Feedback, FeedbackPage, GuestToken, MenuItem, MenuItemRequest, Order, OrderStatus, Page,
  PlaceOrderRequest, PublicMenu, QrLookup, Restaurant, Role, SalesReport, ServiceRequested, SessionSummary,
  TableSession, TableStatus, User, Uuid,
} from './types';

const r = (rid: Uuid) => `/api/v1/restaurants/${encodeURIComponent(rid)}`;

/** Public endpoints a diner uses before and after getting a guest token. */
export const dinerApi = {
  lookupTable: (qrToken: string) => request<QrLookup>(`/api/v1/tables/${encodeURIComponent(qrToken)}`, { auth: 'none' }),
  guestToken: (qrToken: string) =>
    request<GuestToken>('/api/v1/auth/guest', { method: 'POST', body: { qr_token: qrToken }, auth: 'none' }),
  menu: (rid: Uuid) => request<PublicMenu>(`${r(rid)}/menu`, { auth: 'none' }),
  /**
   * Joins (or opens) the table's session; the label is what staff and the kitchen see for it, the name (if the
   * diner gave one at this table before) what the others at the table see.
   */
  joinSession: (tableLabel: string, dinerName: string | null) =>
    request<TableSession>('/api/v1/sessions', { method: 'POST', body: { table_label: tableLabel, diner_name: dinerName ?? undefined }, auth: 'guest' }),
  session: (id: Uuid) => request<TableSession>(`/api/v1/sessions/${id}`, { auth: 'guest' }),
  /** The open session of the guest's table (a plain read, without the live snapshot's sequence). */
  currentSession: () => request<TableSession>('/api/v1/sessions/current', { auth: 'guest' }),
  /** Gives the diner's place at the table a first name, or with null takes it back. */
  nameMe: (sessionId: Uuid, name: string | null) => request<Diner>(`/api/v1/sessions/${sessionId}/me`, { method: 'PUT', body: { name }, auth: 'guest' }),
  placeOrder: (body: PlaceOrderRequest, idempotencyKey: string) =>
    request<Order>('/api/v1/orders', { method: 'POST', body, auth: 'guest', headers: { 'Idempotency-Key': idempotencyKey } }),
  cancelOrder: (id: Uuid) =>
    request<Order>(`/api/v1/orders/${id}/status`, { method: 'PUT', body: { status: 'CANCELLED' }, auth: 'guest' }),
  serviceRequest: (sessionId: Uuid, kind: 'waiter' | 'bill') =>
    request<ServiceRequested>(`/api/v1/sessions/${sessionId}/service-requests`, { method: 'POST', body: { kind }, auth: 'guest' }),
  bill: (sessionId: Uuid, ask: BillAsk) => request<Bill>(`/api/v1/sessions/${sessionId}/bill${billQuery(ask)}`, { auth: 'guest' }),
  rate: (orderId: Uuid, rating: number, comment: string) =>
    request<Feedback>('/api/v1/feedback', { method: 'POST', body: { order_id: orderId, rating, comment: comment || undefined }, auth: 'guest' }),
};

export interface BillAsk {
  split: 'none' | 'equal' | 'items';
  parts?: number;
  tipPercent?: number;
}

export function billQuery(ask: BillAsk): string {
  return qs({ split: ask.split, parts: ask.split === 'equal' ? ask.parts : undefined, tip_percent: ask.tipPercent || undefined });
}

export type RestaurantSort = 'created_at' | '-created_at' | 'name' | '-name';

/** A table as created or fully updated (PUT): absent optional fields take their defaults. */
export interface TableRequest {
  table_number: string;
  label?: string;
  capacity: number;
  zone?: string;
  status?: TableStatus;
  is_active?: boolean;
}

/** Staff endpoints (the staff token, refreshed in one place). */
export const staffApi = {
  me: () => request<User>('/api/v1/auth/me'),
  /** `q`: a part of the name (any case); `sort`: created_at or name, "-" first for descending. */
  restaurants: (params: { q?: string; sort?: RestaurantSort; page?: number } = {}) =>
    request<Page<Restaurant>>(`/api/v1/restaurants${qs({ q: params.q || undefined, sort: params.sort, page: params.page ?? 0, size: 50 })}`),
  restaurant: (rid: Uuid) => request<Restaurant>(r(rid)),
  updateRestaurant: (rid: Uuid, body: Partial<Pick<Restaurant, 'name' | 'description' | 'address' | 'phone' | 'email' | 'time_zone' | 'order_confirmation_required' | 'service_request_cooldown_seconds' | 'kitchen_warning_minutes' | 'kitchen_late_minutes'>>) =>
    request<Restaurant>(r(rid), { method: 'PATCH', body }),
  uploadLogo: (rid: Uuid, file: File) =>
    request<Restaurant>(`${r(rid)}/logo`, { method: 'PUT', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } }),
  deleteLogo: (rid: Uuid) => request<Restaurant>(`${r(rid)}/logo`, { method: 'DELETE' }),
  createRestaurant: (body: { name: string; currency: string; time_zone: string; address?: string; email?: string }) =>
    request<Restaurant>('/api/v1/restaurants', { method: 'POST', body }),

  categories: (rid: Uuid) => request<Page<Category>>(`${r(rid)}/categories${qs({ size: 100 })}`),
  createCategory: (rid: Uuid, body: { name: string; description?: string; display_order?: number }) =>
    request<Category>(`${r(rid)}/categories`, { method: 'POST', body }),
  updateCategory: (rid: Uuid, id: Uuid, body: { name: string; description?: string | null; display_order?: number }) =>
    request<Category>(`${r(rid)}/categories/${id}`, { method: 'PUT', body }),
  deleteCategory: (rid: Uuid, id: Uuid) => request<void>(`${r(rid)}/categories/${id}`, { method: 'DELETE' }),

  menuItems: (rid: Uuid) => request<Page<MenuItem>>(`${r(rid)}/menu-items${qs({ size: 100 })}`),
  createMenuItem: (rid: Uuid, body: MenuItemRequest) => request<MenuItem>(`${r(rid)}/menu-items`, { method: 'POST', body }),
  updateMenuItem: (rid: Uuid, id: Uuid, body: MenuItemRequest) =>
    request<MenuItem>(`${r(rid)}/menu-items/${id}`, { method: 'PUT', body }),
  deleteMenuItem: (rid: Uuid, id: Uuid) => request<void>(`${r(rid)}/menu-items/${id}`, { method: 'DELETE' }),
  setAvailability: (rid: Uuid, id: Uuid, available: boolean) =>
    request<MenuItem>(`${r(rid)}/menu-items/${id}/availability`, { method: 'PUT', body: { is_available: available } }),
  uploadItemImage: (rid: Uuid, id: Uuid, file: File) =>
    request<MenuItem>(`${r(rid)}/menu-items/${id}/image`, { method: 'PUT', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } }),

  tables: (rid: Uuid) => request<Page<DiningTable>>(`${r(rid)}/tables${qs({ size: 100 })}`),
  createTable: (rid: Uuid, body: TableRequest) =>
    request<DiningTable>(`${r(rid)}/tables`, { method: 'POST', body }),
  updateTable: (rid: Uuid, id: Uuid, body: TableRequest) => request<DiningTable>(`${r(rid)}/tables/${id}`, { method: 'PUT', body }),
  deleteTable: (rid: Uuid, id: Uuid) => request<void>(`${r(rid)}/tables/${id}`, { method: 'DELETE' }),
  setTableStatus: (rid: Uuid, id: Uuid, status: TableStatus) =>
    request<DiningTable>(`${r(rid)}/tables/${id}/status`, { method: 'PUT', body: { status } }),
  rotateQr: (rid: Uuid, id: Uuid) => request<DiningTable>(`${r(rid)}/tables/${id}/qr-token/rotate`, { method: 'POST' }),
  qrImage: (rid: Uuid, id: Uuid, format: 'png' | 'svg') =>
    request<Response>(`${r(rid)}/tables/${id}/qr.${format}`, { raw: true }).then((res) => res.blob()),
  qrSheet: (rid: Uuid) => request<Response>(`${r(rid)}/tables/qr-sheet`, { raw: true }).then((res) => res.blob()),

  users: (rid: Uuid | null) => request<Page<User>>(`/api/v1/users${qs({ restaurant_id: rid, size: 100 })}`),
  createUser: (body: { username: string; email: string; password: string; role: Role; restaurant_id?: Uuid | null }) =>
    request<User>('/api/v1/users', { method: 'POST', body }),
  setUserActive: (id: Uuid, active: boolean) => request<User>(`/api/v1/users/${id}`, { method: 'PUT', body: { is_active: active } }),

  orders: (params: { restaurantId?: Uuid | null; active?: boolean; status?: OrderStatus; from?: string; to?: string; page?: number }) =>
    request<Page<Order>>(
      `/api/v1/orders${qs({ restaurant_id: params.restaurantId, active: params.active, status: params.status, from: params.from, to: params.to, page: params.page, size: 50 })}`,
    ),
  order: (id: Uuid) => request<Order>(`/api/v1/orders/${id}`),
  setOrderStatus: (id: Uuid, status: OrderStatus) => request<Order>(`/api/v1/orders/${id}/status`, { method: 'PUT', body: { status } }),

  sessions: (restaurantId: Uuid | null, status?: string) =>
    request<Page<SessionSummary>>(`/api/v1/sessions${qs({ restaurant_id: restaurantId, status, size: 50 })}`),
  session: (id: Uuid) => request<TableSession>(`/api/v1/sessions/${id}`),
  bill: (id: Uuid, ask: BillAsk) => request<Bill>(`/api/v1/sessions/${id}/bill${billQuery(ask)}`),
  closeSession: (id: Uuid, status: 'completed' | 'cancelled') =>
    request<TableSession>(`/api/v1/sessions/${id}/close`, { method: 'POST', body: { status } }),

  feedback: (restaurantId: Uuid | null, page = 0) => request<FeedbackPage>(`/api/v1/feedback${qs({ restaurant_id: restaurantId, page, size: 50 })}`),
  analytics: (restaurantId: Uuid | null, from: string, to: string) =>
    request<SalesReport>(`/api/v1/analytics${qs({ restaurant_id: restaurantId, from, to })}`),
};
