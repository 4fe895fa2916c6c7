import { DatePicker, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignee, LeadSource, LeadStatus } from '../../api/types';
import { ListFilterBar, type FilterControl } from '../../components/ListFilterBar';
import { MultiSelectFilter } from '../../components/MultiSelectFilter';
import { dayjs, type Dayjs } from '../../lib/dates';
import type { DueWithin, LeadFilters } from './api/get-leads';
import { countFilters, hasFilters } from './lead-filters';
import { DEFAULT_SORT, DUE_WITHIN, LEAD_SORTS, LEAD_SOURCES, LEAD_STATUSES } from './lead-options';

interface Props {
  filters: LeadFilters;
  onChange: (patch: Partial<LeadFilters>) => void;
  onClear: () => void;
  isMobile: boolean;
  /** Team members a manager/admin can filter by (empty for sales). */
  assignees: Assignee[];
  meId: number;
}

function toDay(value: Dayjs | null): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** The filters, in display order (the sort comes last); the created-date range shares a row in the drawer. */
function useControls({ filters, onChange, assignees, meId }: Props): (FilterControl | FilterControl[])[] {
  const { t } = useTranslation();
  const ownerOptions = [
    { value: 'me', label: t('leads.owners.me') },
    { value: 'none', label: t('leads.owners.none') },
    ...assignees
      .filter(({ id }) => id !== meId)
      .map(({ id, name }) => ({ value: String(id), label: name })),
  ];
  return [
    {
      key: 'status',
      label: t('leads.filters.status'),
      node: (
        <MultiSelectFilter<LeadStatus>
          label={t('leads.filters.status')}
          placeholder={t('leads.filters.anyStatus')}
          value={filters.status}
          onChange={(status) => onChange({ status })}
          options={LEAD_STATUSES.map((status) => ({ value: status, label: t(`leads.statuses.${status}`) }))}
          className="filter-status"
        />
      ),
    },
    {
      key: 'owner',
      label: t('leads.filters.owner'),
      node: (
        <Select<string>
          allowClear
          aria-label={t('leads.filters.owner')}
          placeholder={t('leads.filters.anyOwner')}
          value={filters.owner}
          onChange={(owner) => onChange({ owner: owner || undefined })}
          options={ownerOptions}
          className="filter-owner"
          showSearch={{ optionFilterProp: 'label' }}
        />
      ),
    },
    {
      key: 'due',
      label: t('leads.filters.due'),
      node: (
        <Select<DueWithin>
          allowClear
          aria-label={t('leads.filters.due')}
          placeholder={t('leads.filters.anyDue')}
          value={filters.due}
          onChange={(due) => onChange({ due: due || undefined })}
          options={DUE_WITHIN.map((due) => ({ value: due, label: t(`leads.filters.dueWithin.${due}`) }))}
          className="filter-due"
          popupMatchSelectWidth={false}
        />
      ),
    },
    {
      key: 'source',
      label: t('leads.filters.source'),
      node: (
        <MultiSelectFilter<LeadSource>
          label={t('leads.filters.source')}
          placeholder={t('leads.filters.anySource')}
          value={filters.source}
          onChange={(source) => onChange({ source })}
          options={LEAD_SOURCES.map((source) => ({ value: source, label: t(`leads.sources.${source}`) }))}
          className="filter-source"
        />
      ),
    },
    [
      {
        key: 'createdFrom',
        label: t('leads.filters.createdFrom'),
        node: (
          <DatePicker
            aria-label={t('leads.filters.createdFrom')}
            placeholder={t('leads.filters.createdFrom')}
            value={filters.createdFrom ? dayjs(filters.createdFrom) : null}
            onChange={(value) => onChange({ createdFrom: toDay(value) })}
            disabledDate={(day) => !!filters.createdTo && day.isAfter(dayjs(filters.createdTo), 'day')}
            className="filter-date"
            inputReadOnly
          />
        ),
      },
      {
        key: 'createdTo',
        label: t('leads.filters.createdTo'),
        node: (
          <DatePicker
            aria-label={t('leads.filters.createdTo')}
            placeholder={t('leads.filters.createdTo')}
            value={filters.createdTo ? dayjs(filters.createdTo) : null}
            onChange={(value) => onChange({ createdTo: toDay(value) })}
            disabledDate={(day) => !!filters.createdFrom && day.isBefore(dayjs(filters.createdFrom), 'day')}
            className="filter-date"
            inputReadOnly
          />
        ),
      },
    ],
  ];
}

/** Search, filters and sort of the lead list. On phones the filters open in a drawer. */
export function LeadFilterBar(props: Props) {
  const { filters, onChange, onClear, isMobile } = props;
  const controls = useControls(props);
  return (
    <ListFilterBar
      list="leads"
      filters={filters}
      onChange={onChange}
      onClear={onClear}
      controls={controls}
      sorts={LEAD_SORTS}
      defaultSort={DEFAULT_SORT}
      activeCount={countFilters(filters)}
      hasFilters={hasFilters(filters)}
      isMobile={isMobile}
    />
  );
}
