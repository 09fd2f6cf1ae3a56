import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../api/client';
import { staffApi } from '../api/endpoints';
import type { LiveMessage, Order } from '../api/types';
import { LoginForm } from '../auth/LoginForm';
import { currentRestaurantId, useSession } from '../auth/session';
import { useLiveSocket } from '../live/useLiveSocket';
import { Button, Empty } from '../ui/ui';
import { ADVANCE_LABEL, boardReducer, EMPTY_BOARD, isOnBoard, NEXT_STATUS } from './board';
import { chime, unlockSound } from './sound';
import { tapButton, tapsReducer, type Tap } from './taps';
import { AGE_CLASSES, ageLevel, ageText, DEFAULT_THRESHOLDS, type AgeThresholds } from './ticketAge';

const COLUMNS = [
  { title: 'New', statuses: ['PENDING'] },
  { title: 'Confirmed', statuses: ['CONFIRMED'] },
  { title: 'Preparing', statuses: ['PREPARING'] },
  { title: 'Ready', statuses: ['READY'] },
] as const;

export function KitchenPage() {
  const user = useSession((s) => s.user);
  if (!user) return <LoginForm title="Kitchen display" />;
  return <KitchenBoard />;
}

function KitchenBoard() {
  const session = useSession();
  const [params] = useSearchParams();
  const rid = params.get('restaurant') ?? currentRestaurantId(session);
  const [board, dispatch] = useReducer(boardReducer, EMPTY_BOARD);
  const [now, setNow] = useState(() => Date.now());
  // sound is on unless the kitchen turned it off; browsers allow it after the first touch or key press
  const [soundOn, setSoundOn] = useState(() => localStorage.getItem('tavola.kitchen.sound') !== 'off');
  const [soundUnlocked, setSoundUnlocked] = useState(false);
  const thresholds: AgeThresholds = {
    warningMinutes: Number(params.get('amber')) || DEFAULT_THRESHOLDS.warningMinutes,
    lateMinutes: Number(params.get('red')) || DEFAULT_THRESHOLDS.lateMinutes,
  };
  const [lastBumped, setLastBumped] = useState<Order | null>(null);
  const [recalled, setRecalled] = useState(false);
  const rung = useRef(0);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    localStorage.setItem('tavola.kitchen.sound', soundOn ? 'on' : 'off');
    if (!soundOn || soundUnlocked) return undefined;
    const unlock = () => setSoundUnlocked(unlockSound());
    // on click, not pointerdown: the hint disappearing mid-tap would move the button under the finger
    window.addEventListener('click', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('click', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [soundOn, soundUnlocked]);

  useEffect(() => {
    if (board.newIds.length > rung.current && soundOn) chime();
    rung.current = board.newIds.length;
  }, [board.newIds.length, soundOn]);

  const onLive = useCallback((m: LiveMessage) => dispatch(m), []);
  const live = useLiveSocket(rid ? `/ws/kitchen/${rid}` : null, session.freshToken, session.refresh, onLive);

  const [taps, dispatchTap] = useReducer(tapsReducer, {});
  // one tap per ticket at a time; it shows as pending until the server confirmed it, and a failure stays
  const advance = useCallback(async (order: Order) => {
    const to = NEXT_STATUS[order.status];
    if (!to) return;
    dispatchTap({ kind: 'sent', orderId: order.id, to });
    try {
      const saved = await staffApi.setOrderStatus(order.id, to);
      dispatchTap({ kind: 'confirmed', orderId: order.id });
      dispatch({ kind: 'local', order: saved });
      if (!isOnBoard(saved.status)) {
        setLastBumped(saved);
        setRecalled(false);
      }
    } catch (error) {
      const { title, detail } = describeError(error);
      dispatchTap({ kind: 'failed', orderId: order.id, reason: detail ? `${title}: ${detail}` : title });
    }
  }, []);

  if (!rid) {
    return (
      <main className="p-6">
        <p>Choose a restaurant first: open the staff console and pick one, or add ?restaurant=&lt;id&gt; to the address.</p>
      </main>
    );
  }

  const lost = live.status === 'reconnecting' || live.status === 'denied';
  return (
    <div className="min-h-screen bg-stone-900 text-stone-50">
      <header className="flex flex-wrap items-center gap-3 px-4 py-3">
        <h1 className="text-xl font-bold">Kitchen</h1>
        <span className="text-sm text-stone-300" aria-live="polite" data-testid="ticket-count">
          {board.tickets.length} active {board.tickets.length === 1 ? 'ticket' : 'tickets'}
        </span>
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${live.status === 'open' ? 'bg-emerald-700 text-white' : 'bg-amber-500 text-stone-950'}`}>
          {live.status === 'open' ? 'Live' : live.status === 'connecting' ? 'Connecting…' : live.status === 'resyncing' ? 'Catching up…' : 'Offline'}
        </span>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" onClick={() => setSoundOn((on) => !on)} aria-pressed={soundOn}>
            {soundOn ? 'Sound on' : 'Sound off'}
          </Button>
          <Button variant="secondary" disabled={!lastBumped} onClick={() => setRecalled(true)}>
            Recall last bumped
          </Button>
          <Button variant="secondary" onClick={() => void session.logout()}>
            Sign out {session.user?.username}
          </Button>
        </div>
      </header>
      {soundOn && !soundUnlocked && (
        <p className="px-4 pb-2 text-sm text-amber-300">Tap anywhere once to let this screen chime for new tickets.</p>
      )}
      {lost && (
        <div role="alert" className="bg-red-700 px-4 py-2 font-semibold text-white" data-testid="connection-banner">
          {live.status === 'denied'
            ? 'The live connection was refused. Sign in again.'
            : `Connection lost — reconnecting${live.retryInMs ? ` in ${Math.ceil(live.retryInMs / 1000)} s` : ''}. New tickets may be missing; the board refreshes itself when it is back.`}
          {live.status === 'reconnecting' && (
            <button type="button" className="ml-3 underline" onClick={live.reconnectNow}>
              Retry now
            </button>
          )}
        </div>
      )}
      {live.status === 'resyncing' && (
        <div role="status" className="bg-amber-500 px-4 py-2 font-semibold text-stone-950" data-testid="resync-banner">
          Some updates did not arrive — refreshing the board…
        </div>
      )}
      {recalled && lastBumped && (
        <section aria-label="Recalled ticket" className="mx-4 mb-3 rounded-lg border-4 border-blue-400 bg-blue-50 p-3 text-stone-900">
          <div className="flex items-center justify-between">
            <h2 className="font-bold">Recalled: {lastBumped.table_label ?? (lastBumped.table_id ? 'Table' : 'Takeaway')} · {lastBumped.status}</h2>
            <Button variant="secondary" onClick={() => setRecalled(false)}>
              Dismiss
            </Button>
          </div>
          <TicketItems order={lastBumped} />
        </section>
      )}
      <main className="grid gap-3 px-4 pb-6 md:grid-cols-2 xl:grid-cols-4">
        {COLUMNS.map((col) => {
          const tickets = board.tickets.filter((t) => (col.statuses as readonly string[]).includes(t.status));
          return (
            <section key={col.title} aria-labelledby={`col-${col.title}`} className="rounded-lg bg-stone-800 p-2">
              <h2 id={`col-${col.title}`} className="mb-2 px-1 text-lg font-semibold">
                {col.title} <span className="text-stone-300">({tickets.length})</span>
              </h2>
              {tickets.length === 0 ? (
                <p className="px-1 text-sm text-stone-400">No tickets</p>
              ) : (
                <ul className="flex flex-col gap-2">
                  {tickets.map((t) => {
                    const level = ageLevel(t.created_at, now, thresholds);
                    return (
                      <li key={t.id} className={`rounded-lg border-l-8 p-3 text-stone-900 ${AGE_CLASSES[level]}`} data-testid="ticket" data-order-id={t.id} data-age={level}>
                        <div className="flex items-center justify-between">
                          <span className="text-lg font-bold">{t.table_label ?? (t.table_id ? 'Table' : 'Takeaway')}</span>
                          <span className="font-mono text-lg" aria-label={`Waiting ${ageText(t.created_at, now)}`}>
                            {ageText(t.created_at, now)}
                          </span>
                        </div>
                        <TicketItems order={t} />
                        {NEXT_STATUS[t.status] && <TapButton order={t} tap={taps[t.id]} onTap={advance} />}
                      </li>
                    );
                  })}
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

function TapButton({ order, tap, onTap }: { order: Order; tap: Tap | undefined; onTap: (order: Order) => Promise<void> }) {
  const button = tapButton(tap, ADVANCE_LABEL[order.status] ?? '');
  return (
    <>
      <Button className="mt-2 min-h-12 w-full text-base" onClick={() => void onTap(order)} disabled={button.disabled} aria-busy={tap?.state === 'pending'}>
        {button.label}
      </Button>
      {tap?.state === 'failed' && (
        <p role="alert" className="mt-1 rounded bg-red-100 px-2 py-1 text-sm font-semibold text-red-900" data-testid="tap-failed">
          Not saved — {tap.reason}
        </p>
      )}
    </>
  );
}

function TicketItems({ order }: { order: Order }) {
  return (
    <>
      <ul className="mt-1">
        {order.items.map((i, n) => (
          <li key={n} className="border-b border-stone-200 py-1 last:border-0">
            <span className="font-semibold">{i.quantity} ×</span> {i.name}
            {i.modifiers.length > 0 && <div className="pl-6 text-sm text-stone-700">{i.modifiers.map((m) => m.name).join(', ')}</div>}
            {i.note && <div className="pl-6 text-sm font-semibold italic text-red-800">Note: {i.note}</div>}
          </li>
        ))}
      </ul>
      {order.note && <p className="mt-1 text-sm font-semibold italic text-red-800">Order note: {order.note}</p>}
    </>
  );
}
