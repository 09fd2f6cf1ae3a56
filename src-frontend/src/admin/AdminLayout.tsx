import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router';
import { staffApi } from '../api/endpoints';
import type { LiveEvent, LiveMessage, Role } from '../api/types';
import { LoginForm } from '../auth/LoginForm';
import { currentRestaurantId, useSession } from '../auth/session';
import { formatTime } from '../lib/dates';
import { CALL_TONES } from '../lib/sound';
import { useChime } from '../lib/useChime';
import { subjectOf } from '../live/events';
import { useLiveSocket } from '../live/useLiveSocket';
import { Button } from '../ui/ui';

interface AdminContextValue {
  restaurantId: string | null;
  role: Role;
  /** The restaurant's time zone: the console writes every time in it (undefined until it loaded). */
  timeZone: string | undefined;
}

/** Something staff should act on now: a table calling a waiter, asking for the bill, a low rating. */
export interface Alert {
  id: string;
  text: string;
  kind: 'waiter' | 'bill' | 'rating';
}

/** Each kind its own colour, so a glance across the room tells a call from a bill. */
const ALERT_STYLES: Record<Alert['kind'], string> = {
  waiter: 'border-l-8 border-amber-500 bg-amber-100 text-amber-950',
  bill: 'border-l-8 border-blue-700 bg-blue-100 text-blue-950',
  rating: 'border-l-8 border-red-700 bg-red-50 text-red-950',
};
const ALERT_ICONS: Record<Alert['kind'], string> = { waiter: '🙋', bill: '🧾', rating: '⚠️' };

export function alertOf(event: LiveEvent, timeZone?: string): Alert | null {
  if (event.type === 'session.service_requested') {
    const d = event.data;
    const time = formatTime(d.requested_at, timeZone);
    return { id: event.event_id, kind: d.kind === 'bill' ? 'bill' : 'waiter', text: `${d.table_label ?? 'A table'} ${d.kind === 'bill' ? 'asks for the bill' : 'calls a waiter'} (${time})` };
  }
  if (event.type === 'feedback.low_rating') {
    const d = event.data;
    return { id: event.event_id, kind: 'rating', text: `A diner rated an order ${d.rating}/5${d.comment ? `: “${d.comment}”` : ''}` };
  }
  return null;
}

const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error('useAdmin outside the staff console');
  return value;
}

const SECTIONS: { to: string; label: string; roles: Role[] }[] = [
  { to: 'restaurants', label: 'Restaurants', roles: ['master_admin'] },
  { to: 'orders', label: 'Orders', roles: ['master_admin', 'restaurant_admin', 'waiter', 'chef'] },
  { to: 'sessions', label: 'Tables & bills', roles: ['master_admin', 'restaurant_admin', 'waiter'] },
  { to: 'menu', label: 'Menu', roles: ['master_admin', 'restaurant_admin', 'chef'] },
  { to: 'tables', label: 'Tables & QR', roles: ['master_admin', 'restaurant_admin', 'waiter'] },
  { to: 'staff', label: 'Staff', roles: ['master_admin', 'restaurant_admin'] },
  { to: 'feedback', label: 'Feedback', roles: ['master_admin', 'restaurant_admin', 'waiter', 'chef'] },
  { to: 'analytics', label: 'Analytics', roles: ['master_admin', 'restaurant_admin'] },
  { to: 'settings', label: 'Settings', roles: ['master_admin', 'restaurant_admin'] },
];

export function AdminLayout() {
  const session = useSession();
  const user = session.user;
  if (!user) return <LoginForm title="Tavola staff console" />;
  return <Console />;
}

function Console() {
  const session = useSession();
  const user = session.user!;
  const rid = currentRestaurantId(session);
  const queryClient = useQueryClient();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  // table calls and bill requests chime (low ratings do not: nobody has to run for them)
  const [calls, setCalls] = useState(0);
  const sound = useChime('tavola.console', calls, CALL_TONES);
  const restaurant = useQuery({ queryKey: ['restaurant', rid], queryFn: () => staffApi.restaurant(rid ?? ''), enabled: !!rid });
  const timeZone = restaurant.data?.time_zone;

  // the restaurant's live events keep every staff list fresh
  const onLive = useCallback(
    (m: LiveMessage) => {
      if (m.kind === 'snapshot') {
        // a (re)connect or a resync after a gap: anything the events keep fresh may have moved
        for (const key of ['orders', 'sessions', 'menu-items', 'feedback']) void queryClient.invalidateQueries({ queryKey: [key] });
        return;
      }
      if (m.kind !== 'event') return;
      const subject = subjectOf(m.event.type);
      if (subject === 'order') void queryClient.invalidateQueries({ queryKey: ['orders'] });
      if (subject === 'order' || subject === 'session' || subject === 'service_request') void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      if (subject === 'menu') void queryClient.invalidateQueries({ queryKey: ['menu-items'] });
      if (subject === 'feedback') void queryClient.invalidateQueries({ queryKey: ['feedback'] });
      const alert = alertOf(m.event, timeZone);
      if (alert) {
        setAlerts((all) => (all.some((a) => a.id === alert.id) ? all : [...all, alert]));
        if (alert.kind !== 'rating') setCalls((n) => n + 1);
      }
    },
    [queryClient, timeZone],
  );
  const live = useLiveSocket(rid ? `/ws/kitchen/${rid}` : null, session.freshToken, session.refresh, onLive);

  const sections = SECTIONS.filter((s) => s.roles.includes(user.role));
  return (
    <AdminContext.Provider value={{ restaurantId: rid, role: user.role, timeZone }}>
      <div className="min-h-screen md:flex">
        <a href="#admin-main" className="sr-only focus:not-sr-only">
          Skip to content
        </a>
        <aside className="no-print border-b border-stone-300 bg-stone-900 text-stone-50 md:min-h-screen md:w-56 md:border-0">
          <div className="p-4">
            <p className="text-lg font-bold">Tavola</p>
            <p className="text-sm text-stone-300">{restaurant.data?.name ?? (user.role === 'master_admin' ? 'All restaurants' : '')}</p>
            <p className="mt-1 text-xs text-stone-400">
              {user.username} · {user.role.replace('_', ' ')}
            </p>
          </div>
          <nav aria-label="Console">
            <ul className="flex flex-wrap gap-1 px-2 pb-2 md:flex-col">
              {sections.map((s) => (
                <li key={s.to}>
                  <NavLink
                    to={`/admin/${s.to}`}
                    className={({ isActive }) => `block rounded px-3 py-2 text-sm ${isActive ? 'bg-stone-50 font-semibold text-stone-900' : 'text-stone-100 hover:bg-stone-700'}`}
                  >
                    {s.label}
                  </NavLink>
                </li>
              ))}
              {rid && (
                <li>
                  <a href={user.role === 'master_admin' ? `/kitchen?restaurant=${rid}` : '/kitchen'} className="block rounded px-3 py-2 text-sm text-stone-100 hover:bg-stone-700">
                    Kitchen display ↗
                  </a>
                </li>
              )}
            </ul>
          </nav>
          <div className="flex flex-col gap-2 p-3">
            {rid && (
              <Button variant="secondary" className="w-full" onClick={sound.toggle} aria-pressed={sound.soundOn}>
                {sound.soundOn ? 'Call sound on' : 'Call sound off'}
              </Button>
            )}
            <Button variant="secondary" className="w-full" onClick={() => void session.logout()}>
              Sign out
            </Button>
          </div>
        </aside>
        <div className="flex-1">
          {rid && (live.status === 'reconnecting' || live.status === 'resyncing') && (
            <p role="status" className="no-print bg-amber-100 px-4 py-2 text-sm text-amber-950">
              {live.status === 'reconnecting' ? 'Live updates paused — reconnecting…' : 'Some updates did not arrive — refreshing…'}
            </p>
          )}
          {rid && sound.needsTap && (
            <p className="no-print bg-stone-100 px-4 py-2 text-sm text-stone-800" data-testid="sound-hint">
              Tap anywhere once to let this console chime when a table calls or asks for the bill.
            </p>
          )}
          {alerts.length > 0 && (
            <ul aria-label="Alerts" className="no-print flex flex-col gap-1 bg-stone-100 p-2">
              {alerts.map((a) => (
                <li key={a.id} role="alert" data-kind={a.kind} data-testid="console-alert" className={`flex items-center justify-between rounded px-3 py-2 font-semibold shadow ${ALERT_STYLES[a.kind]}`}>
                  <span>
                    <span aria-hidden="true">{ALERT_ICONS[a.kind]} </span>
                    {a.text}
                  </span>
                  <Button variant="ghost" onClick={() => setAlerts((all) => all.filter((x) => x.id !== a.id))}>
                    Done
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <main id="admin-main" className="p-4">
            <Outlet />
          </main>
        </div>
      </div>
    </AdminContext.Provider>
  );
}

export function AdminHome() {
  const user = useSession((s) => s.user);
  return <Navigate to={user?.role === 'master_admin' ? '/admin/restaurants' : '/admin/orders'} replace />;
}

/** Pages that work on one restaurant say so when a master admin has not picked one yet. */
export function NeedsRestaurant({ children }: { children: React.ReactNode }) {
  const { restaurantId } = useAdmin();
  if (!restaurantId) {
    return (
      <p className="rounded-md border border-dashed border-stone-400 p-6 text-center">
        Pick a restaurant on the <NavLink to="/admin/restaurants" className="text-blue-800 underline">Restaurants</NavLink> page first.
      </p>
    );
  }
  return <>{children}</>;
}

export function PageTitle({ children }: { children: React.ReactNode }) {
  return <h1 className="mb-4 text-2xl font-bold">{children}</h1>;
}
