import {
  CarOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  MailOutlined,
  PhoneOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { FollowUpKind, LeadSort, LeadSource, LeadStatus } from '../../api/types';

/** Fails to compile when the API gains a value these lists do not have. */
type Exhaustive<All, Listed extends All> = [Exclude<All, Listed>] extends [never] ? true : never;

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
export const LEAD_SOURCES = [
  'web',
  'referral',
  'event',
  'cold_call',
  'advertisement',
  'partner',
  'other',
] as const;
export const FOLLOW_UP_KINDS = ['call', 'email', 'meeting', 'visit', 'note', 'task'] as const;
export const LEAD_SORTS = [
  '-created_at',
  'created_at',
  '-updated_at',
  'next_follow_up_at',
  '-last_contacted_at',
  'name',
] as const satisfies readonly LeadSort[];
export const DEFAULT_SORT: LeadSort = '-created_at';
export const DUE_WITHIN = ['overdue', 'today', 'week'] as const;

const _statuses: Exhaustive<LeadStatus, (typeof LEAD_STATUSES)[number]> = true;
const _sources: Exhaustive<LeadSource, (typeof LEAD_SOURCES)[number]> = true;
const _kinds: Exhaustive<FollowUpKind, (typeof FOLLOW_UP_KINDS)[number]> = true;
void [_statuses, _sources, _kinds];

/** `converted` happens through conversion, never by editing the status. */
export const SETTABLE_STATUSES = LEAD_STATUSES.filter((status) => status !== 'converted');

export const STATUS_COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  contacted: 'geekblue',
  qualified: 'success',
  unqualified: 'default',
  converted: 'purple',
};

export const KIND_ICONS: Record<FollowUpKind, ReactNode> = {
  call: <PhoneOutlined aria-hidden />,
  email: <MailOutlined aria-hidden />,
  meeting: <TeamOutlined aria-hidden />,
  visit: <CarOutlined aria-hidden />,
  note: <FileTextOutlined aria-hidden />,
  task: <CheckSquareOutlined aria-hidden />,
};

export function isLeadStatus(value: string): value is LeadStatus {
  return (LEAD_STATUSES as readonly string[]).includes(value);
}
export function isLeadSource(value: string): value is LeadSource {
  return (LEAD_SOURCES as readonly string[]).includes(value);
}
export function isLeadSort(value: string): value is LeadSort {
  return /^-?(created_at|updated_at|name|next_follow_up_at|last_contacted_at)$/.test(value);
}
