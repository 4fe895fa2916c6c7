import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type PointerSensorOptions,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { App, Button, Empty, Flex, Radio, Select, Skeleton, Typography } from 'antd';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { usePermissions } from '../../api/auth';
import type { BoardColumn, Opportunity, Stage } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { ImportButton } from '../../components/ImportButton';
import { errorMessage } from '../../lib/messages';
import { formatMoney } from '../../lib/money';
import { pipelineLabel, stageLabel, usePipelines } from '../../lib/pipelines';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useBoard } from './api/get-board';
import { useOpportunities } from './api/get-opportunities';
import { useMoveOpportunity } from './api/update-opportunity';
import { OpportunityCard } from './OpportunityCard';

/**
 * The mouse and the pen drag right away (after a few pixels); a finger is left to the
 * TouchSensor, which waits for a short press so that swiping still scrolls the columns.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: ReactPointerEvent, options: PointerSensorOptions) => {
        if (nativeEvent.pointerType === 'touch' || !nativeEvent.isPrimary || nativeEvent.button !== 0) return false;
        options.onActivation?.({ event: nativeEvent });
        return true;
      },
    },
  ];
}

/** The column under the pointer or finger; the keyboard (no pointer) drops where the card overlaps most. */
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

const cents = (amount: string | null | undefined) => Math.round(Number(amount ?? 0) * 100);
const fromCents = (value: number) => (value / 100).toFixed(2);

/** The server's column totals, with the moves still on their way applied. */
function adjustedColumns(columns: BoardColumn[], opportunities: Opportunity[], moves: Record<number, number>, currency: string) {
  return columns.map((column) => {
    let { count } = column;
    let total = cents(column.total_amount);
    let weighted = cents(column.weighted_amount);
    for (const opportunity of opportunities) {
      const target = moves[opportunity.id];
      if (target === undefined || target === opportunity.stage_id) continue;
      const sameCurrency = opportunity.currency === currency;
      const amount = cents(opportunity.amount);
      if (opportunity.stage_id === column.stage.id) {
        count -= 1;
        if (sameCurrency) {
          total -= amount;
          weighted -= Math.round((amount * (opportunity.probability ?? column.stage.probability)) / 100);
        }
      } else if (target === column.stage.id) {
        count += 1;
        if (sameCurrency) {
          total += amount;
          weighted += Math.round((amount * column.stage.probability) / 100);
        }
      }
    }
    return { ...column, count, total_amount: fromCents(total), weighted_amount: fromCents(weighted) };
  });
}

function DraggableCard(props: {
  opportunity: Opportunity;
  stages: Stage[];
  onMove?: (stage: Stage) => void;
  canDrag: boolean;
}) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: props.opportunity.id,
    disabled: !props.canDrag,
    // A card holds a link and a menu button: it stays an article (not a button) for assistive tech.
    attributes: { role: 'article' },
  });
  return (
    <OpportunityCard
      {...props}
      dragRef={setNodeRef}
      dragProps={props.canDrag ? { ...attributes, ...listeners } : undefined}
      style={{ transform: CSS.Translate.toString(transform) }}
      dragging={isDragging}
    />
  );
}

function Column({ column, children, currency }: { column: BoardColumn; children: React.ReactNode; currency: string }) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${column.stage.id}` });
  const name = stageLabel(column.stage.name, t);
  return (
    <section
      ref={setNodeRef}
      className={`board-column board-column-${column.stage.kind}${isOver ? ' is-over' : ''}`}
      aria-label={name}
      data-stage-id={column.stage.id}
    >
      <header className="board-column-head">
        <Flex justify="space-between" align="baseline">
          <h3 className="board-column-title">{name}</h3>
          <span className="board-column-count">{t('board.count', { count: column.count })}</span>
        </Flex>
        <dl className="board-column-totals">
          <div>
            <dt>{t('board.total')}</dt>
            <dd data-testid={`total-${column.stage.id}`}>{formatMoney(column.total_amount, currency, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('board.weighted')}</dt>
            <dd data-testid={`weighted-${column.stage.id}`}>{formatMoney(column.weighted_amount, currency, i18n.language)}</dd>
          </div>
        </dl>
        {column.other_currency_count > 0 && (
          <Typography.Text type="secondary" className="board-column-note">
            {t('board.otherCurrency', { count: column.other_currency_count })}
          </Typography.Text>
        )}
      </header>
      <div className="board-column-cards">{children}</div>
    </section>
  );
}

function BoardSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="board-columns" aria-busy="true">
      <span className="sr-only">{t('common.loading')}</span>
      {[0, 1, 2, 3].map((key) => (
        <div key={key} className="board-column">
          <Skeleton active paragraph={{ rows: 5 }} />
        </div>
      ))}
    </div>
  );
}

export function ViewToggle({ value }: { value: 'board' | 'list' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Radio.Group
      value={value}
      optionType="button"
      buttonStyle="solid"
      size="large"
      aria-label={t('opportunities.title')}
      onChange={(event) => void navigate(event.target.value === 'board' ? paths.pipeline : paths.opportunities)}
      options={[
        { value: 'board', label: t('board.boardView') },
        { value: 'list', label: t('board.listView') },
      ]}
    />
  );
}

export default function PipelineBoard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t('board.title'));
  const { canWriteSales } = usePermissions();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const chosen = Number(params.get('pipeline')) || undefined;
  const pipeline =
    pipelines.data?.find(({ id }) => id === chosen) ??
    pipelines.data?.find(({ is_default }) => is_default) ??
    pipelines.data?.[0];
  const board = useBoard(pipeline?.id);
  const opportunities = useOpportunities({ pipelineId: pipeline?.id, limit: 200 }, { enabled: !!pipeline });
  const move = useMoveOpportunity();
  const [moves, setMoves] = useState<Record<number, number>>({});
  const [activeId, setActiveId] = useState<number | null>(null);

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );

  const items = useMemo(() => opportunities.data?.pages.flatMap((page) => page.items) ?? [], [opportunities.data]);
  const stages = (board.data?.columns ?? []).map((column) => column.stage);
  const columns = board.data ? adjustedColumns(board.data.columns, items, moves, board.data.currency) : [];
  const stageOf = (opportunity: Opportunity) => moves[opportunity.id] ?? opportunity.stage_id;

  const moveTo = async (opportunity: Opportunity, stage: Stage) => {
    if (stageOf(opportunity) === stage.id) return;
    setMoves((current) => ({ ...current, [opportunity.id]: stage.id }));
    try {
      await move.mutateAsync({ id: opportunity.id, stageId: stage.id });
      message.success(t('board.moved', { stage: stageLabel(stage.name, t) }));
    } catch (error) {
      message.error(t('board.moveFailed', { reason: errorMessage(error, t) }));
    } finally {
      // The refetched board and list now say where it is (or where it stayed).
      setMoves(({ [opportunity.id]: _, ...rest }) => rest);
    }
  };

  const onDragStart = ({ active }: DragStartEvent) => setActiveId(Number(active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    const opportunity = items.find(({ id }) => id === Number(active.id));
    const stage = stages.find(({ id }) => over && `stage-${id}` === over.id);
    if (opportunity && stage) void moveTo(opportunity, stage);
  };
  const active = items.find(({ id }) => id === activeId);

  const header = (
    <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
      <Typography.Title level={2} className="page-title">
        {t('board.title')}
      </Typography.Title>
      <Flex gap={8} wrap>
        {pipelines.data && pipelines.data.length > 1 && pipeline && (
          <Select
            size="large"
            aria-label={t('board.pipeline')}
            value={pipeline.id}
            onChange={(id) => setParams({ pipeline: String(id) })}
            options={pipelines.data.map((item) => ({ value: item.id, label: pipelineLabel(item, t) }))}
            popupMatchSelectWidth={false}
            className="pipeline-select"
          />
        )}
        <ImportButton entity="opportunities" size="large" />
        <ViewToggle value="board" />
      </Flex>
    </Flex>
  );

  const failed = pipelines.error ?? board.error ?? opportunities.error;
  if (failed) {
    return (
      <div className="page board-page">
        {header}
        <ErrorState
          error={failed}
          onRetry={() => {
            void pipelines.refetch();
            void board.refetch();
            void opportunities.refetch();
          }}
          retrying={pipelines.isFetching || board.isFetching || opportunities.isFetching}
        />
      </div>
    );
  }
  if (pipelines.data && !pipeline) {
    return (
      <div className="page board-page">
        {header}
        <Empty description={t('board.noPipelines')} />
      </div>
    );
  }

  return (
    <div className="page board-page">
      {header}
      {!board.data || !opportunities.data ? (
        <BoardSkeleton />
      ) : (
        <>
          {canWriteSales && <p className="board-hint">{t('board.dragHint')}</p>}
          <DndContext
            sensors={sensors}
            collisionDetection={collisionDetection}
            autoScroll={{ threshold: { x: 0.1, y: 0.1 } }}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onDragCancel={() => setActiveId(null)}
            accessibility={{ screenReaderInstructions: { draggable: t('board.dragHint') } }}
          >
            <div className="board-columns">
              {columns.map((column) => {
                const cards = items.filter((opportunity) => stageOf(opportunity) === column.stage.id);
                return (
                  <Column key={column.stage.id} column={column} currency={board.data.currency}>
                    {cards.length === 0 ? (
                      <Typography.Text type="secondary" className="board-column-empty">
                        {t('board.empty')}
                      </Typography.Text>
                    ) : (
                      cards.map((opportunity) => (
                        <DraggableCard
                          key={opportunity.id}
                          opportunity={{ ...opportunity, stage_id: stageOf(opportunity) }}
                          stages={stages}
                          canDrag={canWriteSales}
                          onMove={canWriteSales ? (stage) => void moveTo(opportunity, stage) : undefined}
                        />
                      ))
                    )}
                  </Column>
                );
              })}
            </div>
            <DragOverlay dropAnimation={null}>
              {active ? (
                <OpportunityCard opportunity={active} stages={stages} overlay />
              ) : null}
            </DragOverlay>
          </DndContext>
          {opportunities.hasNextPage && (
            <Button onClick={() => void opportunities.fetchNextPage()} loading={opportunities.isFetchingNextPage}>
              {t('opportunities.loadMore')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
