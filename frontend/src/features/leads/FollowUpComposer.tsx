import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUpCreate, FollowUpKind } from '../../api/types';
import { dayjs, duePresetTime, fromLocalInput, toLocalInput, type DuePreset } from '../../lib/dates';
import { useFormProblem } from '../../lib/use-form-problem';
import { useCreateFollowUp } from './api/create-follow-up';
import { FOLLOW_UP_KINDS, KIND_ICONS } from './lead-options';

/** `done`: it happened just now (a log entry); the others plan it for later (a due time). */
type When = 'done' | DuePreset | 'custom';
const WHEN_OPTIONS: When[] = ['done', 'tomorrow', 'nextWeek', 'custom'];

interface Values {
  kind: FollowUpKind;
  content: string;
  when: When;
  due_at?: string;
}

export function dueAtFor(when: When, custom?: string): string | null {
  if (when === 'done') return null;
  if (when === 'custom') return fromLocalInput(custom ?? '')?.toISOString() ?? null;
  return duePresetTime(when).toISOString();
}

/**
 * Add a follow-up in two taps: a kind button, a line of text, and (optionally) when it is due:
 * "done just now" logs what happened, a preset or a picked time plans the next step.
 */
export function FollowUpComposer({ leadId }: { leadId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const when = Form.useWatch('when', form) ?? 'done';
  const { problem, clearProblem, onError } = useFormProblem(form, ['kind', 'content', 'due_at']);
  const mutation = useCreateFollowUp(leadId);

  const submit = (values: Values) => {
    clearProblem();
    const dueAt = dueAtFor(values.when, values.due_at);
    const body: FollowUpCreate = {
      kind: values.kind,
      content: values.content.trim(),
      ...(values.when === 'done' ? { done_at: dayjs().toISOString() } : { due_at: dueAt }),
    };
    mutation.mutate(body, {
      onSuccess: () => {
        message.success(values.when === 'done' ? t('followUps.logged') : t('followUps.planned'));
        form.resetFields(['content', 'due_at']);
        form.setFieldValue('when', 'done');
      },
      onError,
    });
  };

  return (
    <Form<Values>
      form={form}
      name="follow-up"
      layout="vertical"
      className="follow-up-composer"
      initialValues={{ kind: 'call', when: 'done' }}
      onFinish={submit}
      disabled={mutation.isPending}
      requiredMark={false}
    >
      {problem && <Alert type="error" showIcon title={problem} role="alert" className="form-alert" />}
      <Form.Item name="kind" label={t('followUps.kind')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="choice-grid kind-choices"
          options={FOLLOW_UP_KINDS.map((kind) => ({
            value: kind,
            label: (
              <span className="choice-label">
                {KIND_ICONS[kind]}
                <span>{t(`followUps.kinds.${kind}`)}</span>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('followUps.content')}
        rules={[
          { required: true, whitespace: true, message: t('followUps.contentRequired') },
          { max: 10000, message: t('leads.validation.tooLong', { max: 10000 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('followUps.contentPlaceholder')} />
      </Form.Item>
      <Form.Item name="when" label={t('followUps.when')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="choice-grid when-choices"
          options={WHEN_OPTIONS.map((option) => ({ value: option, label: t(`followUps.whenOptions.${option}`) }))}
        />
      </Form.Item>
      {when === 'custom' && (
        <Form.Item
          name="due_at"
          label={t('followUps.dueAt')}
          rules={[{ required: true, message: t('followUps.dueRequired') }]}
          initialValue={toLocalInput(duePresetTime('tomorrow'))}
        >
          <Input type="datetime-local" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} size="large" block loading={mutation.isPending}>
        {when === 'done' ? t('followUps.log') : t('followUps.plan')}
      </Button>
    </Form>
  );
}
