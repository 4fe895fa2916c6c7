import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { login, useSession } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { OfflineBanner } from '../../components/OfflineBanner';
import { applyFieldErrors } from '../../lib/forms';
import { errorMessage } from '../../lib/messages';
import { useDocumentTitle } from '../../lib/use-document-title';
import { safeNext } from '../../paths';

interface Credentials {
  email: string;
  password: string;
}

function loginError(error: unknown, t: ReturnType<typeof useTranslation>['t']): string | null {
  if (!(error instanceof ApiError)) return error ? t('errors.generic') : null;
  if (error.status === 401) return t('login.failed');
  if (error.status === 429) return t('login.tooMany');
  if (error.status === 422 && Object.keys(error.fieldErrors).length) return null;
  return errorMessage(error, t);
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { status } = useSession();
  useDocumentTitle(t('login.submit'));

  const mutation = useMutation({
    mutationFn: ({ email, password }: Credentials) => login(email.trim(), password),
    onSuccess: () => navigate(next, { replace: true }),
    onError: (error) => applyFieldErrors(form, error, ['email', 'password']),
  });

  if (status === 'authenticated' && !mutation.isPending) return <Navigate to={next} replace />;
  const problem = loginError(mutation.error, t);

  return (
    <div className="login-page">
      <OfflineBanner />
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <Typography.Title level={1}>{t('login.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        {problem && <Alert type="error" showIcon title={problem} className="login-alert" role="alert" />}
        <Form<Credentials>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => mutation.mutate(values)}
          size="large"
          disabled={mutation.isPending}
        >
          <Form.Item
            name="email"
            label={t('login.email')}
            rules={[
              { required: true, message: t('login.emailRequired') },
              { type: 'email', message: t('login.emailInvalid') },
            ]}
          >
            <Input prefix={<MailOutlined aria-hidden />} autoComplete="username" inputMode="email" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
