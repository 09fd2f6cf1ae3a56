import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { staffApi } from '../api/endpoints';
import type { Order } from '../api/types';
import { LoginForm } from '../auth/LoginForm';
import { currentRestaurantId, useSession } from '../auth/session';
import { Button, Empty } from '../ui/ui';
import { ConnectionBanner, KitchenHeader } from './KitchenHeader';
import { tableOf, TicketCard, TicketItems } from './TicketCard';
import { thresholdsOf } from './ticketAge';
import { useKitchenBoard, useKitchenSound, useNow } from './useKitchenBoard';
import { useTicketTaps } from './useTicketTaps';

const COLUMNS = [
  { title: 'New', statuses: ['PENDING'] },
  { title: 'Confirmed', statuses: ['CONFIRMED'] },
  { title: 'Preparing', statuses: ['PREPARING'] },
  { title: 'Ready', statuses: ['READY'] },
] as const;

// the board's columns fill the screen: three when there is no "New" column, four otherwise
const GRID = { 3: 'md:grid-cols-3', 4: 'md:grid-cols-2 xl:grid-cols-4' } as const;

export function KitchenPage() {
  const user = useSession((s) => s.user);
  if (!user) return <LoginForm title="Kitchen display" />;
  return <KitchenBoard />;
}

function KitchenBoard() {
  const session = useSession();
  const [params] = useSearchParams();
  const rid = params.get('restaurant') ?? currentRestaurantId(session);
  const { board, live, apply } = useKitchenBoard(rid);
  // its name for the header, its clock for the tickets, and whether orders wait for a confirmation at all
  const restaurant = useQuery({ queryKey: ['restaurant', rid], queryFn: () => staffApi.restaurant(rid ?? ''), enabled: !!rid, staleTime: 5 * 60_000 }).data;
  const timeZone = restaurant?.time_zone;
  // a restaurant that confirms by itself has no "New" tickets (one appears if the setting just changed)
  const columns = COLUMNS.filter((c) => c.title !== 'New' || restaurant?.order_confirmation_required !== false || board.tickets.some((t) => t.status === 'PENDING'));
  const now = useNow();
  const sound = useKitchenSound(board.newIds.length);
  const thresholds = thresholdsOf(restaurant, params);
  const { taps, advance, lastBumped, recalled, setRecalled } = useTicketTaps(useCallback((order: Order) => apply({ kind: 'local', order }), [apply]));

  if (!rid) {
    return (
      <main className="p-6">
        <p>Choose a restaurant first: open the staff console and pick one, or add ?restaurant=&lt;id&gt; to the address.</p>
      </main>
    );
  }

  return (
    <div className="min-h-screen bg-stone-900 text-stone-50">
      <KitchenHeader
        restaurantName={restaurant?.name}
        tickets={board.tickets.length}
        live={live}
        sound={sound}
        canRecall={!!lastBumped}
        onRecall={() => setRecalled(true)}
        username={session.user?.username}
        onSignOut={() => void session.logout()}
      />
      {sound.needsTap && <p className="px-4 pb-2 text-sm text-amber-300">Tap anywhere once to let this screen chime for new tickets.</p>}
      <ConnectionBanner live={live} />
      {recalled && lastBumped && (
        <section aria-label="Recalled ticket" className="mx-4 mb-3 rounded-lg border-4 border-blue-400 bg-blue-50 p-3 text-stone-900">
          <div className="flex items-center justify-between">
            <h2 className="font-bold">
              Recalled: {tableOf(lastBumped)} · {lastBumped.status}
            </h2>
            <Button variant="secondary" onClick={() => setRecalled(false)}>
              Dismiss
            </Button>
          </div>
          <TicketItems order={lastBumped} />
        </section>
      )}
      <main className={`grid gap-3 px-4 pb-6 min-[1600px]:gap-4 ${GRID[columns.length as 3 | 4]}`}>
        {columns.map((col) => {
          const tickets = board.tickets.filter((t) => (col.statuses as readonly string[]).includes(t.status));
          return (
            <section key={col.title} aria-labelledby={`col-${col.title}`} className="rounded-lg bg-stone-800 p-2">
              <h2 id={`col-${col.title}`} className="mb-2 px-1 text-lg font-semibold min-[1600px]:text-2xl">
                {col.title} <span className="text-stone-300">({tickets.length})</span>
              </h2>
              {tickets.length === 0 ? (
                <p className="px-1 text-sm text-stone-400">No tickets</p>
              ) : (
                // on a wide screen a wide column holds tickets side by side
                <ul className="grid gap-2 min-[1600px]:grid-cols-[repeat(auto-fill,minmax(17rem,1fr))]">
                  {tickets.map((t) => (
                    <TicketCard key={t.id} order={t} now={now} thresholds={thresholds} timeZone={timeZone} tap={taps[t.id]} onTap={advance} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </main>
      {board.tickets.length === 0 && live.status === 'open' && (
        <div className="px-4">
          <Empty>No active orders. New tickets appear here by themselves.</Empty>
        </div>
      )}
    </div>
  );
}
