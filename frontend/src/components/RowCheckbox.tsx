import { Checkbox } from 'antd';
import type { Key } from 'react';
import { useTranslation } from 'react-i18next';

/** A phone card's checkbox for bulk actions, named after its record. */
export function RowCheckbox({
  id,
  name,
  selectedIds,
  onChange,
}: {
  id: number;
  name: string;
  selectedIds: number[];
  onChange: (ids: number[]) => void;
}) {
  const { t } = useTranslation();
  const checked = selectedIds.includes(id);
  return (
    <Checkbox
      className="row-checkbox tap-target"
      checked={checked}
      aria-label={t('bulk.selectRow', { name })}
      onChange={(event) => onChange(event.target.checked ? [...selectedIds, id] : selectedIds.filter((value) => value !== id))}
    />
  );
}

/** antd Table's rowSelection for bulk actions: each checkbox named after its record. */
export function tableRowSelection<T extends { id: number }>(
  selectedIds: number[],
  onChange: (ids: number[]) => void,
  rowLabel: (row: T) => string,
  selectRowLabel: (name: string) => string,
) {
  return {
    selectedRowKeys: selectedIds,
    onChange: (keys: Key[]) => onChange(keys.map(Number)),
    getCheckboxProps: (row: T) => ({ 'aria-label': selectRowLabel(rowLabel(row)) }),
  };
}
