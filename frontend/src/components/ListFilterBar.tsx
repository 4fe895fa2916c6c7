import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Flex, Form, Select } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DebouncedSearch } from './DebouncedSearch';

export interface FilterControl {
  key: string;
  /** The field label in the phone's drawer; left out for a control that names itself (a checkbox). */
  label?: string;
  node: ReactNode;
}

/**
 * The lists with a filter bar, by their message namespace: each has `search`, `searchPlaceholder`,
 * `filters.{label,clear,button,open,title,show}` and `sort.label` plus a `sort.<key>` per sort order.
 */
export type FilteredList = 'leads' | 'tickets';

/** The class of the bar (`lead-filter-bar`) and of its search box (`lead-search`), which the list styles. */
const CLASS_PREFIX: Record<FilteredList, string> = { leads: 'lead', tickets: 'ticket' };

interface Props<Sort extends string> {
  list: FilteredList;
  /** The search text (`q`) and sort order of the list's filters. */
  filters: { q?: string; sort?: Sort };
  onChange: (patch: { q?: string; sort?: Sort }) => void;
  onClear: () => void;
  /** The list's own filters, in display order; a group shares one row in the drawer (e.g. a date range). */
  controls: (FilterControl | FilterControl[])[];
  /** The sort orders, and the one the list uses when none is chosen. */
  sorts: readonly Sort[];
  defaultSort: Sort;
  /** How many filters are set: the badge of the phone's Filters button. */
  activeCount: number;
  hasFilters: boolean;
  isMobile: boolean;
}

/**
 * A list's search, filters and sort: one row of controls on a laptop; on a phone the search box and
 * a Filters button, which opens the controls in a bottom drawer to keep the list in view.
 */
export function ListFilterBar<Sort extends string>({
  list,
  filters,
  onChange,
  onClear,
  controls,
  sorts,
  defaultSort,
  activeCount,
  hasFilters,
  isMobile,
}: Props<Sort>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const prefix = CLASS_PREFIX[list];
  const className = `${prefix}-filter-bar`;
  const region = t(`${list}.filters.label`);

  const search = (
    <DebouncedSearch
      className={`${prefix}-search`}
      label={t(`${list}.search`)}
      placeholder={t(`${list}.searchPlaceholder`)}
      value={filters.q ?? ''}
      onSearch={(q) => onChange({ q: q || undefined })}
    />
  );
  const sort: FilterControl = {
    key: 'sort',
    label: t(`${list}.sort.label`),
    node: (
      <Select<Sort>
        aria-label={t(`${list}.sort.label`)}
        value={filters.sort ?? defaultSort}
        onChange={(value) => onChange({ sort: value })}
        options={sorts.map((value) => ({ value, label: t(`${list}.sort.${value}`) }))}
        className="filter-sort"
        popupMatchSelectWidth={false}
      />
    ),
  };
  const all = [...controls, sort];
  const clear = t(`${list}.filters.clear`);

  if (!isMobile) {
    return (
      <Flex wrap gap={8} align="center" className={className} role="search" aria-label={region}>
        {search}
        {all.flat().map((control) => (
          <Fragment key={control.key}>{control.node}</Fragment>
        ))}
        {hasFilters && (
          <Button type="link" onClick={onClear}>
            {clear}
          </Button>
        )}
      </Flex>
    );
  }

  return (
    <div className={`${className} mobile`} role="search" aria-label={region}>
      <Flex gap={8}>
        {search}
        <Badge count={activeCount} size="small">
          <Button
            icon={<FilterOutlined aria-hidden />}
            className="tap-target"
            onClick={() => setOpen(true)}
            aria-label={activeCount ? t(`${list}.filters.open`, { count: activeCount }) : undefined}
          >
            {t(`${list}.filters.button`)}
          </Button>
        </Badge>
      </Flex>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="88%"
        title={t(`${list}.filters.title`)}
        className="filter-drawer"
        footer={
          <Flex gap={8}>
            <Button size="large" block onClick={onClear} disabled={!hasFilters}>
              {clear}
            </Button>
            <Button size="large" block type="primary" onClick={() => setOpen(false)}>
              {t(`${list}.filters.show`)}
            </Button>
          </Flex>
        }
      >
        <Form layout="vertical" size="large" component="div">
          {all.map((control) =>
            Array.isArray(control) ? (
              <Flex gap={8} key={control.map(({ key }) => key).join('+')}>
                {control.map(({ key, label, node }) => (
                  <Form.Item key={key} label={label} className="grow">
                    {node}
                  </Form.Item>
                ))}
              </Flex>
            ) : (
              <Form.Item key={control.key} label={control.label}>
                {control.node}
              </Form.Item>
            ),
          )}
        </Form>
      </Drawer>
    </div>
  );
}
