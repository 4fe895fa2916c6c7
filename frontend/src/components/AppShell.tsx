import {
  LogoutOutlined,
  MenuOutlined,
  MergeCellsOutlined,
  UserOutlined,
  ContactsOutlined,
  FundProjectionScreenOutlined,
  ShoppingCartOutlined,
  BankOutlined,
  IdcardOutlined,
  AppstoreOutlined,
  CustomerServiceOutlined,
  FieldTimeOutlined,
  ImportOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, Typography, type MenuProps } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout, useCurrentUser } from '../api/auth';
import type { Role } from '../api/types';
import { useIsMobile } from '../lib/use-media-query';
import { paths } from '../paths';
import { JobNotifier } from './JobNotifier';
import { LanguageSwitch } from './LanguageSwitch';
import { OfflineBanner } from './OfflineBanner';
import { PageSkeleton } from './PageSkeleton';

interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** Shown only to these roles (default: every role). */
  roles?: Role[];
}

/** Only what exists. */
const NAV_ITEMS: NavItem[] = [
  { path: paths.leads, labelKey: 'nav.leads', icon: <ContactsOutlined aria-hidden /> },
  { path: paths.pipeline, labelKey: 'nav.pipeline', icon: <FundProjectionScreenOutlined aria-hidden /> },
  { path: paths.companies, labelKey: 'nav.companies', icon: <BankOutlined aria-hidden /> },
  { path: paths.contacts, labelKey: 'nav.contacts', icon: <IdcardOutlined aria-hidden /> },
  { path: paths.orders, labelKey: 'nav.orders', icon: <ShoppingCartOutlined aria-hidden /> },
  { path: paths.tickets, labelKey: 'nav.tickets', icon: <CustomerServiceOutlined aria-hidden /> },
  { path: paths.duplicates('companies'), labelKey: 'duplicates.nav', icon: <MergeCellsOutlined aria-hidden /> },
  // Every role: service staff read their targets here; only the admin can change them.
  { path: paths.slaPolicies, labelKey: 'nav.slaPolicies', icon: <FieldTimeOutlined aria-hidden /> },
  { path: paths.products, labelKey: 'nav.products', icon: <AppstoreOutlined aria-hidden /> },
  // Service staff import nothing (the API refuses them).
  { path: paths.imports, labelKey: 'nav.imports', icon: <ImportOutlined aria-hidden />, roles: ['admin', 'manager', 'sales'] },
];

/** Pages that light up another page's navigation item. */
const NAV_ALIASES: Record<string, string> = {
  [paths.opportunities]: paths.pipeline,
  '/duplicates': paths.duplicates('companies'),
};

function useSelectedNav(): string[] {
  const { pathname } = useLocation();
  const item = NAV_ITEMS.find(({ path }) => pathname === path || pathname.startsWith(`${path}/`));
  if (item) return [item.path];
  const alias = Object.keys(NAV_ALIASES).find((path) => pathname === path || pathname.startsWith(`${path}/`));
  return alias ? [NAV_ALIASES[alias]] : [];
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Link to={paths.leads} className="brand" aria-label={t('app.home')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span>{t('app.name')}</span>
    </Link>
  );
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const selected = useSelectedNav();
  const { role } = useCurrentUser();
  const visible = NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
  const items: MenuProps['items'] = visible.map(({ path, labelKey, icon }) => ({
    key: path,
    icon,
    label: (
      <Link to={path} onClick={onNavigate}>
        {t(labelKey)}
      </Link>
    ),
  }));
  return <Menu mode="inline" selectedKeys={selected} items={items} className="nav-menu" />;
}

function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await logout();
    queryClient.clear();
    await navigate(paths.login, { replace: true });
  };
}

function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const doLogout = useLogout();
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="user-menu-who">
          <Typography.Text strong>{user.name}</Typography.Text>
          <Typography.Text type="secondary">{user.email}</Typography.Text>
          <Typography.Text type="secondary">{t(`roles.${user.role}`)}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('user.logout'), onClick: () => void doLogout() },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="user-button" aria-label={t('user.menu', { name: user.name })}>
        <Avatar size="small" icon={<UserOutlined aria-hidden />} />
        {!compact && <span className="user-name">{user.name}</span>}
      </Button>
    </Dropdown>
  );
}

/** The frame around every logged-in page: navigation, language, user menu, offline banner. */
export function AppShell() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [navOpen, setNavOpen] = useState(false);
  const user = useCurrentUser();
  const doLogout = useLogout();

  return (
    <Layout className={`app-layout${isMobile ? ' mobile' : ''}`}>
      {!isMobile && (
        <Layout.Sider width={208} theme="light" className="app-sider">
          <Brand />
          <nav aria-label={t('nav.label')}>
            <NavMenu />
          </nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {isMobile ? (
            <>
              <Button
                type="text"
                className="tap-target"
                icon={<MenuOutlined aria-hidden />}
                aria-label={t('nav.open')}
                aria-expanded={navOpen}
                onClick={() => setNavOpen(true)}
              />
              <Brand />
            </>
          ) : (
            <>
              <div className="app-header-spacer" />
              <LanguageSwitch />
            </>
          )}
          <UserMenu compact={isMobile} />
        </Layout.Header>
        <OfflineBanner />
        <JobNotifier />
        <Layout.Content className="app-content">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Drawer
          open={navOpen}
          onClose={() => setNavOpen(false)}
          placement="left"
          size={300}
          title={<Brand />}
          className="nav-drawer"
        >
          <nav aria-label={t('nav.label')}>
            <NavMenu onNavigate={() => setNavOpen(false)} />
          </nav>
          <div className="nav-drawer-footer">
            <Typography.Text type="secondary">
              {user.name} · {t(`roles.${user.role}`)}
            </Typography.Text>
            <LanguageSwitch block />
            <Button block size="large" icon={<LogoutOutlined aria-hidden />} onClick={() => void doLogout()}>
              {t('user.logout')}
            </Button>
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
