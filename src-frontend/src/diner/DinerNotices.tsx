import type { LiveStatus } from '../live/LiveSocket';
import { ErrorBox } from '../ui/ui';

/** What the diner should know now: the live connection, a closed tab, the last confirmation, errors. */
export function DinerNotices({
  live,
  closed,
  notice,
  onDismiss,
  errors,
}: {
  live: LiveStatus;
  closed: boolean;
  notice: string | null;
  onDismiss: () => void;
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
      {notice && (
        <p role="status" className="flex items-center justify-between bg-emerald-100 px-4 py-2 text-sm text-emerald-950">
          {notice}
          <button type="button" className="underline" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
      {errors.map((error, i) => (
        <ErrorBox key={i} error={error} className="mx-4 mt-2" />
      ))}
    </>
  );
}
