import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi } from '../api/endpoints';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Badge, Button, ErrorBox, Field, SelectField } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { CreateForm } from './CreateForm';
import { DataTable, Listing } from './DataTable';

export function StaffPage() {
  return (
    <NeedsRestaurant>
      <Staff />
    </NeedsRestaurant>
  );
}

function Staff() {
  const { restaurantId, role } = useAdmin();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users', restaurantId], queryFn: () => staffApi.users(restaurantId) });
  const [form, setForm] = useState({ username: '', email: '', password: '', role: 'chef' as 'chef' | 'waiter' | 'restaurant_admin' });
  const create = useMutation({
    mutationFn: () => staffApi.createUser({ ...form, restaurant_id: restaurantId }),
    onSuccess: () => {
      setForm({ username: '', email: '', password: '', role: 'chef' });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => staffApi.setUserActive(id, active),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <>
      <PageTitle>Staff accounts</PageTitle>
      <CreateForm title="New account" submitLabel="Create account" create={create}>
        <Field label="Username" required minLength={3} value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
        <Field label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <Field label="Password" type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} hint="At least 10 characters" />
        <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}>
          <option value="chef">Chef</option>
          <option value="waiter">Waiter</option>
          {role === 'master_admin' && <option value="restaurant_admin">Restaurant admin</option>}
        </SelectField>
      </CreateForm>
      <ErrorBox error={toggle.error} className="mb-3" />
      <Listing query={users} empty="No staff accounts yet.">
        {(rows) => (
          <DataTable
            caption="Staff accounts"
            rows={rows}
            rowKey={(u) => u.id}
            columns={[
              { header: 'Username', kind: 'name', cell: (u) => u.username },
              { header: 'Email', cell: (u) => u.email },
              { header: 'Role', cell: (u) => u.role.replace('_', ' ') },
              { header: 'State', cell: (u) => (u.is_active ? <Badge tone="green">active</Badge> : <Badge tone="red">deactivated</Badge>) },
              {
                header: 'Actions',
                kind: 'actions',
                cell: (u) =>
                  u.role !== 'restaurant_admin' &&
                  (u.is_active ? (
                    <ConfirmButton
                      aria-label={`Deactivate ${u.username}`}
                      title={`Deactivate ${u.username}?`}
                      question={<p>{u.username} is signed out on every screen at once and cannot sign in again until reactivated.</p>}
                      confirmLabel="Deactivate"
                      onConfirm={() => toggle.mutate({ id: u.id, active: false })}
                    >
                      Deactivate
                    </ConfirmButton>
                  ) : (
                    <Button variant="secondary" onClick={() => toggle.mutate({ id: u.id, active: true })} aria-label={`Reactivate ${u.username}`}>
                      Reactivate
                    </Button>
                  )),
              },
            ]}
          />
        )}
      </Listing>
    </>
  );
}
