import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Flex, Form } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';

export interface FilterControl {
  key: string;
  /** The field label in the phone's drawer; left out for a control that names itself (a checkbox). */
  label?: string;
  node: ReactNode;
}

interface Props {
  search: ReactNode;
  /** In display order; a group shares one row in the drawer (e.g. a date range). */
  controls: (FilterControl | FilterControl[])[];
  /** How many filters are set: the badge of the phone's Filters button. */
  activeCount: number;
  hasFilters: boolean;
  onClear: () => void;
  isMobile: boolean;
  /** The feature's class for the bar, which styles its search box and controls. */
  className: string;
  labels: {
    /** The accessible name of the search region. */
    region: string;
    clear: string;
    /** The phone's Filters button, and its accessible name while filters are set. */
    button: string;
    buttonWithCount: string;
    drawerTitle: string;
    show: string;
  };
}

/**
 * A list's search and filters: one row of controls on a laptop; on a phone the search box and a
 * Filters button, which opens the controls in a bottom drawer to keep the list in view.
 */
export function ResponsiveFilterBar({ search, controls, activeCount, hasFilters, onClear, isMobile, className, labels }: Props) {
  const [open, setOpen] = useState(false);

  if (!isMobile) {
    return (
      <Flex wrap gap={8} align="center" className={className} role="search" aria-label={labels.region}>
        {search}
        {controls.flat().map((control) => (
          <Fragment key={control.key}>{control.node}</Fragment>
        ))}
        {hasFilters && (
          <Button type="link" onClick={onClear}>
            {labels.clear}
          </Button>
        )}
      </Flex>
    );
  }

  return (
    <div className={`${className} mobile`} role="search" aria-label={labels.region}>
      <Flex gap={8}>
        {search}
        <Badge count={activeCount} size="small">
          <Button
            icon={<FilterOutlined aria-hidden />}
            className="tap-target"
            onClick={() => setOpen(true)}
            aria-label={activeCount ? labels.buttonWithCount : undefined}
          >
            {labels.button}
          </Button>
        </Badge>
      </Flex>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="88%"
        title={labels.drawerTitle}
        className="filter-drawer"
        footer={
          <Flex gap={8}>
            <Button size="large" block onClick={onClear} disabled={!hasFilters}>
              {labels.clear}
            </Button>
            <Button size="large" block type="primary" onClick={() => setOpen(false)}>
              {labels.show}
            </Button>
          </Flex>
        }
      >
        <Form layout="vertical" size="large" component="div">
          {controls.map((control) =>
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
