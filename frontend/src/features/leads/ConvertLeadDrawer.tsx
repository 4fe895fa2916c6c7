import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/errors';
import type { ConvertLead, Lead } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { applyFieldErrors } from '../../lib/forms';
import { errorMessage } from '../../lib/messages';
import { activeStages, pipelineLabel, stageLabel, usePipelines } from '../../lib/pipelines';
import { paths } from '../../paths';
import { useConvertLead } from './api/convert-lead';
import { useConversionSuggestions } from './api/get-conversion-suggestions';

const NEW = 'new';

interface Values {
  company: number | typeof NEW;
  contact: number | typeof NEW;
  withOpportunity: boolean;
  name?: string;
  amount?: string;
  pipeline_id?: number;
  stage_id?: number;
}

/**
 * Converting a lead: link an existing company and contact the server suggests, or create new
 * ones; optionally open an opportunity. On success it goes to the opportunity (or the company).
 */
export function ConvertLeadDrawer({ lead, open, onClose }: { lead: Lead; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const suggestions = useConversionSuggestions(lead.id, open);
  const pipelines = usePipelines({ enabled: open });
  const mutation = useConvertLead(lead.id);
  const withOpportunity = Form.useWatch('withOpportunity', form) ?? true;
  const pipelineId = Form.useWatch('pipeline_id', form);
  const defaultPipeline = pipelines.data?.find((pipeline) => pipeline.is_default) ?? pipelines.data?.[0];
  const stages = activeStages(pipelines.data?.find(({ id }) => id === (pipelineId ?? defaultPipeline?.id))).filter(
    (stage) => stage.kind === 'open',
  );

  const close = () => {
    setProblem(null);
    mutation.reset();
    onClose();
  };

  const submit = (values: Values) => {
    setProblem(null);
    const body: ConvertLead = {};
    if (values.company !== NEW) body.company_id = values.company;
    if (values.contact !== NEW) body.contact_id = values.contact;
    if (values.withOpportunity) {
      body.opportunity = {
        name: (values.name ?? '').trim(),
        amount: values.amount?.trim() || undefined,
        pipeline_id: values.pipeline_id,
        stage_id: values.stage_id,
      };
    }
    // mutateAsync, not mutate's callbacks: the lead refreshes as converted meanwhile, and the
    // page then drops this drawer, which would silence them.
    mutation.mutateAsync(body).then(
      (conversion) => {
        message.success(t('convert.done'));
        onClose();
        navigate(conversion.opportunity ? paths.opportunity(conversion.opportunity.id) : paths.company(conversion.company.id));
      },
      (error: unknown) => {
        if (isApiError(error, 409)) {
          setProblem(t('convert.alreadyConverted'));
          return;
        }
        const leftover = applyFieldErrors(form, error, ['name', 'amount', 'pipeline_id', 'stage_id']);
        setProblem(leftover.length ? leftover.join(' ') : errorMessage(error, t));
      },
    );
  };

  const companyName = lead.company_name || lead.name;
  const ready = suggestions.data && pipelines.data;

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title={t('convert.title')}
      className="convert-drawer"
      width={520}
      submitText={t('convert.submit')}
      onSubmit={() => form.submit()}
      submitting={mutation.isPending}
      submitDisabled={!ready}
      problem={problem}
    >
      {suggestions.isError || pipelines.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(suggestions.error ?? pipelines.error, t)}
          action={
            <Button
              onClick={() => {
                void suggestions.refetch();
                void pipelines.refetch();
              }}
            >
              {t('common.retry')}
            </Button>
          }
        />
      ) : !ready ? (
        <div aria-busy="true">
          <span className="sr-only">{t('convert.suggestionsLoading')}</span>
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      ) : (
        <Form<Values>
          form={form}
          name="lead-convert"
          layout="vertical"
          onFinish={submit}
          size="large"
          disabled={mutation.isPending}
          initialValues={{
            company: suggestions.data.companies[0]?.id ?? NEW,
            contact: suggestions.data.contacts[0]?.id ?? NEW,
            withOpportunity: true,
            name: companyName,
            pipeline_id: defaultPipeline?.id,
          }}
        >
          <Form.Item name="company" label={t('convert.company')}>
            <Radio.Group className="radio-list">
              {suggestions.data.companies.map((company) => (
                <Radio key={company.id} value={company.id}>
                  {company.name}
                </Radio>
              ))}
              <Radio value={NEW}>{t('convert.newCompany', { name: companyName })}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="contact" label={t('convert.contact')}>
            <Radio.Group className="radio-list">
              {suggestions.data.contacts.map((contact) => (
                <Radio key={contact.id} value={contact.id}>
                  {contact.name}
                  {contact.email ? ` · ${contact.email}` : ''}
                </Radio>
              ))}
              <Radio value={NEW}>{t('convert.newContact', { name: lead.name })}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="withOpportunity" valuePropName="checked">
            <Checkbox>{t('convert.withOpportunity')}</Checkbox>
          </Form.Item>
          {withOpportunity && (
            <>
              <Form.Item
                name="name"
                label={t('convert.opportunityName')}
                rules={[{ required: true, whitespace: true, message: t('convert.nameRequired') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name="amount"
                label={t('convert.amount')}
                rules={[{ pattern: /^\s*\d{1,13}(\.\d{1,2})?\s*$/, message: t('convert.amountInvalid') }]}
              >
                <Input inputMode="decimal" placeholder="0.00" />
              </Form.Item>
              <Form.Item name="pipeline_id" label={t('convert.pipeline')}>
                <Select
                  options={pipelines.data.map((pipeline) => ({ value: pipeline.id, label: pipelineLabel(pipeline, t) }))}
                  onChange={() => form.setFieldValue('stage_id', undefined)}
                />
              </Form.Item>
              <Form.Item name="stage_id" label={t('convert.stage')}>
                <Select
                  allowClear
                  placeholder={stages[0] ? stageLabel(stages[0].name, t) : undefined}
                  options={stages.map((stage) => ({ value: stage.id, label: stageLabel(stage.name, t) }))}
                />
              </Form.Item>
            </>
          )}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      )}
    </FormDrawer>
  );
}
