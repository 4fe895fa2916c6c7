import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignee } from '../api/types';

/** antd Select options cannot have a null value: "unassigned" is 0 inside the select. */
const UNASSIGNED = 0;

/** The owner of a record (lead, company, contact): one of the assignees, or nobody. */
export function OwnerSelect({
  assignees,
  loading,
  value,
  onChange,
  id,
}: {
  assignees: Assignee[];
  loading?: boolean;
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<number>
      id={id}
      value={value ?? UNASSIGNED}
      onChange={(next) => onChange?.(next === UNASSIGNED ? null : next)}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      options={[
        { value: UNASSIGNED, label: t('leads.unassigned') },
        ...assignees.map(({ id: userId, name }) => ({ value: userId, label: name })),
      ]}
    />
  );
}
