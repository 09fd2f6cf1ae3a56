import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi } from '../api/endpoints';
import type { DiningTable, TableStatus } from '../api/types';
import { safeFilename, saveBlob } from '../lib/download';
import { Badge, Button, Empty, ErrorBox, Field, Loading, Modal } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';

const STATUSES: TableStatus[] = ['available', 'occupied', 'reserved', 'cleaning'];

export function TablesPage() {
  return (
    <NeedsRestaurant>
      <Tables />
    </NeedsRestaurant>
  );
}

function Tables() {
  const { restaurantId, role } = useAdmin();
  const rid = restaurantId!;
  const isAdmin = role === 'restaurant_admin' || role === 'master_admin';
  const queryClient = useQueryClient();
  const tables = useQuery({ queryKey: ['tables', rid], queryFn: () => staffApi.tables(rid) });
  const [form, setForm] = useState({ table_number: '', label: '', capacity: 4, zone: '' });
  const [rotating, setRotating] = useState<DiningTable | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['tables', rid] });

  const create = useMutation({
    mutationFn: () => staffApi.createTable(rid, { table_number: form.table_number, label: form.label || undefined, capacity: form.capacity, zone: form.zone || undefined }),
    onSuccess: () => {
      setForm({ table_number: '', label: '', capacity: 4, zone: '' });
      refresh();
    },
  });
  const status = useMutation({ mutationFn: ({ id, s }: { id: string; s: TableStatus }) => staffApi.setTableStatus(rid, id, s), onSuccess: refresh });
  const rotate = useMutation({
    mutationFn: (id: string) => staffApi.rotateQr(rid, id),
    onSuccess: () => {
      setRotating(null);
      refresh();
    },
  });

  const download = async (t: DiningTable, format: 'png' | 'svg') => {
    setError(null);
    try {
      saveBlob(await staffApi.qrImage(rid, t.id, format), `qr-${safeFilename(t.label ?? t.table_number)}.${format}`);
    } catch (e) {
      setError(e);
    }
  };
  const printSheet = async () => {
    setError(null);
    // open the tab inside the click, so pop-up blockers allow it, then fill it
    const tab = window.open('', '_blank');
    try {
      const blob = await staffApi.qrSheet(rid);
      const url = URL.createObjectURL(blob);
      if (tab) tab.location.href = url;
      else saveBlob(blob, 'qr-sheet.html');
    } catch (e) {
      tab?.close();
      setError(e);
    }
  };

  return (
    <>
      <PageTitle>Tables and QR codes</PageTitle>
      {isAdmin && (
        <section aria-labelledby="new-table" className="mb-6 rounded-lg border border-stone-300 bg-white p-4">
          <h2 id="new-table" className="mb-3 font-semibold">
            New table
          </h2>
          <form
            className="grid gap-3 sm:grid-cols-4"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate();
            }}
          >
            <Field label="Table number" required maxLength={20} value={form.table_number} onChange={(e) => setForm({ ...form, table_number: e.target.value })} />
            <Field label="Label" maxLength={100} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} hint="What diners and the kitchen see" />
            <Field label="Seats" type="number" min={1} max={100} required value={form.capacity} onChange={(e) => setForm({ ...form, capacity: Number(e.target.value) })} />
            <Field label="Zone" maxLength={60} value={form.zone} onChange={(e) => setForm({ ...form, zone: e.target.value })} />
            <ErrorBox error={create.error} className="sm:col-span-4" />
            <div className="sm:col-span-4">
              <Button type="submit" disabled={create.isPending}>
                Create table
              </Button>
            </div>
          </form>
        </section>
      )}
      <div className="mb-3 flex gap-2">
        <Button variant="secondary" onClick={() => void printSheet()}>
          Print QR sheet
        </Button>
      </div>
      <ErrorBox error={error ?? status.error} className="mb-3" />
      {tables.isPending && <Loading />}
      <ErrorBox error={tables.error} />
      {tables.data && tables.data.items.length === 0 && <Empty>No tables yet. Create the first one above.</Empty>}
      {tables.data && tables.data.items.length > 0 && (
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {tables.data.items.map((t) => (
            <li key={t.id} className="rounded-lg border border-stone-300 bg-white p-3" data-testid="table-card" data-table-id={t.id}>
              <div className="flex items-center justify-between">
                <h2 className="font-semibold">{t.label ?? `Table ${t.table_number}`}</h2>
                {t.is_active ? <Badge tone="green">active</Badge> : <Badge tone="red">inactive</Badge>}
              </div>
              <p className="text-sm text-stone-700">
                No. {t.table_number} · {t.capacity} seats{t.zone ? ` · ${t.zone}` : ''}
              </p>
              <label className="mt-2 flex items-center gap-2 text-sm">
                Status
                <select className="rounded border border-stone-400 px-2 py-1" value={t.status} onChange={(e) => status.mutate({ id: t.id, s: e.target.value as TableStatus })}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <p className="mt-2 break-all text-xs text-stone-600">
                Diner link: <a className="text-blue-800 underline" href={`/t/${t.qr_token}`}>{`/t/${t.qr_token}`}</a>
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => void download(t, 'png')} aria-label={`Download QR code (PNG) for ${t.label ?? t.table_number}`}>
                  QR PNG
                </Button>
                <Button variant="secondary" onClick={() => void download(t, 'svg')} aria-label={`Download QR code (SVG) for ${t.label ?? t.table_number}`}>
                  QR SVG
                </Button>
                {isAdmin && (
                  <Button variant="ghost" onClick={() => setRotating(t)}>
                    New QR code
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {rotating && (
        <Modal open onOpenChange={(o) => !o && setRotating(null)} title="Replace this table's QR code?" description="The printed code stops working at once; diners need the new one. Use this when a code was copied or misused.">
          <ErrorBox error={rotate.error} className="mb-3" />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setRotating(null)}>
              Keep the code
            </Button>
            <Button variant="danger" onClick={() => rotate.mutate(rotating.id)} disabled={rotate.isPending}>
              Replace the code
            </Button>
          </div>
        </Modal>
      )}
    </>
  );
}
