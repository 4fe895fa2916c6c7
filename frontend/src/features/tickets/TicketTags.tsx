import { ClockCircleOutlined, ExclamationCircleFilled, MessageOutlined, PauseCircleOutlined } from '@ant-design/icons';
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
  target: 'response' | 'resolution';
  dueAt: string;
  overdue: boolean;
  /** Less than an hour left. */
  soon: boolean;
}

/**
 * The SLA clocks that run now: the first response until it is given, then the resolution (with
 * `both`, the resolution alongside the first response); none once resolved or while the ticket
 * waits on the customer (the server stops the resolution clock then).
 */
export function runningClocks(ticket: Ticket, now: Dayjs = dayjs(), both = false): SlaClock[] {
  if (ticket.sla_paused_at || DONE_STATUSES.includes(ticket.status)) return [];
  const targets: SlaClock['target'][] = ticket.first_responded_at
    ? ['resolution']
    : both
      ? ['response', 'resolution']
      : ['response'];
  return targets.map((target) => {
    const dueAt = target === 'response' ? ticket.first_response_due_at : ticket.resolution_due_at;
    const left = dayjs(dueAt).diff(now);
    return { target, dueAt, overdue: left < 0, soon: left >= 0 && left < 3_600_000 };
  });
}

/**
 * The SLA clocks of a ticket, said in words (not by colour only): "Response due in 3 h",
 * "Resolution overdue by 2 h", "SLA paused" while waiting on the customer, and "SLA breached"
 * when a due time was missed. Lists show the clock that matters now; the ticket page (`both`)
 * also shows the resolution clock before the first response ("due in 1 h", "due in 4 h").
 */
export function SlaBadge({ ticket, now, both = false }: { ticket: Ticket; now?: Dayjs; both?: boolean }) {
  const { t } = useTranslation();
  const at = now ?? dayjs();
  const clocks = runningClocks(ticket, at, both);
  const parts = clocks.map((clock) => {
    const span = formatSpan(dayjs(clock.dueAt).diff(at), t);
    const title = formatDateTime(clock.dueAt, t);
    return clock.overdue ? (
      <Tag key={clock.target} color="error" className="sla-badge overdue" title={title}>
        <ExclamationCircleFilled aria-hidden /> {t(`tickets.sla.${clock.target}Overdue`, { span })}
      </Tag>
    ) : (
      <Tag key={clock.target} className={`sla-badge${clock.soon ? ' soon' : ''}`} title={title}>
        <ClockCircleOutlined aria-hidden /> {t(`tickets.sla.${clock.target}Due`, { span })}
      </Tag>
    );
  });
  if (ticket.sla_paused_at && !DONE_STATUSES.includes(ticket.status)) {
    parts.push(
      <Tag key="paused" className="sla-badge paused" title={t('tickets.sla.pausedHint')}>
        <PauseCircleOutlined aria-hidden /> {t('tickets.sla.paused')}
      </Tag>,
    );
  }
  if (ticket.sla_breached && !clocks.some((clock) => clock.overdue)) {
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

/**
 * "Customer replied 10 min ago": the customer sent files or a message through an upload link
 * and no staff answer has followed yet. The exact time is in the tooltip.
 */
export function CustomerRepliedBadge({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  if (!ticket.customer_replied_at) return null;
  const span = formatSpan(dayjs(ticket.customer_replied_at).diff(dayjs()), t);
  return (
    <Tag color="blue" className="customer-replied-badge" title={formatDateTime(ticket.customer_replied_at, t)}>
      <MessageOutlined aria-hidden /> {t('tickets.customerReplied', { span })}
    </Tag>
  );
}
