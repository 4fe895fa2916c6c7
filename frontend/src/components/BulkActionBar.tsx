import { CloseOutlined, DeleteOutlined, EditOutlined, ScheduleOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../api/auth';
import { useAssignees } from '../lib/assignees';
import { BULK_ACTIONS, bulkFilters, bulkResultOf, runBulk, type BulkAction, type BulkRequest, type BulkResource, type BulkResult } from '../lib/bulk';
import { duePresetTime, fromLocalInput, toLocalInput } from '../lib/dates';
import { trackJob } from '../lib/job-tracker';
import { errorMessage } from '../lib/messages';
import type { RowSelection } from '../lib/use-row-selection';
import type { QueryParams } from '../lib/download';
import { ExportButton } from './ExportButton';
import { JobProgress } from './JobProgress';
import { OwnerSelect } from './OwnerSelect';

interface Props {
  resource: BulkResource;
  selection: RowSelection;
  /** The ids of the rows loaded so far. */
  loadedIds: number[];
  /** More rows match than are loaded: offer "select all matching". */
  hasMore: boolean;
  /** The list's query (filters and sort), sent for "all matching" and used by the export. */
  query: QueryParams;
  /** The statuses a "change status" may set (leads, tickets; the stages of opportunities); no such action without them. */
  statuses?: StatusOption[];
  /** Who may change the owner (managers and admins). */
  canAssign: boolean;
  /** May the user change these records at all (service staff read leads only)? */
  canWrite?: boolean;
  /** After an action changed rows: refresh the list. */
  onChanged: () => void;
}

export interface StatusOption {
  value: string | number;
  label: string;
}

type Step = { phase: 'form' } | { phase: 'job'; jobId: number } | { phase: 'done'; result: BulkResult };

interface FormValues {
  owner_id?: number | null;
  status?: string | number;
  subject?: string;
  due_at?: string;
}

/**
 * What a list can do with the rows chosen on it: assign an owner, change the status, add a
 * follow-up task, export, delete. Shows per-row results (and a job's progress above 500 rows).
 */
export function BulkActionBar({ resource, selection, loadedIds, hasMore, query, statuses, canAssign, canWrite = true, onChanged }: Props) {
  const { t } = useTranslation();
  const [action, setAction] = useState<BulkAction | null>(null);
  if (selection.isEmpty) return null;
  const count = selection.allMatching ? null : selection.ids.length;
  const offers = (which: BulkAction) => canWrite && BULK_ACTIONS[resource].includes(which);
  const everyLoadedChosen = !selection.allMatching && loadedIds.length > 0 && loadedIds.every((id) => selection.ids.includes(id));

  return (
    <section className="bulk-bar" aria-label={t('bulk.label')}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Text strong role="status">
            {count === null ? t('bulk.allMatchingSelected') : t('bulk.selected', { count })}
          </Typography.Text>
          {!selection.allMatching && !everyLoadedChosen && (
            <Button type="link" onClick={() => selection.setIds(loadedIds)}>
              {t('bulk.selectLoaded', { count: loadedIds.length })}
            </Button>
          )}
          {everyLoadedChosen && hasMore && (
            <Button type="link" onClick={selection.selectAllMatching}>
              {t('bulk.selectAllMatching')}
            </Button>
          )}
          <Button type="text" icon={<CloseOutlined aria-hidden />} onClick={selection.clear}>
            {t('bulk.clear')}
          </Button>
        </Flex>
        <Flex wrap gap={8} className="bulk-actions">
          {offers('assign') && canAssign && (
            <Button icon={<UserSwitchOutlined aria-hidden />} onClick={() => setAction('assign')}>
              {t('bulk.actions.assign')}
            </Button>
          )}
          {offers('set_status') && statuses && (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setAction('set_status')}>
              {t('bulk.actions.set_status')}
            </Button>
          )}
          {offers('add_task') && (
            <Button icon={<ScheduleOutlined aria-hidden />} onClick={() => setAction('add_task')}>
              {t('bulk.actions.add_task')}
            </Button>
          )}
          <ExportButton
            resource={resource}
            query={query}
            ids={selection.allMatching ? undefined : selection.ids}
            label={t('bulk.actions.export')}
          />
          {offers('delete') && (
            <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => setAction('delete')}>
              {t('bulk.actions.delete')}
            </Button>
          )}
        </Flex>
      </Flex>
      {action && (
        <BulkActionDialog
          key={action}
          resource={resource}
          action={action}
          selection={selection}
          query={query}
          statuses={statuses ?? []}
          onClose={(changed) => {
            setAction(null);
            if (changed) {
              selection.clear();
              onChanged();
            }
          }}
        />
      )}
    </section>
  );
}

function BulkActionDialog({
  resource,
  action,
  selection,
  query,
  statuses,
  onClose,
}: {
  resource: BulkResource;
  action: BulkAction;
  selection: RowSelection;
  query: QueryParams;
  statuses: StatusOption[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [step, setStep] = useState<Step>({ phase: 'form' });
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const { canAssignLeads } = usePermissions();
  const assignees = useAssignees({ enabled: action === 'assign' && canAssignLeads });
  const count = selection.allMatching ? null : selection.ids.length;
  const target = count === null ? t('bulk.targetAll') : t('bulk.target', { count });
  const title = t(`bulk.titles.${action}`);

  const submit = async (values: FormValues) => {
    const request: BulkRequest = {
      action,
      ...(selection.allMatching ? { filters: bulkFilters(query) } : { ids: selection.ids }),
    };
    if (action === 'assign') request.owner_id = values.owner_id ?? null;
    if (action === 'set_status') {
      if (resource === 'opportunities') request.stage_id = Number(values.status);
      else request.status = String(values.status);
    }
    if (action === 'add_task') {
      request.task = {
        subject: (values.subject ?? '').trim(),
        due_at: (fromLocalInput(values.due_at ?? '') ?? duePresetTime('tomorrow')).toISOString(),
      };
    }
    setSending(true);
    setProblem(null);
    try {
      const answer = await runBulk(resource, request);
      if (answer.kind === 'done') setStep({ phase: 'done', result: answer.result });
      else {
        setStep({ phase: 'job', jobId: answer.job.id });
        trackJob({ id: answer.job.id, title: (tr) => tr(`bulk.titles.${action}`) });
      }
    } catch (error) {
      setProblem(errorMessage(error, t));
    } finally {
      setSending(false);
    }
  };

  const changed = step.phase !== 'form';
  let footer;
  if (step.phase === 'form') {
    footer = (
      <Flex gap={8} justify="end" wrap>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button type="primary" danger={action === 'delete'} loading={sending} onClick={() => form.submit()}>
          {t(`bulk.submit.${action}`)}
        </Button>
      </Flex>
    );
  } else {
    footer = <Button onClick={() => onClose(true)}>{t('bulk.close')}</Button>;
  }

  return (
    <Modal open title={title} onCancel={() => onClose(changed)} footer={footer} destroyOnHidden>
      {step.phase === 'form' && (
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          initialValues={{ owner_id: null, due_at: toLocalInput(duePresetTime('tomorrow')) }}
          requiredMark={false}
        >
          <Typography.Paragraph>{action === 'delete' ? t('bulk.confirmDelete', { target }) : target}</Typography.Paragraph>
          {action === 'assign' && (
            <Form.Item name="owner_id" label={t('bulk.fields.owner')}>
              <OwnerSelect assignees={assignees.data ?? []} loading={assignees.isPending && assignees.fetchStatus !== 'idle'} />
            </Form.Item>
          )}
          {action === 'set_status' && (
            <Form.Item name="status" label={t('bulk.fields.status')} rules={[{ required: true, message: t('bulk.fields.statusRequired') }]}>
              <Select options={statuses} />
            </Form.Item>
          )}
          {action === 'add_task' && (
            <>
              <Form.Item
                name="subject"
                label={t('bulk.fields.subject')}
                rules={[{ required: true, whitespace: true, message: t('bulk.fields.subjectRequired') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="due_at" label={t('bulk.fields.dueAt')} rules={[{ required: true, message: t('bulk.fields.dueRequired') }]}>
                <Input type="datetime-local" />
              </Form.Item>
            </>
          )}
          {problem && <Alert type="error" showIcon title={problem} role="alert" />}
        </Form>
      )}
      {step.phase === 'job' && (
        <JobProgress
          jobId={step.jobId}
          title={title}
          onEnd={(job) => {
            const result = bulkResultOf(job);
            if (job.status === 'succeeded' && result) setStep({ phase: 'done', result });
          }}
        />
      )}
      {step.phase === 'done' && <BulkResults result={step.result} />}
    </Modal>
  );
}

/** How many rows the action changed, and which it could not, with the reason. */
export function BulkResults({ result }: { result: BulkResult }) {
  const { t } = useTranslation();
  const failed = result.results.filter((row) => !row.ok);
  return (
    <div className="bulk-results">
      <Alert
        type={result.counts.failed ? 'warning' : 'success'}
        showIcon
        role="status"
        title={t('bulk.result', { ok: result.counts.ok, failed: result.counts.failed })}
      />
      {failed.length > 0 && (
        <>
          <Typography.Title level={5}>{t('bulk.failedRows')}</Typography.Title>
          <ul className="bulk-failed-list">
            {failed.map((row) => (
              <li key={row.id}>
                <Typography.Text strong>#{row.id}</Typography.Text> {row.message ?? row.code ?? t('errors.generic')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
