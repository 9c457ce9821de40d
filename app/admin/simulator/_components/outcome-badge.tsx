// An outcome shown with colour AND an icon AND text, so it reads without colour (WCAG 1.4.1).
import type { ReactNode } from 'react';

export type OutcomeKind = 'granted' | 'interrupted' | 'blocked' | 'unavailable' | 'notApplicable';

const styles: Record<OutcomeKind, { icon: string; className: string }> = {
  granted: { icon: '✓', className: 'border-emerald-700 bg-emerald-50 text-emerald-900' },
  interrupted: { icon: '!', className: 'border-amber-700 bg-amber-50 text-amber-950' },
  blocked: { icon: '✕', className: 'border-red-700 bg-red-50 text-red-900' },
  unavailable: { icon: '⊘', className: 'border-slate-500 bg-slate-100 text-slate-800' },
  notApplicable: { icon: '–', className: 'border-slate-400 bg-white text-slate-700' },
};

export const outcomeFill: Record<Exclude<OutcomeKind, 'notApplicable'>, string> = {
  granted: '#047857',
  interrupted: '#b45309',
  blocked: '#b91c1c',
  unavailable: '#64748b',
};

export function OutcomeBadge({
  outcome,
  label,
  children,
}: {
  outcome: OutcomeKind;
  label: string;
  children?: ReactNode;
}) {
  const style = styles[outcome];
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded border px-2 py-0.5 text-sm font-medium ${style.className}`}
      data-outcome={outcome}
    >
      <span aria-hidden="true" className="font-bold">
        {style.icon}
      </span>
      <span>{label}</span>
      {children}
    </span>
  );
}
