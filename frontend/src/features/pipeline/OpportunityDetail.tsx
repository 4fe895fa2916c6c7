import { ArrowLeftOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import { isApiError } from '../../api/errors';
import type { OpportunityLine } from '../../api/types';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { AttachmentPanel } from '../../components/attachments/AttachmentPanel';
import { ErrorState } from '../../components/ErrorState';
import { LineItemsTable } from '../../components/LineItemsTable';
import { ReadOnlyField } from '../../components/ReadOnlyField';
import { formatDate, formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/messages';
import { formatMoney } from '../../lib/money';
import { activeStages, pipelineLabel, stageLabel, usePipelines } from '../../lib/pipelines';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useIsMobile } from '../../lib/use-media-query';
import { paths } from '../../paths';
import { useCreateOrderFrom } from './api/create-order';
import { useOpportunityFollowUps } from './api/get-follow-ups';
import { useOpportunity } from './api/get-opportunity';
import { useStageHistory } from './api/get-stage-history';
import { useUpdateOpportunity } from './api/update-opportunity';
import { OpportunityStatusTag } from './OpportunityList';
import { DetailLoadState } from '../../components/DetailLoadState';

/** The opportunity page is one column of cards. */
function OneColumnSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="page" aria-busy="true">
      <span className="sr-only">{t('common.loading')}</span>
      <Skeleton active title={{ width: 240 }} paragraph={{ rows: 1 }} />
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    </div>
  );
}

export default function OpportunityDetail() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { opportunityId } = useParams();
  const id = Number(opportunityId);
  const valid = Number.isInteger(id) && id > 0;
  const { canWriteSales } = usePermissions();
  const query = useOpportunity(id);
  const update = useUpdateOpportunity(id);
  const pipelines = usePipelines();
  const history = useStageHistory(id);
  const followUps = useOpportunityFollowUps(id);
  const createOrder = useCreateOrderFrom(id);
  useDocumentTitle(query.data?.opportunity.name ?? t('opportunities.title'));

  const back = (
    <Link to={paths.pipeline} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('opportunities.backToBoard')}
    </Link>
  );
  if (!valid || !query.isSuccess) {
    return (
      <DetailLoadState
        valid={valid}
        query={query}
        back={back}
        notFoundTitle={t('opportunities.notFound')}
        skeleton={<OneColumnSkeleton />}
      />
    );
  }

  const { opportunity } = query.data;
  const pipeline = pipelines.data?.find(({ id: pipelineId }) => pipelineId === opportunity.pipeline_id);
  const stages = activeStages(pipeline);
  const stage = pipeline?.stages.find(({ id: stageId }) => stageId === opportunity.stage_id);
  const productName = (line: OpportunityLine) => line.product_name ?? t('opportunities.productNumber', { id: line.product_id });
  const money = (amount: string | null | undefined) => formatMoney(amount, opportunity.currency, i18n.language);

  const changeStage = async (stageId: number) => {
    try {
      await update.mutateAsync({ stage_id: stageId });
      message.success(t('opportunities.stageChanged'));
    } catch (error) {
      message.error(errorMessage(error, t));
      if (isApiError(error, 412)) void query.refetch();
    }
  };

  const makeOrder = () =>
    createOrder.mutate(undefined, {
      onSuccess: (order) => {
        message.success(t('opportunities.orderCreated', { number: order.number }));
        void navigate(paths.order(order.id));
      },
      onError: (error) => {
        message.error(errorMessage(error, t));
      },
    });

  return (
    <div className="page opportunity-detail-page">
      {back}
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <div>
          <Typography.Title level={2} className="page-title">
            {opportunity.name}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <OpportunityStatusTag status={opportunity.status} />
            <Typography.Text strong>{money(opportunity.amount)}</Typography.Text>
          </Flex>
        </div>
        <Flex gap={8} wrap align="center">
          {canWriteSales && stages.length > 0 ? (
            <Select
              size="large"
              aria-label={t('opportunities.fields.stage')}
              value={opportunity.stage_id}
              onChange={(value: number) => void changeStage(value)}
              options={stages.map((item) => ({ value: item.id, label: stageLabel(item.name, t) }))}
              disabled={update.isPending}
              popupMatchSelectWidth={false}
              className="stage-select"
            />
          ) : (
            <Typography.Text>{stageLabel(stage?.name, t)}</Typography.Text>
          )}
          {canWriteSales && opportunity.status === 'won' && (
            <Button type="primary" size="large" icon={<ShoppingCartOutlined aria-hidden />} onClick={makeOrder} loading={createOrder.isPending}>
              {t('opportunities.createOrder')}
            </Button>
          )}
        </Flex>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={<h3 className="card-title">{t('opportunities.details')}</h3>}>
            <dl className="field-list">
              <ReadOnlyField label={t('opportunities.fields.company')}>
                {opportunity.company_id ? <Link to={paths.company(opportunity.company_id)}>{opportunity.company_name}</Link> : null}
              </ReadOnlyField>
              <ReadOnlyField label={t('opportunities.fields.contact')}>
                {opportunity.contact_id ? <Link to={paths.contact(opportunity.contact_id)}>{opportunity.contact_name}</Link> : null}
              </ReadOnlyField>
              <ReadOnlyField label={t('opportunities.fields.pipeline')}>{pipeline ? pipelineLabel(pipeline, t) : null}</ReadOnlyField>
              <ReadOnlyField label={t('opportunities.fields.stage')}>{stageLabel(stage?.name, t)}</ReadOnlyField>
              <ReadOnlyField label={t('opportunities.fields.amount')}>{money(opportunity.amount)}</ReadOnlyField>
              <ReadOnlyField label={t('opportunities.fields.probability')}>
                {opportunity.probability !== null && opportunity.probability !== undefined ? `${opportunity.probability}%` : null}
              </ReadOnlyField>
              <ReadOnlyField label={t('opportunities.fields.owner')}>{opportunity.owner_name}</ReadOnlyField>
              <ReadOnlyField label={t('opportunities.fields.expectedClose')}>
                {opportunity.expected_close_date ? formatDate(opportunity.expected_close_date, t) : null}
              </ReadOnlyField>
              {opportunity.closed_at && (
                <ReadOnlyField label={t('opportunities.fields.closedAt')}>{formatDateTime(opportunity.closed_at, t)}</ReadOnlyField>
              )}
              {opportunity.lost_reason && <ReadOnlyField label={t('opportunities.fields.lostReason')}>{opportunity.lost_reason}</ReadOnlyField>}
              <ReadOnlyField label={t('opportunities.fields.description')}>
                {opportunity.description ? <span className="pre-wrap">{opportunity.description}</span> : null}
              </ReadOnlyField>
              <ReadOnlyField label={t('opportunities.fields.createdAt')}>{formatDateTime(opportunity.created_at, t)}</ReadOnlyField>
            </dl>
          </Card>
          <AttachmentPanel record="opportunities" recordId={opportunity.id} canWrite={canWriteSales} />
        </Col>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <LineItemsTable
              title={t('opportunities.lines.title')}
              lines={opportunity.lines ?? []}
              currency={opportunity.currency}
              itemTitle={t('opportunities.lines.product')}
              itemName={(line) => productName(line)}
              isMobile={isMobile}
            />
            <Card title={<h3 className="card-title">{t('opportunities.history.title')}</h3>}>
              {history.isError ? (
                <ErrorState error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
              ) : history.isPending ? (
                <Skeleton active paragraph={{ rows: 3 }} />
              ) : history.data.length === 0 ? (
                <Empty description={t('opportunities.history.empty')} />
              ) : (
                <Timeline
                  items={history.data.map((change) => ({
                    key: change.id,
                    content: (
                      <div>
                        <div>
                          {change.from_stage_name
                            ? t('opportunities.history.entry', {
                                from: stageLabel(change.from_stage_name, t),
                                to: stageLabel(change.to_stage_name, t),
                              })
                            : t('opportunities.history.created', { to: stageLabel(change.to_stage_name, t) })}
                        </div>
                        <Typography.Text type="secondary">
                          {formatDateTime(change.changed_at, t)}
                          {change.changed_by_name && ` · ${t('opportunities.history.by', { name: change.changed_by_name })}`}
                        </Typography.Text>
                      </div>
                    ),
                  }))}
                />
              )}
            </Card>
            <ActivityTimeline
              title={t('opportunities.followUps.title')}
              query={followUps}
              emptyText={t('opportunities.followUps.empty')}
            />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
