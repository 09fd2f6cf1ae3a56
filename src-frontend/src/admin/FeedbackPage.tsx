import { useQuery } from '@tanstack/react-query';
import { staffApi } from '../api/endpoints';
import { formatDateTime } from '../lib/dates';
import { Empty } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { Loaded } from './DataTable';

export function FeedbackPage() {
  return (
    <NeedsRestaurant>
      <FeedbackList />
    </NeedsRestaurant>
  );
}

function FeedbackList() {
  const { restaurantId, timeZone } = useAdmin();
  const feedback = useQuery({ queryKey: ['feedback', restaurantId], queryFn: () => staffApi.feedback(restaurantId) });
  return (
    <Loaded query={feedback}>
      {(f) => (
        <>
          <PageTitle>Feedback</PageTitle>
          <p className="mb-4 text-sm">
            {f.total} ratings{f.average_rating != null && <> · average <strong>{f.average_rating.toFixed(1)}</strong> / 5</>}
          </p>
          {f.items.length === 0 ? (
            <Empty>No feedback yet.</Empty>
          ) : (
            <ul className="flex flex-col gap-2">
              {f.items.map((x) => (
                <li key={x.id} className="rounded-lg border border-stone-300 bg-white p-3">
                  <p className="font-semibold" aria-label={`${x.rating} out of 5`}>
                    <span aria-hidden="true" className={x.rating <= 2 ? 'text-red-700' : 'text-amber-600'}>
                      {'★'.repeat(x.rating)}
                      {'☆'.repeat(5 - x.rating)}
                    </span>
                  </p>
                  {x.comment && <p className="text-sm">{x.comment}</p>}
                  <p className="text-xs text-stone-600">
                    {x.author} · {formatDateTime(x.created_at, timeZone)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Loaded>
  );
}
