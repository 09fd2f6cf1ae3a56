import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useRef, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { describeError } from '../api/client';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800 disabled:bg-stone-400',
  secondary: 'bg-white text-stone-900 border border-stone-400 hover:bg-stone-100 disabled:text-stone-500',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-400',
  ghost: 'text-blue-800 hover:bg-blue-50 disabled:text-stone-500',
};

export function Button({ variant = 'primary', className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type="button"
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-semibold disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}

/** A labelled input; the label is always there for screen readers. */
export function Field({ label, hint, className = '', ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <input id={id} className="rounded-md border border-stone-400 bg-white px-3 py-2 text-sm text-stone-900" aria-describedby={hint ? `${id}-hint` : undefined} {...props} />
      {hint && (
        <span id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </span>
      )}
    </div>
  );
}

export function SelectField({ label, children, className = '', ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={id} className="rounded-md border border-stone-400 bg-white px-3 py-2 text-sm text-stone-900" {...props}>
        {children}
      </select>
    </div>
  );
}

/** The problem+json title and detail of a failed call. */
export function ErrorBox({ error, className = '' }: { error: unknown; className?: string }) {
  if (!error) return null;
  const { title, detail } = describeError(error);
  return (
    <div role="alert" className={`rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 ${className}`}>
      <p className="font-semibold">{title}</p>
      {detail && <p>{detail}</p>}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className="p-4 text-sm text-stone-600">
      <span className="mr-2 inline-block h-3 w-3 animate-spin rounded-full border-2 border-stone-400 border-t-transparent align-middle" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600">{children}</p>;
}

/** An accessible modal (Radix): focus trapped, Escape closes, title announced. */
export function Modal({
  open,
  onOpenChange,
  title,
  description,
  children,
  side = false,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  /** A bottom sheet on phones instead of a centred dialog. */
  side?: boolean;
}) {
  // give the focus back to whatever opened the dialog, also when the caller unmounts it on close
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  wasOpen.current = open;
  useEffect(() => {
    if (!open) return undefined;
    return () => {
      const el = opener.current;
      setTimeout(() => {
        if (el?.isConnected && !document.querySelector('[role="dialog"]')) el.focus();
      }, 0);
    };
  }, [open]);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className={`fixed z-50 flex max-h-[90vh] flex-col overflow-y-auto bg-white p-4 shadow-xl ${
            side
              ? 'inset-x-0 bottom-0 rounded-t-2xl sm:left-1/2 sm:w-[32rem] sm:-translate-x-1/2'
              : 'left-1/2 top-1/2 w-[min(40rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl'
          }`}
        >
          <div className="mb-3 flex items-start justify-between gap-2">
            <Dialog.Title className="text-lg font-bold">{title}</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="rounded px-2 text-xl leading-none text-stone-700 hover:bg-stone-100" aria-label="Close">
                ×
              </button>
            </Dialog.Close>
          </div>
          {description ? <Dialog.Description className="mb-3 text-sm text-stone-700">{description}</Dialog.Description> : <Dialog.Description className="sr-only">{title}</Dialog.Description>}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function Badge({ children, tone = 'stone' }: { children: ReactNode; tone?: 'stone' | 'green' | 'amber' | 'red' | 'blue' }) {
  const tones = {
    stone: 'bg-stone-200 text-stone-900',
    green: 'bg-emerald-100 text-emerald-900',
    amber: 'bg-amber-100 text-amber-900',
    red: 'bg-red-100 text-red-900',
    blue: 'bg-blue-100 text-blue-900',
  };
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>;
}

export function statusTone(status: string): 'stone' | 'green' | 'amber' | 'red' | 'blue' {
  switch (status) {
    case 'PENDING':
      return 'amber';
    case 'CONFIRMED':
    case 'PREPARING':
      return 'blue';
    case 'READY':
    case 'SERVED':
    case 'COMPLETED':
      return 'green';
    case 'CANCELLED':
      return 'red';
    default:
      return 'stone';
  }
}
