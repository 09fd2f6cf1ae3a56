import type { LiveStatus } from '../live/LiveSocket';
import { ErrorBox } from '../ui/ui';

/** The page's own state under the sticky bar: the live connection, a closed tab, a failed join. */
export function DinerNotices({
  live,
  closed,
  errors,
}: {
  live: LiveStatus;
  closed: boolean;
  errors: unknown[];
}) {
  return (
    <>
      {live === 'reconnecting' && (
        <p role="status" className="bg-amber-100 px-4 py-2 text-sm text-amber-950">
          Live updates paused — reconnecting…
        </p>
      )}
      {live === 'resyncing' && (
        <p role="status" className="bg-amber-100 px-4 py-2 text-sm text-amber-950">
          Catching up on your table's orders…
        </p>
      )}
      {closed && (
        <p role="status" className="bg-stone-200 px-4 py-2 text-sm">
          This table's tab is closed. Thank you for your visit!
        </p>
      )}
      {errors.map((error, i) => (
        <ErrorBox key={i} error={error} className="mx-4 mt-2" />
      ))}
    </>
  );
}
