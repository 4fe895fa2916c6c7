import { Button, Card, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../api/types';
import { formatDateTime } from '../lib/dates';
import { ErrorState } from './ErrorState';

/** The follow-ups of a customer or an opportunity, as TanStack Query's infinite query gives them: a page at a time. */
export interface FollowUpPages {
  data?: { pages: readonly { items: FollowUp[] }[] };
  isPending: boolean;
  error: unknown;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

interface Props {
  title: string;
  query: FollowUpPages;
  emptyText: string;
}

/**
 * A read-only follow-up timeline (newest first) for customers and opportunities: what kind, what
 * was said, who and when, and whether it is done. Leads have their own editable timeline.
 */
export function ActivityTimeline({ title, query, emptyText }: Props) {
  const { t } = useTranslation();
  const items = query.data?.pages.flatMap((page) => page.items);
  return (
    <Card title={<h3 className="card-title">{title}</h3>} className="activity-timeline">
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.isPending || !items ? (
        <div aria-busy="true">
          <span className="sr-only">{t('common.loading')}</span>
          <Skeleton active avatar paragraph={{ rows: 4 }} />
        </div>
      ) : items.length === 0 ? (
        <Empty description={emptyText} />
      ) : (
        <>
          <Timeline
            items={items.map((followUp) => ({
              key: followUp.id,
              color: followUp.done_at ? 'green' : 'blue',
              content: (
                <div className="activity-item">
                  <div>
                    <Tag variant="filled">{t(`followUps.kinds.${followUp.kind}`)}</Tag>
                    <Typography.Text type="secondary">{formatDateTime(followUp.created_at, t)}</Typography.Text>
                    {followUp.author_name && <Typography.Text type="secondary"> · {followUp.author_name}</Typography.Text>}
                  </div>
                  <p className="pre-wrap activity-content">{followUp.content}</p>
                  {followUp.done_at ? (
                    <Tag color="success">{t('followUps.doneAt', { when: formatDateTime(followUp.done_at, t) })}</Tag>
                  ) : followUp.due_at ? (
                    <Tag color="processing">{t('followUps.due', { when: formatDateTime(followUp.due_at, t) })}</Tag>
                  ) : null}
                </div>
              ),
            }))}
          />
          {query.hasNextPage && (
            <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              {t('followUps.loadOlder')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
