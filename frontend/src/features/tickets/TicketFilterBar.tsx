import { Checkbox, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompanyPicker, type Chosen } from '../../components/CompanyPicker';
import { ListFilterBar, type FilterControl } from '../../components/ListFilterBar';
import { MultiSelectFilter } from '../../components/MultiSelectFilter';
import type { TicketFilters } from './api/get-tickets';
import { countFilters, hasFilters } from './ticket-filters';
import { DEFAULT_TICKET_SORT, TICKET_KINDS, TICKET_PRIORITIES, TICKET_SORTS, TICKET_STATUSES } from './ticket-options';
import type { TicketKind, TicketPriority, TicketStatus } from './types';

interface Props {
  filters: TicketFilters;
  /** The company the list is filtered to, by name (`#id` until loaded). */
  company: Chosen | null;
  onChange: (patch: Partial<TicketFilters>) => void;
  onClear: () => void;
  isMobile: boolean;
}

/** The filters, in display order (the sort comes last). */
function useControls({ filters, company, onChange }: Props): FilterControl[] {
  const { t } = useTranslation();
  return [
    {
      key: 'status',
      label: t('tickets.filters.status'),
      node: (
        <MultiSelectFilter<TicketStatus>
          label={t('tickets.filters.status')}
          placeholder={t('tickets.filters.anyStatus')}
          value={filters.status}
          onChange={(status) => onChange({ status })}
          options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`tickets.statuses.${status}`) }))}
          className="filter-status"
        />
      ),
    },
    {
      key: 'priority',
      label: t('tickets.filters.priority'),
      node: (
        <MultiSelectFilter<TicketPriority>
          label={t('tickets.filters.priority')}
          placeholder={t('tickets.filters.anyPriority')}
          value={filters.priority}
          onChange={(priority) => onChange({ priority })}
          options={TICKET_PRIORITIES.map((priority) => ({ value: priority, label: t(`tickets.priorities.${priority}`) }))}
          className="filter-priority"
        />
      ),
    },
    {
      key: 'kind',
      label: t('tickets.filters.kind'),
      node: (
        <MultiSelectFilter<TicketKind>
          label={t('tickets.filters.kind')}
          placeholder={t('tickets.filters.anyKind')}
          value={filters.kind}
          onChange={(kind) => onChange({ kind })}
          options={TICKET_KINDS.map((kind) => ({ value: kind, label: t(`tickets.kinds.${kind}`) }))}
          className="filter-kind"
        />
      ),
    },
    {
      key: 'company',
      label: t('tickets.filters.company'),
      node: (
        <CompanyPicker
          aria-label={t('tickets.filters.company')}
          value={filters.company}
          chosen={company}
          // A company picked here replaces a contact filter (another company's contact would match nothing).
          onChange={(id) => onChange({ company: id ?? undefined, contact: undefined })}
          className="filter-company"
        />
      ),
    },
    {
      key: 'assignee',
      label: t('tickets.filters.assignee'),
      node: (
        <Select<'me' | 'none'>
          allowClear
          aria-label={t('tickets.filters.assignee')}
          placeholder={t('tickets.filters.anyAssignee')}
          value={filters.assignee}
          onChange={(assignee) => onChange({ assignee: assignee || undefined })}
          options={[
            { value: 'me', label: t('tickets.assignees.me') },
            { value: 'none', label: t('tickets.assignees.none') },
          ]}
          className="filter-assignee"
          popupMatchSelectWidth={false}
        />
      ),
    },
    {
      key: 'breached',
      node: (
        <Checkbox
          checked={!!filters.breached}
          onChange={(event) => onChange({ breached: event.target.checked || undefined })}
          className="filter-breached"
        >
          {t('tickets.filters.breached')}
        </Checkbox>
      ),
    },
    {
      key: 'replied',
      node: (
        <Checkbox
          checked={!!filters.replied}
          onChange={(event) => onChange({ replied: event.target.checked || undefined })}
          className="filter-replied"
        >
          {t('tickets.filters.replied')}
        </Checkbox>
      ),
    },
  ];
}

/** Search, filters and sort of the ticket list. On phones the filters open in a drawer. */
export function TicketFilterBar(props: Props) {
  const { filters, onChange, onClear, isMobile } = props;
  const controls = useControls(props);
  return (
    <ListFilterBar
      list="tickets"
      filters={filters}
      onChange={onChange}
      onClear={onClear}
      controls={controls}
      sorts={TICKET_SORTS}
      defaultSort={DEFAULT_TICKET_SORT}
      activeCount={countFilters(filters)}
      hasFilters={hasFilters(filters)}
      isMobile={isMobile}
    />
  );
}
