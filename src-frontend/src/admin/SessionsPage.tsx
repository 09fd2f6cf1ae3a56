import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { staffApi } from '../api/endpoints';
import type { SessionSummary } from '../api/types';
import { formatTime } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { Badge, Button, ErrorBox, SelectField } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { Listing } from './DataTable';
import { StaffBill } from './StaffBill';

export function SessionsPage() {
  return (
    <NeedsRestaurant>
      <Sessions />
    </NeedsRestaurant>
  );
}

function Sessions() {
  const { restaurantId, timeZone } = useAdmin();
  const [status, setStatus] = useState('open');
  const [open, setOpen] = useState<{ session: SessionSummary; settle: boolean } | null>(null);
  const sessions = useQuery({ queryKey: ['sessions', restaurantId, status], queryFn: () => staffApi.sessions(restaurantId, status || undefined) });
  const queryClient = useQueryClient();
  // the party has left: one tap closes the tab as paid; orders still on their way open the bill to settle them
  const clear = useMutation({
    mutationFn: (s: SessionSummary) => staffApi.closeSession(s.id, 'completed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
    onError: (e, s) => {
      if (e instanceof ApiError && e.status === 409 && e.kind === 'session-has-open-orders') setOpen({ session: s, settle: true });
    },
  });
  const clearError = clear.error instanceof ApiError && clear.error.kind === 'session-has-open-orders' ? null : clear.error;
  return (
    <>
      <PageTitle>Table sessions and bills</PageTitle>
      <SelectField label="Show" value={status} onChange={(e) => setStatus(e.target.value)} className="mb-4 max-w-xs">
        <option value="open">Open tabs</option>
        <option value="completed">Paid</option>
        <option value="cancelled">Cancelled</option>
        <option value="">All</option>
      </SelectField>
      <ErrorBox error={clearError} className="mb-3" />
      <Listing query={sessions} empty="No sessions here.">
        {(items) => (
          <ul className="grid gap-2 sm:grid-cols-2">
            {items.map((s) => (
              <li key={s.id} className="flex items-center justify-between rounded-lg border border-stone-300 bg-white p-3">
                <div>
                  <p className="font-semibold">{s.table_label ?? 'Table'}</p>
                  <p className="text-sm text-stone-700">
                    Since {formatTime(s.opened_at, timeZone)} · {formatMoney(s.total_amount, s.currency)}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={s.status === 'open' ? 'blue' : s.status === 'completed' ? 'green' : 'red'}>{s.status}</Badge>
                  <Button variant="secondary" onClick={() => setOpen({ session: s, settle: false })}>
                    Bill
                  </Button>
                  {s.status === 'open' && (
                    <Button onClick={() => clear.mutate(s)} disabled={clear.isPending} aria-label={`Clear ${s.table_label ?? 'the table'}`}>
                      Clear table
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Listing>
      {open && <StaffBill session={open.session} settle={open.settle} timeZone={timeZone} onClose={() => setOpen(null)} />}
    </>
  );
}
