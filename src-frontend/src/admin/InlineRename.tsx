import { useState, type ReactNode } from 'react';
import { Button, ErrorBox } from '../ui/ui';

/**
 * A name that can be changed where it stands: "Rename" turns it into a field (Enter saves, Escape goes
 * back); the service's refusal (a name without a letter, a duplicate) shows beside it and keeps the field.
 */
export function InlineRename({
  name,
  what,
  maxLength,
  onSave,
  children,
}: {
  name: string;
  /** Read with the buttons, e.g. "category Pizze". */
  what: string;
  maxLength: number;
  onSave: (name: string) => Promise<unknown>;
  /** How the name shows when it is not being changed. */
  children: ReactNode;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (draft === null) {
    return (
      <div className="flex min-w-0 items-center gap-2">
        {children}
        <Button variant="ghost" aria-label={`Rename ${what}`} onClick={() => setDraft(name)}>
          Rename
        </Button>
      </div>
    );
  }
  const save = async () => {
    if (draft.trim() === name) return setDraft(null);
    setSaving(true);
    setError(null);
    try {
      await onSave(draft.trim());
      setDraft(null);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        className="rounded-md border border-stone-400 bg-white px-3 py-2 text-sm text-stone-900"
        aria-label={`New name of ${what}`}
        required
        maxLength={maxLength}
        value={draft}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the field replaces the button just pressed
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
      />
      <Button type="submit" disabled={saving}>
        Save name
      </Button>
      <Button variant="ghost" onClick={() => setDraft(null)}>
        Cancel
      </Button>
      <ErrorBox error={error} className="w-full" />
    </form>
  );
}

/** Up and down buttons for a listed entry; the first cannot go up, the last not down. */
export function MoveButtons({ what, first, last, busy, onMove }: { what: string; first: boolean; last: boolean; busy: boolean; onMove: (delta: -1 | 1) => void }) {
  return (
    <span className="inline-flex gap-1">
      <Button variant="ghost" aria-label={`Move ${what} up`} disabled={first || busy} onClick={() => onMove(-1)}>
        ↑
      </Button>
      <Button variant="ghost" aria-label={`Move ${what} down`} disabled={last || busy} onClick={() => onMove(1)}>
        ↓
      </Button>
    </span>
  );
}
