import { Flex, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** A list page's title, its search box (the search lives in the URL, ?q=) and its action, e.g. "New". */
export function SearchHeader({ title, searchLabel, action }: { title: string; searchLabel: string; action?: ReactNode }) {
  const [params, setParams] = useSearchParams();
  return (
    <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
      <Typography.Title level={2} className="page-title">
        {title}
      </Typography.Title>
      <Input.Search
        allowClear
        size="large"
        aria-label={searchLabel}
        placeholder={searchLabel}
        defaultValue={params.get('q') ?? ''}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
        className="opportunity-search"
      />
      {action}
    </Flex>
  );
}
