import { Button, Typography } from 'antd';

/** Under a paged list: a button for the next page, or, once all are loaded, how many there are. */
export function LoadMoreFooter({
  hasMore,
  loading,
  onLoadMore,
  isMobile,
  loadMoreText,
  allShownText,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  isMobile: boolean;
  loadMoreText: string;
  allShownText: string;
}) {
  return (
    <div className="load-more">
      {hasMore ? (
        <Button size="large" onClick={onLoadMore} loading={loading} block={isMobile}>
          {loadMoreText}
        </Button>
      ) : (
        <Typography.Text type="secondary">{allShownText}</Typography.Text>
      )}
    </div>
  );
}
