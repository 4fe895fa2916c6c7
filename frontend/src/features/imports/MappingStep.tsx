import { Alert, Button, Card, Flex, Form, Radio, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/messages';
import { useIsMobile } from '../../lib/use-media-query';
import type { Import, ImportMode, MappingUpdate, MatchOn } from './api/types';
import { IMPORT_MODES, MATCH_ON } from './import-options';
import { cellText, fieldLabel } from './import-labels';

/** "Ignore this column" inside the select (antd options cannot hold null). */
const IGNORE = '';

interface Props {
  imp: Import;
  /** Saves the mapping and starts the check. */
  onCheck: (update: MappingUpdate) => void;
  checking: boolean;
  error: unknown;
  onCancel?: () => void;
}

function samplesOf(imp: Import, column: string): string[] {
  return imp.samples
    .map((row) => cellText(row[column]).trim())
    .filter(Boolean)
    .slice(0, 3);
}

/** Step 2: for each column of the file, its first values and the field it fills (or ignored). */
export function MappingStep({ imp, onCheck, checking, error, onCancel }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [mapping, setMapping] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(imp.columns.map((column) => [column, imp.mapping[column] ?? null])),
  );
  const [mode, setMode] = useState<ImportMode>(imp.mode);
  const [matchOn, setMatchOn] = useState<MatchOn | null>(imp.match_on);

  const options = useMemo(
    () => [
      { value: IGNORE, label: t('imports.mapping.ignore') },
      ...imp.fields.map((field) => ({
        value: field.name,
        label: field.required ? t('imports.mapping.requiredField', { field: fieldLabel(t, field.name) }) : fieldLabel(t, field.name),
      })),
    ],
    [imp.fields, t],
  );
  const mapped = Object.values(mapping).filter((field): field is string => !!field);
  const missing = imp.fields.filter((field) => field.required && !mapped.includes(field.name));
  const twice = [...new Set(mapped.filter((field, index) => mapped.indexOf(field) !== index))];
  const needsMatch = mode !== 'create' && !matchOn;
  const blocked = missing.length > 0 || twice.length > 0 || needsMatch || mapped.length === 0;

  const select = (column: string) => (
    <Select
      aria-label={t('imports.mapping.fieldFor', { column })}
      value={mapping[column] ?? IGNORE}
      onChange={(value: string) => setMapping((current) => ({ ...current, [column]: value === IGNORE ? null : value }))}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      className="import-field-select"
      popupMatchSelectWidth={false}
      status={mapping[column] && twice.includes(mapping[column]) ? 'error' : undefined}
    />
  );

  return (
    <section aria-labelledby="import-mapping-title">
      <Typography.Title level={3} id="import-mapping-title">
        {t('imports.mapping.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('imports.mapping.hint', { count: imp.row_count })}</Typography.Paragraph>
      <Form layout="vertical" component="div" className="import-mode-form">
        <Flex gap={16} wrap>
          <Form.Item label={t('imports.upload.mode')} extra={t(`imports.modeHints.${mode}`)}>
            <Radio.Group
              aria-label={t('imports.upload.mode')}
              optionType="button"
              buttonStyle="solid"
              value={mode}
              onChange={(event) => setMode(event.target.value as ImportMode)}
              options={IMPORT_MODES.map((value) => ({ value, label: t(`imports.modes.${value}`) }))}
            />
          </Form.Item>
          {mode !== 'create' && (
            <Form.Item label={t('imports.upload.matchOn')} htmlFor="import-match-on" validateStatus={needsMatch ? 'error' : undefined} help={needsMatch ? t('imports.upload.matchOnRequired') : undefined}>
              <Select
                id="import-match-on"
                value={matchOn ?? undefined}
                onChange={(value: MatchOn) => setMatchOn(value)}
                options={MATCH_ON.map((value) => ({ value, label: t(`imports.matchOn.${value}`) }))}
                className="filter-select"
              />
            </Form.Item>
          )}
        </Flex>
      </Form>
      {isMobile ? (
        <ul className="import-row-cards" aria-label={t('imports.mapping.columns')}>
          {imp.columns.map((column) => (
            <li key={column}>
              <Card size="small">
                <Typography.Text strong>{column}</Typography.Text>
                <div className="import-mapping-samples">{samplesOf(imp, column).join(' · ') || t('imports.mapping.noSamples')}</div>
                {select(column)}
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Table
          rowKey="column"
          pagination={false}
          size="small"
          dataSource={imp.columns.map((column) => ({ column }))}
          columns={[
            { key: 'column', title: t('imports.mapping.column'), render: (_, { column }) => <Typography.Text strong>{column}</Typography.Text> },
            {
              key: 'samples',
              title: t('imports.mapping.samples'),
              render: (_, { column }) => (
                <span className="import-mapping-samples">{samplesOf(imp, column).join(' · ') || t('imports.mapping.noSamples')}</span>
              ),
            },
            { key: 'field', title: t('imports.mapping.field'), width: 260, render: (_, { column }) => select(column) },
          ]}
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="import-actions"
          title={t('imports.mapping.missing', { fields: missing.map((field) => fieldLabel(t, field.name)).join(', ') })}
        />
      )}
      {twice.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="import-actions"
          title={t('imports.mapping.twice', { fields: twice.map((field) => fieldLabel(t, field)).join(', ') })}
        />
      )}
      {!!error && <Alert type="error" showIcon role="alert" className="import-actions" title={errorMessage(error, t)} />}
      <Flex gap={8} wrap className="import-actions">
        <Button
          type="primary"
          size="large"
          disabled={blocked}
          loading={checking}
          onClick={() => onCheck({ mapping, mode, match_on: mode === 'create' ? null : matchOn })}
        >
          {t('imports.mapping.check')}
        </Button>
        {onCancel && (
          <Button size="large" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </Flex>
    </section>
  );
}

