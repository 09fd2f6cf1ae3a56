import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi } from '../api/endpoints';
import { Badge, Button, Empty, ErrorBox, Field, Loading, SelectField } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';

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
      <section aria-labelledby="new-staff" className="mb-6 rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="new-staff" className="mb-3 font-semibold">
          New account
        </h2>
        <form
          className="grid gap-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field label="Username" required minLength={3} value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
          <Field label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          <Field label="Password" type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} hint="At least 10 characters" />
          <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}>
            <option value="chef">Chef</option>
            <option value="waiter">Waiter</option>
            {role === 'master_admin' && <option value="restaurant_admin">Restaurant admin</option>}
          </SelectField>
          <ErrorBox error={create.error} className="sm:col-span-2" />
          <div className="sm:col-span-2">
            <Button type="submit" disabled={create.isPending}>
              Create account
            </Button>
          </div>
        </form>
      </section>
      {users.isPending && <Loading />}
      <ErrorBox error={users.error ?? toggle.error} />
      {users.data && users.data.items.length === 0 && <Empty>No staff accounts yet.</Empty>}
      {users.data && users.data.items.length > 0 && (
        <table className="w-full bg-white text-sm">
          <caption className="sr-only">Staff accounts</caption>
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th className="p-2">Username</th>
              <th className="p-2">Email</th>
              <th className="p-2">Role</th>
              <th className="p-2">State</th>
              <th className="p-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id} className="border-b border-stone-200">
                <td className="p-2 font-medium">{u.username}</td>
                <td className="p-2">{u.email}</td>
                <td className="p-2">{u.role.replace('_', ' ')}</td>
                <td className="p-2">{u.is_active ? <Badge tone="green">active</Badge> : <Badge tone="red">deactivated</Badge>}</td>
                <td className="p-2 text-right">
                  {u.role !== 'restaurant_admin' && (
                    <Button variant="secondary" onClick={() => toggle.mutate({ id: u.id, active: !u.is_active })}>
                      {u.is_active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
