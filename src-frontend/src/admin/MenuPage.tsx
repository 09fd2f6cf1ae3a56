import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi } from '../api/endpoints';
import type { Category, MenuItem, Page } from '../api/types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Button, Empty, ErrorBox, Field, Loading } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { InlineRename, MoveButtons } from './InlineRename';
import { draftOf } from './itemDraft';
import { ItemEditor } from './ItemEditor';
import { MenuItemRow } from './MenuItemRow';
import { moved } from './ordering';

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
  const deleteItem = useMutation({
    mutationFn: (item: MenuItem) => staffApi.deleteMenuItem(rid, item.id),
    onSuccess: (_d, item) => {
      queryClient.setQueryData<Page<MenuItem>>(['menu-items', rid], (page) => page && { ...page, items: page.items.filter((i) => i.id !== item.id), total: page.total - 1 });
      refresh();
    },
  });
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
  const categoryBody = (c: Category, change: { name?: string; display_order?: number }) => ({ name: c.name, description: c.description, display_order: c.display_order, ...change });
  const renameCategory = async (c: Category, name: string) => {
    await staffApi.updateCategory(rid, c.id, categoryBody(c, { name }));
    refresh();
  };
  const renameItem = async (item: MenuItem, name: string) => {
    await staffApi.updateMenuItem(rid, item.id, { ...draftOf(item, []), name });
    refresh();
  };
  // a move renumbers the entries it must (one PUT each, in turn), then the lists reload in their new order
  const reorder = useMutation({
    mutationFn: async (writes: (() => Promise<unknown>)[]) => {
      for (const write of writes) await write();
    },
    onSettled: refresh,
  });
  const moveCategory = (list: Category[], index: number, delta: -1 | 1) =>
    reorder.mutate(moved(list, index, delta).map((change) => () => staffApi.updateCategory(rid, change.id, categoryBody(list.find((c) => c.id === change.id)!, { display_order: change.display_order }))));
  const moveItem = (list: MenuItem[], index: number, delta: -1 | 1) =>
    reorder.mutate(
      moved(list, index, delta).map((change) => () => staffApi.updateMenuItem(rid, change.id, { ...draftOf(list.find((i) => i.id === change.id)!, []), display_order: change.display_order })),
    );

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
      <ErrorBox error={addCategory.error ?? deleteCategory.error ?? deleteItem.error ?? availability.error ?? upload.error ?? reorder.error} className="mb-3" />
      {categories.data.items.length === 0 && <Empty>No categories yet: add one (for example “Pizze”), then its items.</Empty>}
      {categories.data.items.map((c, index, all) => {
        const inCategory = items.data.items.filter((i) => i.category_id === c.id);
        const heading = (
          <h2 id={`mc-${c.id}`} className="text-xl font-semibold">
            {c.name}
          </h2>
        );
        return (
          <section key={c.id} aria-labelledby={`mc-${c.id}`} className="mb-6" data-testid="admin-category">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              {canEdit ? (
                <InlineRename name={c.name} what={`category ${c.name}`} maxLength={120} onSave={(name) => renameCategory(c, name)}>
                  {heading}
                </InlineRename>
              ) : (
                heading
              )}
              {canEdit && <MoveButtons what={`category ${c.name}`} first={index === 0} last={index === all.length - 1} busy={reorder.isPending} onMove={(delta) => moveCategory(all, index, delta)} />}
              {canEdit && inCategory.length === 0 && (
                <ConfirmButton variant="ghost" title={`Delete ${c.name}?`} question={<p>The empty category {c.name} leaves the menu.</p>} confirmLabel="Delete category" onConfirm={() => deleteCategory.mutate(c.id)}>
                  Delete category
                </ConfirmButton>
              )}
            </div>
            {inCategory.length === 0 ? (
              <Empty>No items in {c.name}.</Empty>
            ) : (
              <ul className="flex flex-col gap-2">
                {inCategory.map((listed, position) => (
                  <MenuItemRow
                    key={listed.id}
                    onRename={renameItem}
                    move={{ first: position === 0, last: position === inCategory.length - 1, busy: reorder.isPending, onMove: (delta) => moveItem(inCategory, position, delta) }}
                    item={listed.id in flipping ? { ...listed, is_available: flipping[listed.id]! } : listed}
                    currency={currency}
                    canEdit={canEdit}
                    on86={(item, sold) => availability.mutate({ item, available: !sold })}
                    onPhoto={(item, file) => upload.mutate({ item, file })}
                    onEdit={setEditing}
                    onDelete={(item) => deleteItem.mutate(item)}
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
