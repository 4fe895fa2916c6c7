import { EyeOutlined, LockOutlined, SendOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Radio, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../../lib/dates';
import { useFormProblem } from '../../lib/use-form-problem';
import { useCreateComment } from './api/create-comment';
import { useComments } from './api/get-comments';
import { COMMENT_VISIBILITIES } from './ticket-options';
import type { CommentVisibility, TicketComment } from './types';

function VisibilityTag({ comment }: { comment: TicketComment }) {
  const { t } = useTranslation();
  if (comment.author_kind === 'customer') {
    return (
      <Tag color="magenta" variant="filled" icon={<UserOutlined aria-hidden />}>
        {t('tickets.comments.fromCustomer')}
      </Tag>
    );
  }
  return comment.visibility === 'internal' ? (
    <Tag variant="filled" icon={<LockOutlined aria-hidden />}>
      {t('tickets.comments.internal')}
    </Tag>
  ) : (
    <Tag color="blue" variant="filled" icon={<EyeOutlined aria-hidden />}>
      {t('tickets.comments.customerVisible')}
    </Tag>
  );
}

interface Values {
  body: string;
  visibility: CommentVisibility;
}

function CommentComposer({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const visibility = Form.useWatch('visibility', form) ?? 'internal';
  const { problem, clearProblem, onError } = useFormProblem(form, ['body', 'visibility']);
  const mutation = useCreateComment(ticketId);

  const submit = (values: Values) => {
    clearProblem();
    mutation.mutate(
      { body: values.body.trim(), visibility: values.visibility },
      {
        onSuccess: () => {
          message.success(values.visibility === 'internal' ? t('tickets.comments.notedInternal') : t('tickets.comments.replied'));
          form.resetFields(['body']);
        },
        onError,
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      name="ticket-comment"
      layout="vertical"
      className="comment-composer"
      initialValues={{ visibility: 'internal' }}
      onFinish={submit}
      disabled={mutation.isPending}
      requiredMark={false}
    >
      {problem && <Alert type="error" showIcon title={problem} role="alert" className="form-alert" />}
      <Form.Item name="visibility" label={t('tickets.comments.visibility')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={COMMENT_VISIBILITIES.map((value) => ({
            value,
            label: (
              <span>
                {value === 'internal' ? <LockOutlined aria-hidden /> : <EyeOutlined aria-hidden />}{' '}
                {t(`tickets.comments.visibilities.${value}`)}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('tickets.comments.body')}
        extra={visibility === 'customer' ? t('tickets.comments.customerHint') : t('tickets.comments.internalHint')}
        rules={[
          { required: true, whitespace: true, message: t('tickets.comments.bodyRequired') },
          { max: 10000, message: t('tickets.form.tooLong', { max: 10000 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={mutation.isPending}>
        {visibility === 'internal' ? t('tickets.comments.addInternal') : t('tickets.comments.sendReply')}
      </Button>
    </Form>
  );
}

/** The conversation of a ticket, oldest first, and the box for the next note or reply. */
export function TicketComments({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const query = useComments(ticketId);
  const comments = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  let body;
  if (query.isError) {
    body = <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (query.isPending) {
    body = (
      <div aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton active avatar paragraph={{ rows: 3 }} />
      </div>
    );
  } else if (comments.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.comments.empty')} />;
  } else {
    body = (
      <>
        <ol className="ticket-comments" aria-label={t('tickets.comments.title')}>
          {comments.map((comment) => (
            <li
              key={comment.id}
              className={`ticket-comment ${comment.author_kind === 'customer' ? 'from-customer' : comment.visibility}`}
            >
              <Flex gap={8} wrap align="center">
                <VisibilityTag comment={comment} />
                <Typography.Text strong>
                  {comment.author_kind === 'customer' ? t('tickets.comments.customer') : (comment.author_name ?? '—')}
                </Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(comment.created_at, t)}</Typography.Text>
              </Flex>
              <p className="pre-wrap ticket-comment-body">{comment.body}</p>
            </li>
          ))}
        </ol>
        {query.hasNextPage && (
          <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} className="load-more-comments">
            {t('tickets.comments.loadMore')}
          </Button>
        )}
      </>
    );
  }

  return (
    <Card title={<h3 className="card-title">{t('tickets.comments.title')}</h3>} className="ticket-comments-card">
      {body}
      <CommentComposer ticketId={ticketId} />
    </Card>
  );
}
