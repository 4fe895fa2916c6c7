import { Select } from 'antd';

interface Props<T extends string> {
  /** Names the control (its visible label is the filter bar's or the drawer's). */
  label: string;
  /** Shown while nothing is chosen, e.g. "Any status". */
  placeholder: string;
  value: T[] | undefined;
  onChange: (value: T[]) => void;
  options: { value: T; label: string }[];
  className?: string;
}

/** A list filter that takes several values (statuses, priorities…); tags collapse to fit its width. */
export function MultiSelectFilter<T extends string>({ label, placeholder, value, onChange, options, className }: Props<T>) {
  return (
    <Select<T[]>
      mode="multiple"
      allowClear
      aria-label={label}
      placeholder={placeholder}
      value={value ?? []}
      onChange={onChange}
      options={options}
      maxTagCount="responsive"
      className={className}
    />
  );
}
