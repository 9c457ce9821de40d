// A <select> with its visible <label> tied to it by id (WCAG 1.3.1 and 3.3.2: the label names the control);
// shared by the simulator's forms.
import type { SelectHTMLAttributes } from 'react';
import { controlClass } from './control-class';

export type SelectOption = { value: string; label: string };

export type LabelledSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children' | 'className'> & {
  id: string;
  label: string;
  options: readonly SelectOption[];
  /** A first option with the value "" (for example "use the IP address instead"). */
  emptyOption?: string;
  className?: string;
};

export function LabelledSelect({ id, label, options, emptyOption, className, ...select }: LabelledSelectProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} name={id} {...select} className={controlClass}>
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
