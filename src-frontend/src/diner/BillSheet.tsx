import { dinerApi } from '../api/endpoints';
import { BillOptions } from '../bill/BillOptions';
import { BillView } from '../bill/BillView';
import { useBill } from '../bill/useBill';
import { ErrorBox, Loading, Modal } from '../ui/ui';

/** The table's bill with tip and split (equal parts or per diner), computed by the orders service. */
export function BillSheet({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const { ask, setAsk, bill } = useBill(['bill', sessionId], (a) => dinerApi.bill(sessionId, a));
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title="Your bill" side>
      <div className="flex flex-col gap-3">
        <BillOptions ask={ask} onChange={setAsk} />
        {bill.isPending && <Loading label="Adding up the bill…" />}
        <ErrorBox error={bill.error} />
        {bill.data && <BillView bill={bill.data} />}
      </div>
    </Modal>
  );
}
