import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFilters } from './api/get-tickets';
import { countFilters, hasFilters } from './ticket-filters';
import { DEFAULT_TICKET_SORT, TICKET_KINDS, TICKET_PRIORITIES, TICKET_SORTS, TICKET_STATUSES } from './ticket-options';
import type { TicketKind, TicketPriority, TicketSort, TicketStatus } from './types';

interface Props {
  filters: TicketFilters;
  onChange: (patch: Partial<TicketFilters>) => void;
  onClear: () => void;
  isMobile: boolean;
}

const SEARCH_DELAY_MS = 350;

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return undefined;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <Input
      type="search"
      className="ticket-search"
      allowClear
      prefix={<SearchOutlined aria-hidden />}
      placeholder={t('tickets.searchPlaceholder')}
      aria-label={t('tickets.search')}
      value={text}
      maxLength={100}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => onSearch(text.trim())}
    />
  );
}

function useControls({ filters, onChange }: Props) {
  const { t } = useTranslation();
  return {
    status: (
      <Select<TicketStatus[]>
        mode="multiple"
        allowClear
        aria-label={t('tickets.filters.status')}
        placeholder={t('tickets.filters.anyStatus')}
        value={filters.status ?? []}
        onChange={(status) => onChange({ status })}
        options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`tickets.statuses.${status}`) }))}
        maxTagCount="responsive"
        className="filter-status"
      />
    ),
    priority: (
      <Select<TicketPriority[]>
        mode="multiple"
        allowClear
        aria-label={t('tickets.filters.priority')}
        placeholder={t('tickets.filters.anyPriority')}
        value={filters.priority ?? []}
        onChange={(priority) => onChange({ priority })}
        options={TICKET_PRIORITIES.map((priority) => ({ value: priority, label: t(`tickets.priorities.${priority}`) }))}
        maxTagCount="responsive"
        className="filter-priority"
      />
    ),
    kind: (
      <Select<TicketKind[]>
        mode="multiple"
        allowClear
        aria-label={t('tickets.filters.kind')}
        placeholder={t('tickets.filters.anyKind')}
        value={filters.kind ?? []}
        onChange={(kind) => onChange({ kind })}
        options={TICKET_KINDS.map((kind) => ({ value: kind, label: t(`tickets.kinds.${kind}`) }))}
        maxTagCount="responsive"
        className="filter-kind"
      />
    ),
    assignee: (
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
    breached: (
      <Checkbox
        checked={!!filters.breached}
        onChange={(event) => onChange({ breached: event.target.checked || undefined })}
        className="filter-breached"
      >
        {t('tickets.filters.breached')}
      </Checkbox>
    ),
    sort: (
      <Select<TicketSort>
        aria-label={t('tickets.sort.label')}
        value={filters.sort ?? DEFAULT_TICKET_SORT}
        onChange={(sort) => onChange({ sort })}
        options={TICKET_SORTS.map((sort) => ({ value: sort, label: t(`tickets.sort.${sort}`) }))}
        className="filter-sort"
        popupMatchSelectWidth={false}
      />
    ),
  };
}

/** Search, filters and sort of the ticket list. On phones the filters open in a drawer. */
export function TicketFilterBar(props: Props) {
  const { t } = useTranslation();
  const { filters, onChange, onClear, isMobile } = props;
  const controls = useControls(props);
  const [open, setOpen] = useState(false);
  const count = countFilters(filters);
  const search = <SearchBox value={filters.q ?? ''} onSearch={(q) => onChange({ q: q || undefined })} />;

  if (!isMobile) {
    return (
      <Flex wrap gap={8} align="center" className="ticket-filter-bar" role="search" aria-label={t('tickets.filters.label')}>
        {search}
        {controls.status}
        {controls.priority}
        {controls.kind}
        {controls.assignee}
        {controls.breached}
        {controls.sort}
        {hasFilters(filters) && (
          <Button type="link" onClick={onClear}>
            {t('tickets.filters.clear')}
          </Button>
        )}
      </Flex>
    );
  }

  return (
    <div className="ticket-filter-bar mobile" role="search" aria-label={t('tickets.filters.label')}>
      <Flex gap={8}>
        {search}
        <Badge count={count} size="small">
          <Button
            icon={<FilterOutlined aria-hidden />}
            className="tap-target"
            onClick={() => setOpen(true)}
            aria-label={count ? t('tickets.filters.open', { count }) : undefined}
          >
            {t('tickets.filters.button')}
          </Button>
        </Badge>
      </Flex>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="88%"
        title={t('tickets.filters.title')}
        className="filter-drawer"
        footer={
          <Flex gap={8}>
            <Button size="large" block onClick={onClear} disabled={!hasFilters(filters)}>
              {t('tickets.filters.clear')}
            </Button>
            <Button size="large" block type="primary" onClick={() => setOpen(false)}>
              {t('tickets.filters.show')}
            </Button>
          </Flex>
        }
      >
        <Form layout="vertical" size="large" component="div">
          <Form.Item label={t('tickets.filters.status')}>{controls.status}</Form.Item>
          <Form.Item label={t('tickets.filters.priority')}>{controls.priority}</Form.Item>
          <Form.Item label={t('tickets.filters.kind')}>{controls.kind}</Form.Item>
          <Form.Item label={t('tickets.filters.assignee')}>{controls.assignee}</Form.Item>
          <Form.Item>{controls.breached}</Form.Item>
          <Form.Item label={t('tickets.sort.label')}>{controls.sort}</Form.Item>
        </Form>
      </Drawer>
    </div>
  );
}
