import { ClockCircleOutlined, ExclamationCircleFilled, PauseCircleOutlined } from '@ant-design/icons';
import { Flex, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { dayjs, formatDateTime, type Dayjs } from '../../lib/dates';
import { DONE_STATUSES } from './ticket-options';
import type { Ticket } from './types';

/** "35 min", "5 h", "3 d": how long until (or since) a due time. */
export function formatSpan(ms: number, t: TFunction): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return t('tickets.sla.minutes', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('tickets.sla.hours', { count: hours });
  return t('tickets.sla.days', { count: Math.round(hours / 24) });
}

export interface SlaClock {
  /**
   * Which due time runs now: the first response, then the resolution; none once resolved or
   * while the ticket waits on the customer (the server stops the resolution clock then).
   */
  target: 'response' | 'resolution' | null;
  paused: boolean;
  dueAt: string | null;
  overdue: boolean;
  /** Less than an hour left. */
  soon: boolean;
}

export function slaClock(ticket: Ticket, now: Dayjs = dayjs()): SlaClock {
  const paused = !!ticket.sla_paused_at;
  if (paused || DONE_STATUSES.includes(ticket.status)) {
    return { target: null, paused, dueAt: null, overdue: false, soon: false };
  }
  const target = ticket.first_responded_at ? 'resolution' : 'response';
  const dueAt = target === 'response' ? ticket.first_response_due_at : ticket.resolution_due_at;
  const left = dayjs(dueAt).diff(now);
  return { target, paused, dueAt, overdue: left < 0, soon: left >= 0 && left < 3_600_000 };
}

/**
 * The SLA clock of a ticket, said in words (not by colour only): "Response due in 3 h",
 * "Resolution overdue by 2 h", "SLA paused" while waiting on the customer, and "SLA breached"
 * when a due time was missed.
 */
export function SlaBadge({ ticket, now }: { ticket: Ticket; now?: Dayjs }) {
  const { t } = useTranslation();
  const clock = slaClock(ticket, now);
  const at = now ?? dayjs();
  const parts = [];
  if (clock.target && clock.dueAt) {
    const span = formatSpan(dayjs(clock.dueAt).diff(at), t);
    const title = formatDateTime(clock.dueAt, t);
    parts.push(
      clock.overdue ? (
        <Tag key="clock" color="error" className="sla-badge overdue" title={title}>
          <ExclamationCircleFilled aria-hidden /> {t(`tickets.sla.${clock.target}Overdue`, { span })}
        </Tag>
      ) : (
        <Tag key="clock" className={`sla-badge${clock.soon ? ' soon' : ''}`} title={title}>
          <ClockCircleOutlined aria-hidden /> {t(`tickets.sla.${clock.target}Due`, { span })}
        </Tag>
      ),
    );
  }
  if (clock.paused) {
    parts.push(
      <Tag key="paused" className="sla-badge paused" title={t('tickets.sla.pausedHint')}>
        <PauseCircleOutlined aria-hidden /> {t('tickets.sla.paused')}
      </Tag>,
    );
  }
  if (ticket.sla_breached && !clock.overdue) {
    parts.push(
      <Tag key="breached" color="error" className="sla-badge breached">
        {t('tickets.sla.breached')}
      </Tag>,
    );
  }
  if (!parts.length) return null;
  return (
    <Flex gap={4} wrap className="sla-badges">
      {parts}
    </Flex>
  );
}
