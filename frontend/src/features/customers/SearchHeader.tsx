import { Flex, Input, Typography } from 'antd';
import { useSearchParams } from 'react-router';

/** A list page's title and its search box; the search lives in the URL (?q=). */
export function SearchHeader({ title, searchLabel }: { title: string; searchLabel: string }) {
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
    </Flex>
  );
}
