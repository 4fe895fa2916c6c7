import { EyeInvisibleOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { ErrorState } from '../../components/ErrorState';
import { OrderStatusTag } from '../../components/OrderStatusTag';
import { formatDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { paths } from '../../paths';
import { useCompanyContacts } from './api/get-companies';
import { useCustomerCompany, useRecentOrders } from './api/get-customer';
import type { Ticket } from './types';

function Loading({ rows }: { rows: number }) {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <span className="sr-only">{t('common.loading')}</span>
      <Skeleton active title={false} paragraph={{ rows }} />
    </div>
  );
}

function TelLink({ phone }: { phone: string }) {
  return (
    <a href={`tel:${phone}`} className="customer-tel">
      <PhoneOutlined aria-hidden /> {phone}
    </a>
  );
}

/** The people of the company; the ticket's contact comes first and is marked. */
function CustomerContacts({ ticket, companyId }: { ticket: Ticket; companyId: number }) {
  const { t } = useTranslation();
  const contacts = useCompanyContacts(companyId);
  const headingId = `ticket-${ticket.id}-contacts`;
  let body: ReactNode;
  if (contacts.isError) {
    body = <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} retrying={contacts.isFetching} />;
  } else if (contacts.isPending) {
    body = <Loading rows={3} />;
  } else if (contacts.data.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.customer.noContacts')} />;
  } else {
    const sorted = [...contacts.data].sort((a, b) => Number(b.id === ticket.contact_id) - Number(a.id === ticket.contact_id));
    body = (
      <ul className="customer-list" aria-labelledby={headingId}>
        {sorted.map((contact) => {
          const isTicketContact = contact.id === ticket.contact_id;
          return (
            <li key={contact.id} className={`customer-list-item${isTicketContact ? ' current' : ''}`}>
              <Flex wrap gap={6} align="center">
                <Link to={paths.contact(contact.id)} className="customer-item-title">
                  {contact.name}
                </Link>
                {isTicketContact && (
                  <Tag color="blue" variant="filled">
                    {t('tickets.customer.ticketContact')}
                  </Tag>
                )}
              </Flex>
              {contact.title && <Typography.Text type="secondary">{contact.title}</Typography.Text>}
              {(contact.phone || contact.email) && (
                <Flex wrap gap="4px 16px" align="center" className="customer-reach">
                  {contact.phone && <TelLink phone={contact.phone} />}
                  {contact.email && (
                    <a href={`mailto:${contact.email}`} className="customer-mail">
                      <MailOutlined aria-hidden /> {contact.email}
                    </a>
                  )}
                </Flex>
              )}
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section className="customer-section">
      <h4 id={headingId} className="customer-section-title">
        {t('tickets.customer.contacts')}
      </h4>
      {body}
    </section>
  );
}

/** The company's latest sales orders: what the customer bought and where the order stands. */
function CustomerOrders({ ticketId, companyId }: { ticketId: number; companyId: number }) {
  const { t, i18n } = useTranslation();
  const orders = useRecentOrders(companyId);
  const headingId = `ticket-${ticketId}-orders`;
  let body: ReactNode;
  if (orders.isError) {
    body = <ErrorState error={orders.error} onRetry={() => void orders.refetch()} retrying={orders.isFetching} />;
  } else if (orders.isPending) {
    body = <Loading rows={3} />;
  } else if (orders.data.items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.customer.noOrders')} />;
  } else {
    body = (
      <>
        <ul className="customer-list" aria-labelledby={headingId}>
          {orders.data.items.map((order) => (
            <li key={order.id} className="customer-list-item">
              <Flex justify="space-between" wrap gap={6} align="center">
                <Link to={paths.order(order.id)} className="customer-item-title">
                  {order.number}
                </Link>
                <OrderStatusTag status={order.status} />
              </Flex>
              <Flex justify="space-between" wrap gap={6}>
                <span>{formatMoney(order.total, order.currency, i18n.language)}</span>
                <Typography.Text type="secondary">{formatDate(order.created_at, t)}</Typography.Text>
              </Flex>
            </li>
          ))}
        </ul>
        {orders.data.more && <Typography.Text type="secondary">{t('tickets.customer.latestOrders', { count: orders.data.items.length })}</Typography.Text>}
      </>
    );
  }
  return (
    <section className="customer-section">
      <h4 id={headingId} className="customer-section-title">
        {t('tickets.customer.orders')}
      </h4>
      {body}
    </section>
  );
}

/**
 * Who the ticket is from, on the ticket's own screen: the company (phone, industry), its
 * contacts and its recent orders. A company the user may not see gets a calm note, not an error.
 */
export function CustomerCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const companyId = ticket.company_id;
  const company = useCustomerCompany(companyId);
  // Asked for at once, alongside the company, rather than after it arrives.
  useCompanyContacts(companyId);
  useRecentOrders(companyId);
  const title = <h3 className="card-title">{t('tickets.customer.title')}</h3>;

  if (!companyId) {
    return (
      <Card title={title} className="customer-card">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.customer.none')}>
          <Typography.Text type="secondary">{t('tickets.customer.noneHint')}</Typography.Text>
        </Empty>
      </Card>
    );
  }

  let body: ReactNode;
  if (company.isError && (isApiError(company.error, 404) || isApiError(company.error, 403))) {
    body = (
      <Flex vertical align="center" gap={4} className="customer-hidden" role="status">
        <EyeInvisibleOutlined aria-hidden className="customer-hidden-icon" />
        <Typography.Text strong>{t('tickets.customer.hiddenTitle')}</Typography.Text>
        {ticket.company_name && <Typography.Text>{ticket.company_name}</Typography.Text>}
        <Typography.Text type="secondary">{t('tickets.customer.hiddenHint')}</Typography.Text>
      </Flex>
    );
  } else if (company.isError) {
    body = <ErrorState error={company.error} onRetry={() => void company.refetch()} retrying={company.isFetching} />;
  } else if (company.isPending) {
    body = <Loading rows={6} />;
  } else {
    const { data } = company;
    body = (
      <>
        <div className="customer-company">
          <Link to={paths.company(data.id)} className="customer-company-name">
            {data.name}
          </Link>
          <Flex wrap gap="4px 16px" align="center">
            {data.phone && <TelLink phone={data.phone} />}
            {data.industry && (
              <Typography.Text type="secondary">
                <span className="sr-only">{t('companies.fields.industry')}: </span>
                {data.industry}
              </Typography.Text>
            )}
          </Flex>
        </div>
        <CustomerContacts ticket={ticket} companyId={data.id} />
        <CustomerOrders ticketId={ticket.id} companyId={data.id} />
      </>
    );
  }

  return (
    <Card title={title} className="customer-card">
      {body}
    </Card>
  );
}
