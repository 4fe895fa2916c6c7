import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignee, LeadSort, LeadSource, LeadStatus } from '../../api/types';
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
      className="lead-search"
      allowClear
      prefix={<SearchOutlined aria-hidden />}
      placeholder={t('leads.searchPlaceholder')}
      aria-label={t('leads.search')}
      value={text}
      maxLength={100}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => onSearch(text.trim())}
    />
  );
}

function toDay(value: Dayjs | null): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

function useControls({ filters, onChange, assignees, meId }: Props) {
  const { t } = useTranslation();
  const ownerOptions = [
    { value: 'me', label: t('leads.owners.me') },
    { value: 'none', label: t('leads.owners.none') },
    ...assignees
      .filter(({ id }) => id !== meId)
      .map(({ id, name }) => ({ value: String(id), label: name })),
  ];
  return {
    status: (
      <Select<LeadStatus[]>
        mode="multiple"
        allowClear
        aria-label={t('leads.filters.status')}
        placeholder={t('leads.filters.anyStatus')}
        value={filters.status ?? []}
        onChange={(status) => onChange({ status })}
        options={LEAD_STATUSES.map((status) => ({ value: status, label: t(`leads.statuses.${status}`) }))}
        maxTagCount="responsive"
        className="filter-status"
      />
    ),
    owner: (
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
    source: (
      <Select<LeadSource[]>
        mode="multiple"
        allowClear
        aria-label={t('leads.filters.source')}
        placeholder={t('leads.filters.anySource')}
        value={filters.source ?? []}
        onChange={(source) => onChange({ source })}
        options={LEAD_SOURCES.map((source) => ({ value: source, label: t(`leads.sources.${source}`) }))}
        maxTagCount="responsive"
        className="filter-source"
      />
    ),
    due: (
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
    createdFrom: (
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
    createdTo: (
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
    sort: (
      <Select<LeadSort>
        aria-label={t('leads.sort.label')}
        value={filters.sort ?? DEFAULT_SORT}
        onChange={(sort) => onChange({ sort })}
        options={LEAD_SORTS.map((sort) => ({ value: sort, label: t(`leads.sort.${sort}`) }))}
        className="filter-sort"
        popupMatchSelectWidth={false}
      />
    ),
  };
}

/** Search, filters and sort of the lead list. On phones the filters open in a drawer. */
export function LeadFilterBar(props: Props) {
  const { t } = useTranslation();
  const { filters, onChange, onClear, isMobile } = props;
  const controls = useControls(props);
  const [open, setOpen] = useState(false);
  const count = countFilters(filters);
  const search = <SearchBox value={filters.q ?? ''} onSearch={(q) => onChange({ q: q || undefined })} />;

  if (!isMobile) {
    return (
      <Flex wrap gap={8} className="lead-filter-bar" role="search" aria-label={t('leads.filters.label')}>
        {search}
        {controls.status}
        {controls.owner}
        {controls.due}
        {controls.source}
        {controls.createdFrom}
        {controls.createdTo}
        {controls.sort}
        {hasFilters(filters) && (
          <Button type="link" onClick={onClear}>
            {t('leads.filters.clear')}
          </Button>
        )}
      </Flex>
    );
  }

  return (
    <div className="lead-filter-bar mobile" role="search" aria-label={t('leads.filters.label')}>
      <Flex gap={8}>
        {search}
        <Badge count={count} size="small">
          <Button
            icon={<FilterOutlined aria-hidden />}
            className="tap-target"
            onClick={() => setOpen(true)}
            aria-label={count ? t('leads.filters.open', { count }) : undefined}
          >
            {t('leads.filters.button')}
          </Button>
        </Badge>
      </Flex>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="88%"
        title={t('leads.filters.title')}
        className="filter-drawer"
        footer={
          <Flex gap={8}>
            <Button size="large" block onClick={onClear} disabled={!hasFilters(filters)}>
              {t('leads.filters.clear')}
            </Button>
            <Button size="large" block type="primary" onClick={() => setOpen(false)}>
              {t('leads.filters.show')}
            </Button>
          </Flex>
        }
      >
        <Form layout="vertical" size="large" component="div">
          <Form.Item label={t('leads.filters.status')}>{controls.status}</Form.Item>
          <Form.Item label={t('leads.filters.owner')}>{controls.owner}</Form.Item>
          <Form.Item label={t('leads.filters.due')}>{controls.due}</Form.Item>
          <Form.Item label={t('leads.filters.source')}>{controls.source}</Form.Item>
          <Flex gap={8}>
            <Form.Item label={t('leads.filters.createdFrom')} className="grow">
              {controls.createdFrom}
            </Form.Item>
            <Form.Item label={t('leads.filters.createdTo')} className="grow">
              {controls.createdTo}
            </Form.Item>
          </Flex>
          <Form.Item label={t('leads.sort.label')}>{controls.sort}</Form.Item>
        </Form>
      </Drawer>
    </div>
  );
}
