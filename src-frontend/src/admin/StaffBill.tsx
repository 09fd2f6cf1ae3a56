import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { staffApi } from '../api/endpoints';
import type { SessionSummary } from '../api/types';
import { BillOptions } from '../bill/BillOptions';
import { BillView } from '../bill/BillView';
import { useBill } from '../bill/useBill';
import { isUnserved } from '../lib/orders';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Button, ErrorBox, Loading, Modal } from '../ui/ui';
import { OpenOrders } from './OpenOrders';

/** The orders service's refusal to close a tab whose orders are still on their way (or already cooked). */
const isOpenOrdersConflict = (e: unknown) => e instanceof ApiError && e.status === 409 && e.kind === 'session-has-open-orders';

/** The tab's bill as the diners see it, and closing the tab (paid, or without payment after a confirmation). */
export function StaffBill({ session, settle = false, timeZone, onClose }: { session: SessionSummary; settle?: boolean; timeZone: string | undefined; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { ask, setAsk, bill } = useBill(['staff-bill', session.id], (a) => staffApi.bill(session.id, a));
  // the tab's orders tell which of them still keep it open
  const tab = useQuery({ queryKey: ['staff-session', session.id], queryFn: () => staffApi.session(session.id) });
  // opened by "Clear table" on a tab with orders still on their way: show them at once
  const [settling, setSettling] = useState(settle);
  const refresh = async () => {
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
    void queryClient.invalidateQueries({ queryKey: ['staff-bill', session.id] });
    return tab.refetch();
  };
  const close = useMutation({
    mutationFn: (status: 'completed' | 'cancelled') => staffApi.closeSession(session.id, status),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      onClose();
    },
    onError: (e, status) => {
      // the tab moved since it was read: show which orders keep it open instead of the raw conflict
      if (status === 'completed' && isOpenOrdersConflict(e)) {
        setSettling(true);
        void refresh();
      }
    },
  });
  const closePaid = () => {
    if (tab.data?.orders.some((o) => isUnserved(o.status))) setSettling(true);
    else close.mutate('completed');
  };
  const cookedRefusal = close.variables === 'cancelled' && isOpenOrdersConflict(close.error);
  const shownError = close.error && !isOpenOrdersConflict(close.error) ? close.error : null;

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={`Bill · ${session.table_label ?? 'Table'}`}>
      <div className="flex flex-col gap-3">
        <BillOptions ask={ask} onChange={setAsk} />
        {bill.isPending && <Loading />}
        <ErrorBox error={bill.error ?? shownError} />
        {bill.data && <BillView bill={bill.data} />}
        {cookedRefusal && (
          <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
            The kitchen has already cooked for this tab, so it cannot close without payment. Serve what is left and mark it paid instead.
          </p>
        )}
        {settling && tab.data && session.status === 'open' && (
          <OpenOrders orders={tab.data.orders} timeZone={timeZone} onChanged={refresh} onClose={() => close.mutate('completed')} closing={close.isPending} />
        )}
      </div>
      {session.status === 'open' && !settling && (
        <div className="mt-4 flex justify-end gap-2">
          <ConfirmButton
            title="Close without payment?"
            question={
              <p>
                The tab of {session.table_label ?? 'this table'} closes with nothing paid, and its orders the kitchen has not started are cancelled. This cannot be
                undone.
              </p>
            }
            confirmLabel="Close without payment"
            onConfirm={() => close.mutate('cancelled')}
            disabled={close.isPending}
          >
            Close without payment
          </ConfirmButton>
          <Button onClick={closePaid} disabled={close.isPending || tab.isPending}>
            Mark paid and close
          </Button>
        </div>
      )}
    </Modal>
  );
}
