import { X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import './Modal.css';

interface ModalProps {
  /** The dialog's name, for its heading and for screen readers. */
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons and status at the bottom. */
  footer?: ReactNode;
  className?: string;
}

/**
 * A dialog over the app: a header with its title and a close button, a body that scrolls, and a
 * footer. Escape (from anywhere inside) or a click outside closes it; inner popups that handle
 * Escape themselves stop it first. Focus moves into it when it opens (unless a field inside took it).
 */
export function Modal({ title, onClose, children, footer, className }: ModalProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current && !box.current.contains(document.activeElement)) box.current.focus();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div
        ref={box}
        tabIndex={-1}
        className={`modal ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="modal-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            <X />
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-footer">{footer}</footer>}
      </div>
    </div>
  );
}
