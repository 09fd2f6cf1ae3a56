import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi, type BillAsk } from '../api/endpoints';
import type { SessionSummary } from '../api/types';
import { formatMoney } from '../lib/money';
import { Badge, Button, Empty, ErrorBox, Loading, Modal, SelectField } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';

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
      {sessions.isPending && <Loading />}
      <ErrorBox error={sessions.error} />
      {sessions.data && sessions.data.items.length === 0 && <Empty>No sessions here.</Empty>}
      {sessions.data && sessions.data.items.length > 0 && (
        <ul className="grid gap-2 sm:grid-cols-2">
          {sessions.data.items.map((s) => (
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
      {open && <StaffBill session={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function StaffBill({ session, onClose }: { session: SessionSummary; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [ask, setAsk] = useState<BillAsk>({ split: 'none', parts: 2, tipPercent: 0 });
  const bill = useQuery({ queryKey: ['staff-bill', session.id, ask], queryFn: () => staffApi.bill(session.id, ask) });
  const close = useMutation({
    mutationFn: (status: 'completed' | 'cancelled') => staffApi.closeSession(session.id, status),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      onClose();
    },
  });
  const b = bill.data;
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={`Bill · ${session.table_label ?? 'Table'}`}>
      <div className="mb-3 flex flex-wrap gap-3">
        <SelectField label="Split" value={ask.split} onChange={(e) => setAsk({ ...ask, split: e.target.value as BillAsk['split'] })}>
          <option value="none">One bill</option>
          <option value="equal">Equal parts</option>
          <option value="items">By diner</option>
        </SelectField>
        {ask.split === 'equal' && (
          <SelectField label="Parts" value={ask.parts} onChange={(e) => setAsk({ ...ask, parts: Number(e.target.value) })}>
            {[2, 3, 4, 5, 6, 8, 10].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label="Tip" value={ask.tipPercent} onChange={(e) => setAsk({ ...ask, tipPercent: Number(e.target.value) })}>
          {[0, 5, 10, 15].map((p) => (
            <option key={p} value={p}>
              {p} %
            </option>
          ))}
        </SelectField>
      </div>
      {bill.isPending && <Loading />}
      <ErrorBox error={bill.error ?? close.error} />
      {b && (
        <>
          <ul className="divide-y divide-stone-200 text-sm">
            {b.lines.map((l, i) => (
              <li key={i} className="flex justify-between py-1">
                <span>
                  {l.quantity} × {l.name}
                </span>
                <span>{formatMoney(l.line_total, b.currency)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 flex justify-between text-sm">
            <span>Subtotal {formatMoney(b.subtotal, b.currency)} + tip {formatMoney(b.tip, b.currency)}</span>
            <strong>{formatMoney(b.total, b.currency)}</strong>
          </p>
          {b.split.mode !== 'none' && (
            <ul className="mt-2 rounded bg-stone-100 p-2 text-sm">
              {b.split.parts.map((p) => (
                <li key={p.part} className="flex justify-between">
                  <span>Part {p.part}</span>
                  <span>{formatMoney(p.amount, b.currency)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
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
