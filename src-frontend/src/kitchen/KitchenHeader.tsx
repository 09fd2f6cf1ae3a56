import type { LiveState } from '../live/useLiveSocket';
import { Button } from '../ui/ui';

/** The board's title, ticket count, connection state and the screen's switches. */
export function KitchenHeader({
  restaurantName,
  tickets,
  live,
  sound,
  canRecall,
  onRecall,
  username,
  onSignOut,
}: {
  restaurantName: string | undefined;
  tickets: number;
  live: LiveState;
  sound: { soundOn: boolean; toggle: () => void };
  canRecall: boolean;
  onRecall: () => void;
  username: string | undefined;
  onSignOut: () => void;
}) {
  return (
    <header className="flex flex-wrap items-center gap-3 px-4 py-3 min-[1600px]:py-4">
      <h1 className="text-xl font-bold min-[1600px]:text-3xl">
        {restaurantName ? (
          <>
            {restaurantName} <span className="font-normal text-stone-300">· Kitchen</span>
          </>
        ) : (
          'Kitchen'
        )}
      </h1>
      <span className="text-sm text-stone-300 min-[1600px]:text-lg" aria-live="polite" data-testid="ticket-count">
        {tickets} active {tickets === 1 ? 'ticket' : 'tickets'}
      </span>
      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${live.status === 'open' ? 'bg-emerald-700 text-white' : 'bg-amber-500 text-stone-950'}`}>
        {live.status === 'open' ? 'Live' : live.status === 'connecting' ? 'Connecting…' : live.status === 'resyncing' ? 'Catching up…' : 'Offline'}
      </span>
      <div className="ml-auto flex gap-2">
        <Button variant="secondary" onClick={sound.toggle} aria-pressed={sound.soundOn}>
          {sound.soundOn ? 'Sound on' : 'Sound off'}
        </Button>
        <Button variant="secondary" disabled={!canRecall} onClick={onRecall}>
          Recall last bumped
        </Button>
        <Button variant="secondary" onClick={onSignOut}>
          Sign out {username}
        </Button>
      </div>
    </header>
  );
}

/** A red banner while the live connection is down (new tickets may be missing), amber while it catches up. */
export function ConnectionBanner({ live }: { live: LiveState }) {
  if (live.status === 'resyncing') {
    return (
      <div role="status" className="bg-amber-500 px-4 py-2 font-semibold text-stone-950" data-testid="resync-banner">
        Some updates did not arrive — refreshing the board…
      </div>
    );
  }
  if (live.status !== 'reconnecting' && live.status !== 'denied') return null;
  return (
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
  );
}
