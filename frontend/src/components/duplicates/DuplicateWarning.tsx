import { Alert, Form, type FormInstance } from 'antd';
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  checkQuery,
  recordPath,
  useDuplicateCheck,
  type DuplicateCandidate,
  type DuplicateCheckQuery,
  type DuplicateEntity,
} from './api';

const TYPING_DELAY_MS = 400;

/** "(same phone, 100% match)" */
export function useCandidateReason() {
  const { t } = useTranslation();
  return (candidate: DuplicateCandidate) =>
    t('duplicates.reason', { rule: t(`duplicates.rules.${candidate.rule}`), score: Math.round(candidate.score) });
}

/**
 * The possible duplicates as links with why they match. `onOpen` replaces the link's navigation
 * (outside the router, e.g. in a notification); otherwise links open a new tab, keeping the form.
 */
export function DuplicateCandidates({
  entity,
  candidates,
  onOpen,
}: {
  entity: DuplicateEntity;
  candidates: DuplicateCandidate[];
  onOpen?: (path: string) => void;
}) {
  const reason = useCandidateReason();
  return (
    <ul className="duplicate-candidates">
      {candidates.map((candidate) => {
        const to = recordPath(entity, candidate.id);
        return (
          <li key={candidate.id}>
            {onOpen ? (
              <a
                href={to}
                onClick={(event: MouseEvent) => {
                  event.preventDefault();
                  onOpen(to);
                }}
              >
                {candidate.label}
              </a>
            ) : (
              <Link to={to} target="_blank">
                {candidate.label}
              </Link>
            )}{' '}
            <span className="duplicate-reason">{reason(candidate)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The values a moment after typing stops. */
function useSettled(query: DuplicateCheckQuery | null): DuplicateCheckQuery | null {
  const [settled, setSettled] = useState(query);
  const key = JSON.stringify(query);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key === 'null' ? null : (JSON.parse(key) as DuplicateCheckQuery)), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return settled;
}

/**
 * Warns, a moment after typing stops, that the name, email or phone being typed matches existing
 * records (GET /duplicates/check), with links to them. It never stops the form: saving stays possible.
 */
export function DuplicateWarning({
  entity,
  values,
  excludeId,
}: {
  entity: DuplicateEntity;
  values: { name?: unknown; company_name?: unknown; email?: unknown; phone?: unknown };
  excludeId?: number;
}) {
  const { t } = useTranslation();
  const settled = useSettled(checkQuery(entity, values, excludeId));
  const candidates = useDuplicateCheck(settled).data ?? [];
  if (!settled || candidates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      className="form-alert duplicate-warning"
      title={t('duplicates.warning', { count: candidates.length })}
      description={
        <>
          <DuplicateCandidates entity={entity} candidates={candidates} />
          <div className="duplicate-warning-note">{t('duplicates.canStillSave')}</div>
        </>
      }
    />
  );
}

/**
 * The warning for a form that has name, company name, email or phone fields: it watches them itself,
 * so typing re-renders only the warning, not the whole form.
 */
export function FormDuplicateWarning<Values>({ entity, form }: { entity: DuplicateEntity; form: FormInstance<Values> }) {
  const watchable = form as unknown as FormInstance<Record<string, unknown>>;
  const values = {
    name: Form.useWatch('name', watchable),
    company_name: Form.useWatch('company_name', watchable),
    email: Form.useWatch('email', watchable),
    phone: Form.useWatch('phone', watchable),
  };
  return <DuplicateWarning entity={entity} values={values} />;
}

/** The fields the duplicate rules read, per kind of record. */
export function checkedFields(entity: DuplicateEntity): readonly string[] {
  return entity === 'leads' ? ['name', 'company_name', 'email', 'phone'] : ['name', 'email', 'phone'];
}

/** What is checked for a new value of one field: a lead's name rule reads its company name and person name together. */
export function editedValues(entity: DuplicateEntity, field: string, value: unknown, record: Record<string, unknown>) {
  const together = entity === 'leads' && (field === 'name' || field === 'company_name');
  return together ? { name: record.name, company_name: record.company_name, [field]: value } : { [field]: value };
}

/**
 * For an EditableField of a record's name, email or phone: warns while typing a new value that it
 * matches other records (the record itself excluded). Undefined for the other fields.
 */
export function duplicateHint(entity: DuplicateEntity, field: string, record: Record<string, unknown> & { id: number }) {
  if (!checkedFields(entity).includes(field)) return undefined;
  const current = record[field];
  return (typed: unknown) => {
    const changed = typeof typed === 'string' && typed.trim() !== (typeof current === 'string' ? current.trim() : '');
    const values = changed ? editedValues(entity, field, typed, record) : {};
    return <DuplicateWarning entity={entity} values={values} excludeId={record.id} />;
  };
}
