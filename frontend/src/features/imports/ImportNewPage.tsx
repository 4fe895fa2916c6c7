import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Progress, Radio, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import type { UploadProgress } from '../../api/upload';
import { canImport } from '../../lib/imports';
import { errorMessage } from '../../lib/messages';
import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../paths';
import { useCreateImport } from './api/imports';
import type { Import, ImportEntity, ImportMode, MatchOn } from './api/types';
import { IMPORT_ENTITIES, IMPORT_MODES, isImportEntity, MATCH_ON } from './import-options';
import { ImportSteps } from './ImportSteps';

interface Values {
  entity: ImportEntity;
  mode: ImportMode;
  match_on?: MatchOn;
}

const ACCEPT = '.csv,.tsv,.txt,.xlsx';
const MAX_BYTES = 50 * 1024 * 1024;

/** The wizard's first step: what to import, how to treat matches, and the file. */
export default function ImportNewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.newTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const entityParam = params.get('entity');
  const { role } = useCurrentUser();
  const entities = IMPORT_ENTITIES.filter((entity) => canImport(role, entity));
  const initialEntity = isImportEntity(entityParam) && entities.includes(entityParam) ? entityParam : entities[0];
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  /** A workbook of several sheets: choose one before going on. */
  const [uploaded, setUploaded] = useState<Import | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [sentValues, setSentValues] = useState<Values | null>(null);
  const create = useCreateImport(setProgress);

  const send = (values: Values, chosenSheet?: string) => {
    if (!file) return;
    setProgress(null);
    setSentValues(values);
    create.mutate(
      { file, entity: values.entity, mode: values.mode, match_on: values.match_on, sheet: chosenSheet },
      {
        onSuccess: (created) => {
          if (!chosenSheet && created.sheets.length > 1) {
            setUploaded(created);
            setSheet(created.sheet ?? created.sheets[0]);
          } else void navigate(paths.import(created.id));
        },
      },
    );
  };

  const onFinish = (values: Values) => {
    if (!file) {
      setFileProblem(t('imports.upload.fileRequired'));
      return;
    }
    send(values);
  };

  const continueWithSheet = () => {
    if (!uploaded) return;
    if (sheet && sheet !== uploaded.sheet && sentValues) send(sentValues, sheet);
    else void navigate(paths.import(uploaded.id));
  };

  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;

  return (
    <div className="page import-new-page">
      <Flex justify="space-between" align="center" wrap gap={8} className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('imports.newTitle')}
        </Typography.Title>
        <Link to={paths.imports}>{t('imports.history')}</Link>
      </Flex>
      <ImportSteps current={0} />
      {entities.length === 0 ? (
        <Alert type="info" showIcon title={t('imports.upload.notAllowed')} />
      ) : uploaded ? (
        <div className="import-sheet-choice">
          <Typography.Paragraph>{t('imports.upload.sheetsFound', { count: uploaded.sheets.length, name: uploaded.file_name })}</Typography.Paragraph>
          <Form layout="vertical" component="div">
            <Form.Item label={t('imports.upload.sheet')} htmlFor="import-sheet">
              <Select id="import-sheet" value={sheet} onChange={setSheet} options={uploaded.sheets.map((name) => ({ value: name, label: name }))} />
            </Form.Item>
          </Form>
          {create.error && <Alert type="error" showIcon role="alert" title={errorMessage(create.error, t)} />}
          <Button type="primary" size="large" onClick={continueWithSheet} loading={create.isPending}>
            {t('imports.upload.continue')}
          </Button>
        </div>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onFinishFailed={() => {
            if (!file) setFileProblem(t('imports.upload.fileRequired'));
          }}
          initialValues={{ entity: initialEntity, mode: 'create' }}
          className="import-upload-form"
          requiredMark={false}
        >
          <Form.Item name="entity" label={t('imports.upload.entity')} rules={[{ required: true }]}>
            <Select options={entities.map((value) => ({ value, label: t(`imports.entities.${value}`) }))} />
          </Form.Item>
          <Form.Item name="mode" label={t('imports.upload.mode')} extra={mode ? t(`imports.modeHints.${mode}`) : undefined}>
            <Radio.Group
              aria-label={t('imports.upload.mode')}
              optionType="button"
              buttonStyle="solid"
              options={IMPORT_MODES.map((value) => ({ value, label: t(`imports.modes.${value}`) }))}
            />
          </Form.Item>
          {mode && mode !== 'create' && (
            <Form.Item
              name="match_on"
              label={t('imports.upload.matchOn')}
              rules={[{ required: true, message: t('imports.upload.matchOnRequired') }]}
            >
              <Select options={MATCH_ON.map((value) => ({ value, label: t(`imports.matchOn.${value}`) }))} />
            </Form.Item>
          )}
          <Form.Item
            label={t('imports.upload.file')}
            required
            validateStatus={fileProblem ? 'error' : undefined}
            help={fileProblem ?? t('imports.upload.fileHint')}
          >
            <Upload.Dragger
              accept={ACCEPT}
              maxCount={1}
              multiple={false}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(chosen) => {
                if (chosen.size > MAX_BYTES) {
                  setFileProblem(t('imports.upload.tooLarge'));
                  return Upload.LIST_IGNORE;
                }
                setFile(chosen);
                setFileProblem(null);
                return false;
              }}
              onRemove={() => setFile(null)}
              aria-label={t('imports.upload.file')}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">{t('imports.upload.drop')}</p>
              <p className="ant-upload-hint">{t('imports.upload.formats')}</p>
            </Upload.Dragger>
          </Form.Item>
          {create.isPending && progress && <Progress percent={percent} aria-label={t('imports.upload.uploading')} />}
          {create.error && <Alert type="error" showIcon role="alert" title={errorMessage(create.error, t)} className="form-alert" />}
          <Button type="primary" htmlType="submit" size="large" loading={create.isPending}>
            {t('imports.upload.submit')}
          </Button>
        </Form>
      )}
    </div>
  );
}
