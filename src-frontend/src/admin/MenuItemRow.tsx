import type { MenuItem } from '../api/types';
import { formatMoney } from '../lib/money';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Badge, Button } from '../ui/ui';
import { InlineRename, MoveButtons } from './InlineRename';

/** One item of the menu editor: photo, name and price, the 86 switch, and for admins photo, edit and delete. */
export function MenuItemRow({
  item,
  currency,
  canEdit,
  on86,
  onPhoto,
  onEdit,
  onDelete,
  onRename,
  move,
}: {
  item: MenuItem;
  currency: string;
  canEdit: boolean;
  on86: (item: MenuItem, soldOut: boolean) => void;
  onPhoto: (item: MenuItem, file: File) => void;
  onEdit: (item: MenuItem) => void;
  onDelete: (item: MenuItem) => void;
  onRename: (item: MenuItem, name: string) => Promise<unknown>;
  move: { first: boolean; last: boolean; busy: boolean; onMove: (delta: -1 | 1) => void };
}) {
  const name = (
    <p className="font-semibold">
      {item.name} <span className="font-normal text-stone-700">· {formatMoney(item.price, currency)}</span>
    </p>
  );
  return (
    <li className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-300 bg-white p-3" data-testid="admin-item" data-item-id={item.id}>
      {item.image_url ? <img src={item.image_url} alt={item.name} className="h-14 w-14 rounded object-cover" /> : <div className="h-14 w-14 rounded bg-stone-200" aria-hidden="true" />}
      <div className="min-w-0 flex-1">
        {canEdit ? (
          <InlineRename name={item.name} what={item.name} maxLength={200} onSave={(next) => onRename(item, next)}>
            {name}
          </InlineRename>
        ) : (
          name
        )}
        <p className="text-sm text-stone-700">{item.modifier_groups.length > 0 ? item.modifier_groups.map((g) => `${g.name} (${g.options.length})`).join(', ') : 'No modifiers'}</p>
      </div>
      {item.is_available ? <Badge tone="green">On the menu</Badge> : <Badge tone="red">86'd</Badge>}
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" role="switch" className="h-5 w-5" checked={!item.is_available} onChange={(e) => on86(item, e.target.checked)} aria-label={`86 ${item.name} (sold out)`} />
        86
      </label>
      {canEdit && (
        <>
          <MoveButtons what={item.name} first={move.first} last={move.last} busy={move.busy} onMove={move.onMove} />
          <label className="cursor-pointer rounded-md border border-stone-400 px-3 py-2 text-sm font-semibold hover:bg-stone-100 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-700">
            Photo
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="sr-only"
              onChange={(e) => e.target.files?.[0] && onPhoto(item, e.target.files[0])}
              aria-label={`Upload a photo of ${item.name}`}
            />
          </label>
          <Button variant="secondary" onClick={() => onEdit(item)}>
            Edit
          </Button>
          <ConfirmButton
            variant="danger"
            aria-label={`Delete ${item.name}`}
            title={`Delete ${item.name}?`}
            question={<p>{item.name} leaves the menu for good, with its options and photo; open menus drop it at once. Orders already placed keep it. To take it off for tonight only, 86 it instead.</p>}
            confirmLabel="Delete item"
            onConfirm={() => onDelete(item)}
          >
            Delete
          </ConfirmButton>
        </>
      )}
    </li>
  );
}
