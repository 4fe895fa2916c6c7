import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import type { CSSProperties, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Opportunity, Stage } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { stageLabel } from '../../lib/pipelines';
import { paths } from '../../paths';

interface Props {
  opportunity: Opportunity;
  stages: Stage[];
  onMove?: (stage: Stage) => void;
  /** dnd-kit wiring (absent on the drag overlay). */
  dragRef?: Ref<HTMLElement>;
  dragProps?: Record<string, unknown>;
  style?: CSSProperties;
  dragging?: boolean;
  overlay?: boolean;
}

/** One opportunity on the board: name, company, amount, owner, close date, and a Move to… menu. */
export function OpportunityCard({ opportunity, stages, onMove, dragRef, dragProps, style, dragging, overlay }: Props) {
  const { t, i18n } = useTranslation();
  const targets = stages.filter((stage) => stage.id !== opportunity.stage_id);
  return (
    <article
      ref={dragRef}
      style={style}
      className={`opportunity-card${dragging ? ' is-dragging' : ''}${overlay ? ' is-overlay' : ''}`}
      data-opportunity-id={opportunity.id}
      aria-label={opportunity.name}
      {...dragProps}
    >
      <div className="opportunity-card-head">
        <Link to={paths.opportunity(opportunity.id)} className="opportunity-card-name" draggable={false}>
          {opportunity.name}
        </Link>
        {onMove && (
          <Dropdown
            trigger={['click']}
            menu={{
              'aria-label': t('board.moveTo'),
              items: targets.map((stage) => ({
                key: String(stage.id),
                label: t('board.moveToStage', { stage: stageLabel(stage.name, t) }),
                onClick: () => onMove(stage),
              })),
            }}
          >
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined aria-hidden />}
              aria-label={t('board.cardActions', { name: opportunity.name })}
              title={t('board.moveTo')}
              onPointerDown={(event) => event.stopPropagation()}
              onKeyDown={(event) => event.stopPropagation()}
            />
          </Dropdown>
        )}
      </div>
      {opportunity.company_name && (
        <Typography.Text type="secondary" className="opportunity-card-company">
          {opportunity.company_name}
        </Typography.Text>
      )}
      <div className="opportunity-card-amount">{formatMoney(opportunity.amount, opportunity.currency, i18n.language)}</div>
      <div className="opportunity-card-meta">
        <span>{opportunity.owner_name ?? t('board.unassigned')}</span>
        {opportunity.expected_close_date && (
          <span>{t('board.closeDate', { date: formatDate(opportunity.expected_close_date, t) })}</span>
        )}
      </div>
    </article>
  );
}
