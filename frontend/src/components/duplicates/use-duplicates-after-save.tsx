import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { checkQuery, duplicatesIn, wasChecked, type DuplicateCheckQuery, type DuplicateEntity } from './api';
import { DuplicateCandidates, duplicateHint, editedValues } from './DuplicateWarning';

/**
 * After a create or PATCH: the `duplicates` its answer carries, as a notification with links, unless
 * the form's check already warned about the same values.
 */
export function useDuplicatesAfterSave(entity: DuplicateEntity) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (answer: unknown, checked: DuplicateCheckQuery | null) => {
    const candidates = duplicatesIn(answer);
    if (candidates.length === 0 || wasChecked(queryClient, checked)) return;
    notification.warning({
      key: `duplicates-${entity}`,
      title: t('duplicates.afterSave', { count: candidates.length }),
      description: (
        <DuplicateCandidates
          entity={entity}
          candidates={candidates}
          onOpen={(path) => {
            notification.destroy(`duplicates-${entity}`);
            void navigate(path);
          }}
        />
      ),
      duration: 0,
      className: 'duplicate-notification',
    });
  };
}

/**
 * Duplicate warnings while editing one field of a record in place: `hint` for the field's
 * EditableField, and `saved` for the PATCH answer (its `duplicates`, unless the hint showed them).
 */
export function useDuplicateEditing(entity: DuplicateEntity, record: (Record<string, unknown> & { id: number }) | undefined) {
  const afterSave = useDuplicatesAfterSave(entity);
  return {
    hint: (field: string) => (record ? duplicateHint(entity, field, record) : undefined),
    saved: (field: string, value: unknown) => (answer: unknown) => {
      if (record) afterSave(answer, checkQuery(entity, editedValues(entity, field, value, record), record.id));
    },
  };
}
