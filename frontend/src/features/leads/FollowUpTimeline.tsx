import {
  CalendarOutlined,
  CheckCircleFilled,
  CheckOutlined,
  ClockCircleOutlined,
  DownOutlined,
  ExclamationCircleFilled,
  UndoOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Skeleton,
  Tag,
  Timeline,
  Typography,
  type MenuProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { dayjs, duePresetTime, formatDateTime, fromLocalInput, isOverdue, toLocalInput } from '../../lib/dates';
import { errorMessage } from '../../lib/messages';
import { useFollowUps } from './api/get-follow-ups';
import { useUpdateFollowUp } from './api/update-follow-up';
import { FollowUpComposer } from './FollowUpComposer';
import { KIND_ICONS } from './lead-options';

function DueMark({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  if (followUp.done_at) {
    return (
      <Tag color="success" icon={<CheckCircleFilled aria-hidden />} variant="filled">
        {t('followUps.doneAt', { when: formatDateTime(followUp.done_at, t) })}
      </Tag>
    );
  }
  if (!followUp.due_at) return <Tag variant="filled">{t('followUps.open')}</Tag>;
  if (isOverdue(followUp.due_at)) {
    return (
      <Tag color="error" icon={<ExclamationCircleFilled aria-hidden />} variant="filled">
        {t('followUps.overdue', { when: formatDateTime(followUp.due_at, t) })}
      </Tag>
    );
  }
  return (
    <Tag color="processing" icon={<ClockCircleOutlined aria-hidden />} variant="filled">
      {t('followUps.due', { when: formatDateTime(followUp.due_at, t) })}
    </Tag>
  );
}

function RescheduleDialog({
  followUp,
  onClose,
  onSave,
  saving,
}: {
  followUp: FollowUp | null;
  onClose: () => void;
  onSave: (dueAt: string) => void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ due_at: string }>();
  return (
    <Modal
      open={!!followUp}
      title={t('followUps.rescheduleTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        name="reschedule"
        layout="vertical"
        initialValues={{
          due_at: toLocalInput(followUp?.due_at ? dayjs(followUp.due_at) : duePresetTime('tomorrow')),
        }}
        onFinish={({ due_at }) => {
          const value = fromLocalInput(due_at);
          if (value) onSave(value.toISOString());
        }}
      >
        <Form.Item
          name="due_at"
          label={t('followUps.dueAt')}
          rules={[{ required: true, message: t('followUps.dueRequired') }]}
        >
          <Input type="datetime-local" size="large" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FollowUpItem({
  followUp,
  canWrite,
  busy,
  onComplete,
  onReopen,
  onReschedule,
  onPick,
}: {
  followUp: FollowUp;
  canWrite: boolean;
  busy: boolean;
  onComplete: () => void;
  onReopen: () => void;
  onReschedule: (dueAt: string) => void;
  onPick: () => void;
}) {
  const { t } = useTranslation();
  const rescheduleItems: MenuProps['items'] = [
    {
      key: 'tomorrow',
      label: t('followUps.whenOptions.tomorrow'),
      onClick: () => onReschedule(duePresetTime('tomorrow').toISOString()),
    },
    {
      key: 'nextWeek',
      label: t('followUps.whenOptions.nextWeek'),
      onClick: () => onReschedule(duePresetTime('nextWeek').toISOString()),
    },
    { key: 'custom', label: t('followUps.pickTime'), onClick: onPick },
  ];
  return (
    <article className="follow-up" aria-label={t(`followUps.kinds.${followUp.kind}`)}>
      <Flex justify="space-between" align="center" wrap gap={4}>
        <Typography.Text strong>{t(`followUps.kinds.${followUp.kind}`)}</Typography.Text>
        <DueMark followUp={followUp} />
      </Flex>
      <Typography.Paragraph className="follow-up-content pre-wrap">{followUp.content}</Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" className="follow-up-meta">
          {t('followUps.createdAt', { when: formatDateTime(followUp.created_at, t) })}
        </Typography.Text>
        {canWrite && (
          <Flex gap={8} wrap className="follow-up-actions">
            {followUp.done_at ? (
              <Button icon={<UndoOutlined aria-hidden />} onClick={onReopen} disabled={busy}>
                {t('followUps.reopen')}
              </Button>
            ) : (
              <>
                <Dropdown menu={{ items: rescheduleItems }} trigger={['click']} disabled={busy}>
                  <Button icon={<CalendarOutlined aria-hidden />}>
                    {t('followUps.reschedule')} <DownOutlined aria-hidden />
                  </Button>
                </Dropdown>
                <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={onComplete} loading={busy}>
                  {t('followUps.markDone')}
                </Button>
              </>
            )}
          </Flex>
        )}
      </Flex>
    </article>
  );
}

/** A lead's follow-ups, newest first, with the composer on top for those who may write. */
export function FollowUpTimeline({ leadId, canWrite }: { leadId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useFollowUps(leadId);
  const update = useUpdateFollowUp(leadId);
  const [picking, setPicking] = useState<FollowUp | null>(null);
  const followUps = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const busyId = update.isPending ? update.variables?.id : undefined;

  const change = (followUp: FollowUp, patch: { done_at?: string | null; due_at?: string }, done: string) =>
    update.mutate(
      { id: followUp.id, patch },
      {
        onSuccess: () => {
          message.success(done);
          setPicking(null);
        },
        onError: (error) => {
          message.error(errorMessage(error, t));
        },
      },
    );

  let body;
  if (query.isPending) {
    body = (
      <div aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton active avatar paragraph={{ rows: 2 }} />
        <Skeleton active avatar paragraph={{ rows: 2 }} />
      </div>
    );
  } else if (query.isError) {
    body = <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (followUps.length === 0) {
    body = <Empty description={canWrite ? t('followUps.empty') : t('followUps.emptyReadOnly')} />;
  } else {
    body = (
      <>
        <Timeline
          className="follow-up-timeline"
          items={followUps.map((followUp) => ({
            key: followUp.id,
            color: followUp.done_at ? 'green' : isOverdue(followUp.due_at) ? 'red' : 'blue',
            icon: <span className={`kind-icon kind-${followUp.kind}`}>{KIND_ICONS[followUp.kind]}</span>,
            content: (
              <FollowUpItem
                followUp={followUp}
                canWrite={canWrite}
                busy={busyId === followUp.id}
                onComplete={() => change(followUp, { done_at: dayjs().toISOString() }, t('followUps.completed'))}
                onReopen={() => change(followUp, { done_at: null }, t('followUps.reopened'))}
                onReschedule={(due_at) => change(followUp, { due_at }, t('followUps.rescheduled'))}
                onPick={() => setPicking(followUp)}
              />
            ),
          }))}
        />
        {query.hasNextPage && (
          <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('followUps.loadOlder')}
          </Button>
        )}
      </>
    );
  }

  return (
    <Card title={<h3 className="card-title">{t('followUps.title')}</h3>} className="follow-up-card">
      {canWrite && <FollowUpComposer leadId={leadId} />}
      <section aria-label={t('followUps.history')} className="follow-up-history">
        {body}
      </section>
      <RescheduleDialog
        followUp={picking}
        onClose={() => setPicking(null)}
        saving={update.isPending}
        onSave={(due_at) => picking && change(picking, { due_at }, t('followUps.rescheduled'))}
      />
    </Card>
  );
}
