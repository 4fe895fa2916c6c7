import { App, Button, Form, InputNumber, type FormRule, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { applyFieldErrors } from '../../lib/forms';
import { errorMessage } from '../../lib/messages';
import { useUpdateSlaPolicy } from './api/update-sla-policy';
import { formatHours, MAX_SLA_HOURS, MIN_SLA_HOURS } from './sla-format';
import type { SlaHours, SlaPolicy } from './types';

const FIELDS: (keyof SlaHours)[] = ['first_response_hours', 'resolution_hours'];

/** Hours (0.5 is half an hour); Form.Item passes its id, value and onChange. No fixed precision:
 * "0.5" and "4" read better than "0.50" and "4.00"; a rule refuses a third decimal. */
function HoursInput(props: InputNumberProps<number>) {
  const { t } = useTranslation();
  return (
    <InputNumber<number>
      {...props}
      min={MIN_SLA_HOURS}
      max={MAX_SLA_HOURS}
      step={0.5}
      suffix={t('slaPolicies.hoursUnit')}
      inputMode="decimal"
    />
  );
}

/** The number in the field in words ("30 min"), as the read-only view says it. */
function HoursInWords({ name }: { name: keyof SlaHours }) {
  const { t } = useTranslation();
  const hours = Form.useWatch<number | null>(name);
  return typeof hours === 'number' && hours >= MIN_SLA_HOURS ? formatHours(hours, t) : null;
}

/** The admin's editor of one priority's two targets. */
export function SlaPolicyForm({ policy, priorityLabel }: { policy: SlaPolicy; priorityLabel: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SlaHours>();
  const update = useUpdateSlaPolicy(policy.priority);

  const hoursRules: FormRule[] = [
    { required: true, message: t('slaPolicies.required') },
    { type: 'number', min: MIN_SLA_HOURS, max: MAX_SLA_HOURS, message: t('slaPolicies.range') },
    {
      validator: (_, value: number | null) =>
        typeof value === 'number' && Math.abs(value * 100 - Math.round(value * 100)) > 1e-9
          ? Promise.reject(new Error(t('slaPolicies.twoDecimals')))
          : Promise.resolve(),
    },
  ];
  const resolutionRules: FormRule[] = [
    ...hoursRules,
    ({ getFieldValue }) => ({
      validator: (_, value: number | null) =>
        typeof value === 'number' && value < getFieldValue('first_response_hours')
          ? Promise.reject(new Error(t('slaPolicies.resolutionBeforeResponse')))
          : Promise.resolve(),
    }),
  ];

  const save = (values: SlaHours) =>
    update.mutate(values, {
      onSuccess: () => message.success(t('slaPolicies.saved', { priority: priorityLabel })),
      onError: (error) => {
        // Field messages (a 422) go under their fields; anything else (403, offline) to a toast.
        const leftover = applyFieldErrors(form, error, FIELDS);
        const onFields = error instanceof ApiError && FIELDS.some((field) => field in error.fieldErrors);
        if (leftover.length) message.error(leftover.join(' '));
        else if (!onFields) message.error(errorMessage(error, t));
      },
    });

  return (
    <Form<SlaHours>
      form={form}
      name={`sla-${policy.priority}`}
      layout="vertical"
      initialValues={{ first_response_hours: policy.first_response_hours, resolution_hours: policy.resolution_hours }}
      onFinish={save}
      disabled={update.isPending}
      className="sla-policy-form"
    >
      <Form.Item
        name="first_response_hours"
        label={t('slaPolicies.firstResponseHours')}
        rules={hoursRules}
        extra={<HoursInWords name="first_response_hours" />}
      >
        <HoursInput />
      </Form.Item>
      <Form.Item
        name="resolution_hours"
        label={t('slaPolicies.resolutionHours')}
        rules={resolutionRules}
        dependencies={['first_response_hours']}
        extra={<HoursInWords name="resolution_hours" />}
      >
        <HoursInput />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={update.isPending}
        aria-label={t('slaPolicies.save', { priority: priorityLabel })}
      >
        {t('common.save')}
      </Button>
    </Form>
  );
}
