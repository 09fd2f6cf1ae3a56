import type { PublicMenu } from '../api/types';
import { Button } from '../ui/ui';

/** The restaurant and table the diner is at, with the waiter call always in reach. */
export function DinerHeader({
  restaurant,
  tableLabel,
  waiter,
}: {
  restaurant: PublicMenu['restaurant'];
  tableLabel: string;
  waiter: { label: string; disabled: boolean; call: () => void };
}) {
  return (
    <header className="flex items-center gap-3 border-b border-stone-200 bg-white/95 px-4 py-3">
      {restaurant.logo_url && <img src={restaurant.logo_url} alt="" className="h-10 w-10 rounded-full object-cover" />}
      <div className="min-w-0 flex-1">
        <h1 className="truncate text-lg font-bold">{restaurant.name}</h1>
        <p className="text-sm text-stone-700">{tableLabel}</p>
      </div>
      <Button variant="secondary" onClick={waiter.call} disabled={waiter.disabled} className="min-h-11" data-testid="call-waiter">
        {waiter.label}
      </Button>
    </header>
  );
}
