import { useId, type ReactNode } from 'react';
import { Button, ErrorBox } from '../ui/ui';

/** The console's "new …" box: a titled form whose fields sit in a grid, the service's refusal, and one button. */
export function CreateForm({
  title,
  submitLabel,
  create,
  wide = false,
  children,
}: {
  title: string;
  submitLabel: string;
  create: { mutate: () => void; isPending: boolean; error: unknown };
  /** Four columns instead of two (short fields). */
  wide?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  const span = wide ? 'sm:col-span-4' : 'sm:col-span-2';
  return (
    <section aria-labelledby={id} className="mb-6 rounded-lg border border-stone-300 bg-white p-4">
      <h2 id={id} className="mb-3 font-semibold">
        {title}
      </h2>
      <form
        className={`grid gap-3 ${wide ? 'sm:grid-cols-4' : 'sm:grid-cols-2'}`}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        {children}
        <ErrorBox error={create.error} className={span} />
        <div className={span}>
          <Button type="submit" disabled={create.isPending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </section>
  );
}
