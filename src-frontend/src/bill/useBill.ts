import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BillAsk } from '../api/endpoints';
import type { Bill } from '../api/types';
import { previewBill } from '../lib/split';

/**
 * A session's bill for the tip and split asked, computed by the orders service; while it answers, the
 * last bill reworked for the new ask (same cent rules), so the numbers move at once.
 */
export function useBill(queryKey: readonly unknown[], fetchBill: (ask: BillAsk) => Promise<Bill>) {
  const [ask, setAsk] = useState<BillAsk>({ split: 'none', parts: 2, tipPercent: 0 });
  const bill = useQuery({
    queryKey: [...queryKey, ask],
    queryFn: () => fetchBill(ask),
    placeholderData: (last) => (last ? previewBill(last, ask) : undefined),
  });
  return { ask, setAsk, bill };
}
