import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { staffApi } from '../api/endpoints';
import type { DiningTable, TableStatus } from '../api/types';
import { safeFilename, saveBlob } from '../lib/download';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Badge, Button, ErrorBox, Field, Modal } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { CreateForm } from './CreateForm';
import { Listing } from './DataTable';

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
  const [editing, setEditing] = useState<DiningTable | null>(null);
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

  // a table whose party still has an open tab stays (409, the service says which): staff clear it first
  const remove = useMutation({ mutationFn: (table: DiningTable) => staffApi.deleteTable(rid, table.id), onSuccess: refresh });

  const download = useMutation({
    mutationFn: async ({ table, format }: { table: DiningTable; format: 'png' | 'svg' }) =>
      saveBlob(await staffApi.qrImage(rid, table.id, format), `qr-${safeFilename(table.label ?? table.table_number)}.${format}`),
  });
  // the tab is opened inside the click, so pop-up blockers allow it, and filled when the sheet arrives
  const printSheet = useMutation({
    mutationFn: async (tab: Window | null) => {
      const blob = await staffApi.qrSheet(rid);
      if (tab) tab.location.href = URL.createObjectURL(blob);
      else saveBlob(blob, 'qr-sheet.html');
    },
    onError: (_e, tab) => tab?.close(),
  });

  return (
    <>
      <PageTitle>Tables and QR codes</PageTitle>
      {isAdmin && (
        <CreateForm title="New table" submitLabel="Create table" create={create} wide>
          <Field label="Table number" required maxLength={20} value={form.table_number} onChange={(e) => setForm({ ...form, table_number: e.target.value })} />
          <Field label="Label" maxLength={100} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} hint="What diners and the kitchen see" />
          <Field label="Seats" type="number" min={1} max={100} required value={form.capacity} onChange={(e) => setForm({ ...form, capacity: Number(e.target.value) })} />
          <Field label="Zone" maxLength={60} value={form.zone} onChange={(e) => setForm({ ...form, zone: e.target.value })} />
        </CreateForm>
      )}
      <div className="mb-3 flex gap-2">
        <Button variant="secondary" onClick={() => printSheet.mutate(window.open('', '_blank'))}>
          Print QR sheet
        </Button>
      </div>
      <ErrorBox error={download.error ?? printSheet.error ?? status.error} className="mb-3" />
      {remove.error instanceof ApiError && remove.error.kind === 'table-has-open-tab' ? (
        <p role="alert" className="mb-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="table-has-open-tab">
          {remove.variables?.label ?? 'This table'} still has an open tab, so it stays. Close the tab or clear the table on{' '}
          <Link to="/admin/sessions" className="font-semibold underline">
            Tables &amp; bills
          </Link>{' '}
          first, then remove it.
        </p>
      ) : (
        <ErrorBox error={remove.error} className="mb-3" />
      )}
      <Listing query={tables} empty="No tables yet. Create the first one above.">
        {(items) => (
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {items.map((t) => (
              <TableCard
                key={t.id}
                table={t}
                isAdmin={isAdmin}
                onStatus={(s) => status.mutate({ id: t.id, s })}
                onDownload={(format) => download.mutate({ table: t, format })}
                onRotate={() => setRotating(t)}
                onEdit={() => setEditing(t)}
                onRemove={() => remove.mutate(t)}
              />
            ))}
          </ul>
        )}
      </Listing>
      {editing && (
        <TableEditor
          rid={rid}
          table={editing}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
        />
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

function TableCard({
  table: t,
  isAdmin,
  onStatus,
  onDownload,
  onRotate,
  onEdit,
  onRemove,
}: {
  table: DiningTable;
  isAdmin: boolean;
  onStatus: (status: TableStatus) => void;
  onDownload: (format: 'png' | 'svg') => void;
  onRotate: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const name = t.label ?? t.table_number;
  return (
    <li className="rounded-lg border border-stone-300 bg-white p-3" data-testid="table-card" data-table-id={t.id}>
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">{t.label ?? `Table ${t.table_number}`}</h2>
        {t.is_active ? <Badge tone="green">active</Badge> : <Badge tone="red">inactive</Badge>}
      </div>
      <p className="text-sm text-stone-700">
        No. {t.table_number} · {t.capacity} seats{t.zone ? ` · ${t.zone}` : ''}
      </p>
      <label className="mt-2 flex items-center gap-2 text-sm">
        Status
        <select className="rounded border border-stone-400 px-2 py-1" value={t.status} onChange={(e) => onStatus(e.target.value as TableStatus)}>
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
        <Button variant="secondary" onClick={() => onDownload('png')} aria-label={`Download QR code (PNG) for ${name}`}>
          QR PNG
        </Button>
        <Button variant="secondary" onClick={() => onDownload('svg')} aria-label={`Download QR code (SVG) for ${name}`}>
          QR SVG
        </Button>
        {isAdmin && (
          <>
            <Button variant="ghost" onClick={onRotate}>
              New QR code
            </Button>
            <Button variant="secondary" onClick={onEdit} aria-label={`Edit ${name}`}>
              Edit
            </Button>
            <ConfirmButton
              variant="danger"
              aria-label={`Remove ${name}`}
              title={`Remove ${name}?`}
              question={<p>{name} and its QR code go for good: the printed code stops working and diners who scanned it can no longer order. Past orders keep the table's name. To keep the table but stop orders for a while, edit it and untick “In service”.</p>}
              confirmLabel="Remove table"
              onConfirm={onRemove}
            >
              Remove
            </ConfirmButton>
          </>
        )}
      </div>
    </li>
  );
}

/** Edit a table: number, label, seats, zone and whether it is in service (its status and code stay). */
function TableEditor({ rid, table, onDone }: { rid: string; table: DiningTable; onDone: () => void }) {
  const [form, setForm] = useState({ table_number: table.table_number, label: table.label ?? '', capacity: table.capacity, zone: table.zone ?? '', is_active: table.is_active });
  const save = useMutation({
    mutationFn: () =>
      staffApi.updateTable(rid, table.id, { ...form, label: form.label || undefined, zone: form.zone || undefined, status: table.status }),
    onSuccess: onDone,
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <Modal open onOpenChange={(o) => !o && onDone()} title={`Edit ${table.label ?? table.table_number}`}>
      <form
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label="Table number" required maxLength={20} value={form.table_number} onChange={(e) => setForm({ ...form, table_number: e.target.value })} />
        <Field label="Label" maxLength={100} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} hint="Empty: “Table <number>”" />
        <Field label="Seats" type="number" min={1} max={100} required value={form.capacity} onChange={(e) => setForm({ ...form, capacity: Number(e.target.value) })} />
        <Field label="Zone" maxLength={60} value={form.zone} onChange={(e) => setForm({ ...form, zone: e.target.value })} />
        <label className="flex items-center gap-2 text-sm font-medium sm:col-span-2">
          <input type="checkbox" className="h-5 w-5" checked={form.is_active} onChange={(e) => setForm({ ...form, is_active: e.target.checked })} />
          In service (diners can scan its code and order)
        </label>
        {conflict ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 sm:col-span-2">
            Another table already has the number {form.table_number}.
          </p>
        ) : (
          <ErrorBox error={save.error} className="sm:col-span-2" />
        )}
        <div className="flex justify-end gap-2 sm:col-span-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            Save table
          </Button>
        </div>
      </form>
    </Modal>
  );
}
