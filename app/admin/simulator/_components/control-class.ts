// The look of a form control in the simulator's forms (full width under its label, a visible border: WCAG 1.4.11).
export const controlClass = 'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2';
