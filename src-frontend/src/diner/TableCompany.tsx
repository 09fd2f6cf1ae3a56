import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { dinerApi } from '../api/endpoints';
import type { Diner } from '../api/types';
import { Button, ErrorBox } from '../ui/ui';
import { cleanName, NAME_MAX, othersAtTable, rememberName, rememberedName } from './dinerName';
import { storeDiner } from './useDinerTable';

/**
 * Who is at the table: once per table the page asks the diner's first name (optional, remembered in this
 * browser), then says who else is there and lets the diner change its own name (issue 17).
 */
export function TableCompany({ qrToken, sessionId, me, diners }: { qrToken: string; sessionId: string | null; me: string | null; diners: Diner[] }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [answered, setAnswered] = useState(() => rememberedName(qrToken) !== undefined);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const mine = diners.find((d) => d.user_id === me)?.name ?? null;
  const save = useMutation({
    mutationFn: (name: string | null) => dinerApi.nameMe(sessionId ?? '', name),
    onSuccess: (diner) => {
      storeDiner(queryClient, sessionId, diner);
      rememberName(qrToken, diner.name);
      setAnswered(true);
      setEditing(false);
    },
  });
  const others = othersAtTable(diners, me);
  if (!sessionId || !me) return null;

  const asking = !answered || editing;
  // "Not now" is an answer too: the page asks once per table
  const dismiss = () => {
    if (!answered) rememberName(qrToken, null);
    setAnswered(true);
    setEditing(false);
  };
  const submit = () => {
    const name = cleanName(draft);
    // an emptied field takes a name back; otherwise it must read as a name
    if (!name && draft.trim() === '') {
      if (mine) save.mutate(null);
      else dismiss();
      return;
    }
    setUnreadable(!name);
    if (name) save.mutate(name);
  };
  return (
    <div data-testid="table-company">
      {asking && (
        <form
          className="flex flex-col gap-2 border-b border-stone-200 bg-amber-50 px-4 py-2"
          aria-label="Your name at this table"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor={id} className="text-sm">
            Your first name, for the others at your table <span className="text-stone-600">(optional)</span>
          </label>
          <div className="flex gap-2">
            <input
              id={id}
              value={draft}
              maxLength={NAME_MAX}
              autoComplete="given-name"
              aria-invalid={unreadable}
              aria-describedby={unreadable ? `${id}-hint` : undefined}
              onChange={(e) => setDraft(e.target.value)}
              className="min-h-11 min-w-0 flex-1 rounded-md border border-stone-400 bg-white px-3 text-base"
            />
            <Button type="submit" className="min-h-11" disabled={save.isPending}>
              Save
            </Button>
            <Button variant="ghost" className="min-h-11" onClick={dismiss}>
              {answered ? 'Cancel' : 'Not now'}
            </Button>
          </div>
          {unreadable && (
            <p id={`${id}-hint`} className="text-sm text-red-800">
              A first name, up to {NAME_MAX} characters, with at least one letter.
            </p>
          )}
          <ErrorBox error={save.error} />
        </form>
      )}
      {(others || !asking) && (
        <div className="flex min-h-11 items-center justify-between gap-2 px-4 text-sm text-stone-700">
          <p role="status" className="min-w-0" data-testid="others-at-table">
            {others}
          </p>
          {!asking && (
            <button
              type="button"
              className="min-h-11 shrink-0 text-blue-800 underline"
              onClick={() => {
                setDraft(mine ?? '');
                setUnreadable(false);
                setEditing(true);
              }}
            >
              {mine ? `You: ${mine} · Change` : 'Add your name'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
