import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi } from '../api/endpoints';
import type { SessionSummary } from '../api/types';
import { BillOptions } from '../bill/BillOptions';
import { BillView } from '../bill/BillView';
import { useBill } from '../bill/useBill';
import { formatMoney } from '../lib/money';
import { Badge, Button, ErrorBox, Loading, Modal, SelectField } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { Listing } from './DataTable';

export function SessionsPage() {
  return (
    <NeedsRestaurant>
      <Sessions />
    </NeedsRestaurant>
  );
}

function Sessions() {
  const { restaurantId } = useAdmin();
  const [status, setStatus] = useState('open');
  const [open, setOpen] = useState<SessionSummary | null>(null);
  const sessions = useQuery({ queryKey: ['sessions', restaurantId, status], queryFn: () => staffApi.sessions(restaurantId, status || undefined) });
  return (
    <>
      <PageTitle>Table sessions and bills</PageTitle>
      <SelectField label="Show" value={status} onChange={(e) => setStatus(e.target.value)} className="mb-4 max-w-xs">
        <option value="open">Open tabs</option>
        <option value="completed">Paid</option>
        <option value="cancelled">Cancelled</option>
        <option value="">All</option>
      </SelectField>
      <Listing query={sessions} empty="No sessions here.">
        {(items) => (
          <ul className="grid gap-2 sm:grid-cols-2">
            {items.map((s) => (
              <li key={s.id} className="flex items-center justify-between rounded-lg border border-stone-300 bg-white p-3">
                <div>
                  <p className="font-semibold">{s.table_label ?? 'Table'}</p>
                  <p className="text-sm text-stone-700">
                    Since {new Date(s.opened_at).toLocaleTimeString()} · {formatMoney(s.total_amount, s.currency)}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={s.status === 'open' ? 'blue' : s.status === 'completed' ? 'green' : 'red'}>{s.status}</Badge>
                  <Button variant="secondary" onClick={() => setOpen(s)}>
                    Bill
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Listing>
      {open && <StaffBill session={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** The tab's bill as the diners see it, and closing the tab (paid, or without payment). */
function StaffBill({ session, onClose }: { session: SessionSummary; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { ask, setAsk, bill } = useBill(['staff-bill', session.id], (a) => staffApi.bill(session.id, a));
  // the tab's orders tell each bill line's options
  const tab = useQuery({ queryKey: ['staff-session', session.id], queryFn: () => staffApi.session(session.id) });
  const close = useMutation({
    mutationFn: (status: 'completed' | 'cancelled') => staffApi.closeSession(session.id, status),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      onClose();
    },
  });
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={`Bill · ${session.table_label ?? 'Table'}`}>
      <div className="flex flex-col gap-3">
        <BillOptions ask={ask} onChange={setAsk} />
        {bill.isPending && <Loading />}
        <ErrorBox error={bill.error ?? close.error} />
        {bill.data && <BillView bill={bill.data} orders={tab.data?.orders} />}
      </div>
      {session.status === 'open' && (
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => close.mutate('cancelled')} disabled={close.isPending}>
            Close without payment
          </Button>
          <Button onClick={() => close.mutate('completed')} disabled={close.isPending}>
            Mark paid and close
          </Button>
        </div>
      )}
    </Modal>
  );
}
