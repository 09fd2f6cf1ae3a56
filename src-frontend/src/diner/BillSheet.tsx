import { useState } from 'react';
import { dinerApi } from '../api/endpoints';
import { BillOptions } from '../bill/BillOptions';
import { BillView } from '../bill/BillView';
import { useBill } from '../bill/useBill';
import { Button, ErrorBox, Loading, Modal } from '../ui/ui';
import { useServiceCall } from './useServiceCall';

/**
 * The table's bill with tip and split (equal parts or per diner, the diner's own part as "You"), computed
 * by the orders service.
 * Looking at it asks nobody for anything; "Ask for the bill" is its own step (issue 17, fault 6).
 */
export function BillSheet({ sessionId, me, timeZone, onClose }: { sessionId: string; me: string | null; timeZone: string | undefined; onClose: () => void }) {
  const { ask, setAsk, bill } = useBill(['bill', sessionId], (a) => dinerApi.bill(sessionId, a));
  const [asked, setAsked] = useState(false);
  const askForBill = useServiceCall(sessionId, 'bill', timeZone, () => setAsked(true));
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title="Your bill" side>
      <div className="flex flex-col gap-3">
        <BillOptions ask={ask} onChange={setAsk} />
        {bill.isPending && <Loading label="Adding up the bill…" />}
        <ErrorBox error={bill.error} />
        {bill.data && <BillView bill={bill.data} me={me} />}
        <ErrorBox error={askForBill.error} />
        {asked && (
          <p role="status" className="rounded-md bg-emerald-100 px-3 py-2 text-sm text-emerald-950">
            The waiter will bring the bill.
          </p>
        )}
        <Button className="min-h-12" onClick={askForBill.call} disabled={askForBill.disabled} data-testid="ask-for-bill">
          {askForBill.label}
        </Button>
      </div>
    </Modal>
  );
}
