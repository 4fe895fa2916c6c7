import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { PriorityTag } from '../../components/PriorityTag';
import { TicketStatusTag } from '../../components/TicketStatusTag';
import { formatDateTime } from '../../lib/dates';
import { paths } from '../../paths';
import { CUSTOMER_TICKETS_SHOWN, useCustomerTickets } from './api/get-customer-tickets';
import type { CustomerRef } from './api/keys';

/**
 * The ticket list's filter for the customer (`?company=` or `?contact=`): it shows all their
 * tickets, and a new one there starts with the customer.
 */
function ticketListSearch(customer: CustomerRef): string {
  return 'company_id' in customer ? `company=${customer.company_id}` : `contact=${customer.contact_id}`;
}

/**
 * The customer's service history on their page: a rep visiting a customer sees the open
 * complaints before walking in. Newest first; only the tickets the user may see.
 */
export function CustomerTickets({ customer }: { customer: CustomerRef }) {
  const { t } = useTranslation();
  const tickets = useCustomerTickets(customer);
  let body;
  if (tickets.isError) {
    body = <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} retrying={tickets.isFetching} />;
  } else if (tickets.isPending) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (tickets.data.items.length === 0) {
    body = <Empty description={t('customers.tickets.empty')} />;
  } else {
    body = (
      <>
        <ul className="customer-tickets">
          {tickets.data.items.map((ticket) => (
            <li key={ticket.id}>
              <Link to={paths.ticket(ticket.id)}>
                #{ticket.id} {ticket.subject}
              </Link>
              <Flex gap={4} wrap align="center">
                <TicketStatusTag status={ticket.status} />
                <PriorityTag priority={ticket.priority} />
                <Typography.Text type="secondary">{formatDateTime(ticket.created_at, t)}</Typography.Text>
              </Flex>
            </li>
          ))}
        </ul>
        {tickets.data.more && (
          <Typography.Text type="secondary">{t('customers.tickets.latest', { count: CUSTOMER_TICKETS_SHOWN })}</Typography.Text>
        )}
      </>
    );
  }
  // Any role may create tickets (service staff too), so everyone gets both links.
  const search = ticketListSearch(customer);
  const extra = (
    <Flex gap={8} wrap>
      <Link to={`${paths.tickets}?${search}`}>{t('customers.tickets.all')}</Link>
      <Link to={`${paths.tickets}?${search}&new=1`}>{t('customers.tickets.new')}</Link>
    </Flex>
  );
  return (
    <Card title={<h3 className="card-title">{t('customers.tickets.title')}</h3>} extra={extra} className="customer-tickets-card">
      {body}
    </Card>
  );
}
