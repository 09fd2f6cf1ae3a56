import { useState, type ReactNode } from 'react';
import { Button, Modal } from './ui';

/**
 * A button for something that cannot be taken back (delete, deactivate, close without payment): it asks
 * first, in a dialog that names what will happen, and acts only on the dialog's own button.
 */
export function ConfirmButton({
  children,
  title,
  question,
  confirmLabel,
  onConfirm,
  variant = 'secondary',
  disabled,
  className,
  'aria-label': ariaLabel,
}: {
  children: ReactNode;
  title: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  variant?: 'secondary' | 'danger' | 'ghost';
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setAsking(true)} disabled={disabled} className={className} aria-label={ariaLabel}>
        {children}
      </Button>
      <Modal open={asking} onOpenChange={setAsking} title={title}>
        <div className="text-sm text-stone-800">{question}</div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setAsking(false)}>
            Go back
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              setAsking(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </Modal>
    </>
  );
}
