import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { dinerApi } from '../api/endpoints';
import { Button, ErrorBox } from '../ui/ui';

/** A served order can be rated once, 1 to 5, with an optional comment. */
export function RateOrder({ orderId }: { orderId: string }) {
  const id = useId();
  const storageKey = `tavola.rated.${orderId}`;
  const [done, setDone] = useState(() => sessionStorage.getItem(storageKey) !== null);
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => dinerApi.rate(orderId, rating, comment),
    onSuccess: () => {
      sessionStorage.setItem(storageKey, String(rating));
      setDone(true);
    },
  });
  if (done) return <p className="text-sm text-emerald-800">Thank you for your rating!</p>;
  if (!open) {
    return (
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Rate this order
      </Button>
    );
  }
  return (
    <form
      className="mt-2 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        rate.mutate();
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">How was it?</legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex h-11 w-11 cursor-pointer items-center justify-center rounded text-2xl has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-700">
              <input type="radio" name={`${id}-rating`} value={n} checked={rating === n} onChange={() => setRating(n)} className="sr-only" aria-label={`${n} of 5`} />
              <span aria-hidden="true" className={n <= rating ? 'text-amber-600' : 'text-stone-400'}>
                ★
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={`${id}-comment`} className="text-sm font-medium">
        Comment (optional)
      </label>
      <input id={`${id}-comment`} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} className="rounded-md border border-stone-400 px-3 py-2 text-sm" />
      <ErrorBox error={rate.error} />
      <Button type="submit" disabled={rating === 0 || rate.isPending}>
        Send rating
      </Button>
    </form>
  );
}
