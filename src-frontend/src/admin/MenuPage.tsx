import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi } from '../api/endpoints';
import type { MenuItem, Page } from '../api/types';
import { formatMoney } from '../lib/money';
import { Badge, Button, Empty, ErrorBox, Field, Loading } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { ItemEditor } from './ItemEditor';

export function MenuPage() {
  return (
    <NeedsRestaurant>
      <MenuEditor />
    </NeedsRestaurant>
  );
}

function MenuEditor() {
  const { restaurantId, role } = useAdmin();
  const rid = restaurantId!;
  const canEdit = role !== 'chef';
  const queryClient = useQueryClient();
  const restaurant = useQuery({ queryKey: ['restaurant', rid], queryFn: () => staffApi.restaurant(rid) });
  const categories = useQuery({ queryKey: ['categories', rid], queryFn: () => staffApi.categories(rid) });
  const items = useQuery({ queryKey: ['menu-items', rid], queryFn: () => staffApi.menuItems(rid) });
  const [editing, setEditing] = useState<MenuItem | 'new' | null>(null);
  const [categoryName, setCategoryName] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['menu-items', rid] });
    void queryClient.invalidateQueries({ queryKey: ['categories', rid] });
  };
  const addCategory = useMutation({
    mutationFn: () => staffApi.createCategory(rid, { name: categoryName }),
    onSuccess: () => {
      setCategoryName('');
      refresh();
    },
  });
  const deleteCategory = useMutation({ mutationFn: (id: string) => staffApi.deleteCategory(rid, id), onSuccess: refresh });
  // the switch shows the wanted state at once (synchronously, as a switch must); the answer confirms it
  const [flipping, setFlipping] = useState<Record<string, boolean>>({});
  const availability = useMutation({
    mutationFn: ({ item, available }: { item: MenuItem; available: boolean }) => staffApi.setAvailability(rid, item.id, available),
    onMutate: ({ item, available }) => setFlipping((f) => ({ ...f, [item.id]: available })),
    onSuccess: (updated) =>
      queryClient.setQueryData<Page<MenuItem>>(['menu-items', rid], (page) => page && { ...page, items: page.items.map((i) => (i.id === updated.id ? updated : i)) }),
    onSettled: (_d, _e, { item }) =>
      setFlipping((f) => {
        const rest = { ...f };
        delete rest[item.id];
        return rest;
      }),
  });
  const currency = restaurant.data?.currency ?? 'EUR';

  const upload = useMutation({
    mutationFn: ({ item, file }: { item: MenuItem; file: File }) => staffApi.uploadItemImage(rid, item.id, file),
    onSuccess: refresh,
  });

  if (categories.isPending || items.isPending) return <Loading />;
  if (categories.isError || items.isError) return <ErrorBox error={categories.error ?? items.error} />;

  return (
    <>
      <PageTitle>Menu</PageTitle>
      {canEdit && (
        <div className="mb-4 flex flex-wrap items-end gap-3">
          <form
            className="flex items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              addCategory.mutate();
            }}
          >
            <Field label="New category" required maxLength={120} value={categoryName} onChange={(e) => setCategoryName(e.target.value)} />
            <Button type="submit" variant="secondary" disabled={addCategory.isPending}>
              Add category
            </Button>
          </form>
          <Button onClick={() => setEditing('new')} disabled={categories.data.items.length === 0}>
            New item
          </Button>
        </div>
      )}
      <ErrorBox error={addCategory.error ?? deleteCategory.error ?? availability.error ?? upload.error} className="mb-3" />
      {categories.data.items.length === 0 && <Empty>No categories yet: add one (for example “Pizze”), then its items.</Empty>}
      {categories.data.items.map((c) => {
        const inCategory = items.data.items.filter((i) => i.category_id === c.id);
        return (
          <section key={c.id} aria-labelledby={`mc-${c.id}`} className="mb-6">
            <div className="mb-2 flex items-center justify-between">
              <h2 id={`mc-${c.id}`} className="text-xl font-semibold">
                {c.name}
              </h2>
              {canEdit && inCategory.length === 0 && (
                <Button variant="ghost" onClick={() => deleteCategory.mutate(c.id)}>
                  Delete category
                </Button>
              )}
            </div>
            {inCategory.length === 0 ? (
              <Empty>No items in {c.name}.</Empty>
            ) : (
              <ul className="flex flex-col gap-2">
                {inCategory.map((listed) => (
                  <MenuItemRow
                    key={listed.id}
                    item={listed.id in flipping ? { ...listed, is_available: flipping[listed.id]! } : listed}
                    currency={currency}
                    canEdit={canEdit}
                    on86={(item, sold) => availability.mutate({ item, available: !sold })}
                    onPhoto={(item, file) => upload.mutate({ item, file })}
                    onEdit={setEditing}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {editing && (
        <ItemEditor
          rid={rid}
          item={editing === 'new' ? null : editing}
          categories={categories.data.items}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </>
  );
}

function MenuItemRow({
  item,
  currency,
  canEdit,
  on86,
  onPhoto,
  onEdit,
}: {
  item: MenuItem;
  currency: string;
  canEdit: boolean;
  on86: (item: MenuItem, soldOut: boolean) => void;
  onPhoto: (item: MenuItem, file: File) => void;
  onEdit: (item: MenuItem) => void;
}) {
  return (
    <li className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-300 bg-white p-3" data-testid="admin-item" data-item-id={item.id}>
      {item.image_url ? <img src={item.image_url} alt={item.name} className="h-14 w-14 rounded object-cover" /> : <div className="h-14 w-14 rounded bg-stone-200" aria-hidden="true" />}
      <div className="min-w-0 flex-1">
        <p className="font-semibold">
          {item.name} <span className="font-normal text-stone-700">· {formatMoney(item.price, currency)}</span>
        </p>
        <p className="text-sm text-stone-700">{item.modifier_groups.length > 0 ? item.modifier_groups.map((g) => `${g.name} (${g.options.length})`).join(', ') : 'No modifiers'}</p>
      </div>
      {item.is_available ? <Badge tone="green">On the menu</Badge> : <Badge tone="red">86'd</Badge>}
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" role="switch" className="h-5 w-5" checked={!item.is_available} onChange={(e) => on86(item, e.target.checked)} aria-label={`86 ${item.name} (sold out)`} />
        86
      </label>
      {canEdit && (
        <>
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
        </>
      )}
    </li>
  );
}
