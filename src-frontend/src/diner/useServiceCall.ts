import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { dinerApi } from '../api/endpoints';
import { afterCall, afterRefusal, loadCall, saveCall, waiterButton, type CallKind, type WaiterCall } from './waiterCall';

/**
 * Calling the waiter or asking for the bill: during the cooldown the button says when it was called
 * (issue 17, fault 5); a 429 is not an error for the diner, it only holds the button.
 */
export function useServiceCall(sessionId: string | null, kind: CallKind, timeZone: string | undefined, onCalled: () => void) {
  const [call, setCall] = useState<WaiterCall | null>(null);
  const [, rerender] = useState(0);
  useEffect(() => setCall(sessionId ? loadCall(sessionId, kind) : null), [sessionId, kind]);
  // the button comes back by itself when the hold ends
  useEffect(() => {
    if (!call) return undefined;
    const left = call.until - Date.now();
    if (left <= 0) return undefined;
    const timer = setTimeout(() => rerender((n) => n + 1), left + 50);
    return () => clearTimeout(timer);
  }, [call]);
  const hold = (next: WaiterCall) => {
    setCall(next);
    if (sessionId) saveCall(sessionId, next, kind);
  };
  const mutation = useMutation({
    mutationFn: () => dinerApi.serviceRequest(sessionId ?? '', kind),
    onSuccess: (requested) => {
      hold(afterCall(requested.requested_at, Date.now()));
      onCalled();
    },
    onError: (error) => {
      const held = afterRefusal(error, call, Date.now());
      if (held) hold(held);
    },
  });
  const button = waiterButton(call, Date.now(), timeZone, kind);
  return {
    label: button.label,
    disabled: !sessionId || mutation.isPending || button.disabled,
    call: () => mutation.mutate(),
    error: mutation.error instanceof ApiError && mutation.error.status === 429 ? null : mutation.error,
  };
}
