// A text <input> with its visible <label> tied to it by id (WCAG 1.3.1 and 3.3.2), the input counterpart of
// labelled-select.tsx; shared by the simulator's forms.
import type { InputHTMLAttributes } from 'react';
import { controlClass } from './control-class';

export type LabelledInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & {
  id: string;
  label: string;
  className?: string;
};

export function LabelledInput({ id, label, className, ...input }: LabelledInputProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input id={id} name={id} {...input} className={controlClass} />
    </div>
  );
}
