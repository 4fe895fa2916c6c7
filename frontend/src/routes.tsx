import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppShell } from './components/AppShell';
import { RouteError } from './components/RouteError';
import { RequireAuth } from './features/auth/RequireAuth';
import { SessionGate } from './features/auth/SessionGate';
import { paths } from './paths';

// Pages load on demand: the login page does not carry the lead list's code and vice versa.
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const LeadList = lazy(() => import('./features/leads/LeadList'));
const LeadDetail = lazy(() => import('./features/leads/LeadDetail'));
const PipelineBoard = lazy(() => import('./features/pipeline/PipelineBoard'));
const OpportunityList = lazy(() => import('./features/pipeline/OpportunityList'));
const OpportunityDetail = lazy(() => import('./features/pipeline/OpportunityDetail'));
const OrderList = lazy(() => import('./features/orders/OrderList'));
const OrderDetail = lazy(() => import('./features/orders/OrderDetail'));
const CompanyList = lazy(() => import('./features/customers/CompanyList'));
const CompanyDetail = lazy(() => import('./features/customers/CompanyDetail'));
const ContactList = lazy(() => import('./features/customers/ContactList'));
const ContactDetail = lazy(() => import('./features/customers/ContactDetail'));
const ProductList = lazy(() => import('./features/products/ProductList'));
const DuplicatesPage = lazy(() => import('./features/duplicates/DuplicatesPage'));
const TicketList = lazy(() => import('./features/tickets/TicketList'));
const TicketDetail = lazy(() => import('./features/tickets/TicketDetail'));
const SlaPolicyPage = lazy(() => import('./features/settings/SlaPolicyPage'));
const PublicUploadPage = lazy(() => import('./features/public-upload/PublicUploadPage'));
const NotFound = lazy(() => import('./components/NotFound'));

export const routes: RouteObject[] = [
  // The customer's upload page: outside the session gate (no login, no refresh call).
  { path: paths.publicUploadPattern, element: <PublicUploadPage />, errorElement: <RouteError /> },
  {
    element: <SessionGate />,
    errorElement: <RouteError />,
    children: [
      { path: paths.login, element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              {
                // Inside the shell, so that the navigation stays usable when a page fails.
                errorElement: <RouteError />,
                children: [
                  { index: true, element: <Navigate to={paths.leads} replace /> },
                  { path: paths.leads, element: <LeadList /> },
                  { path: paths.leadPattern, element: <LeadDetail /> },
                  { path: paths.pipeline, element: <PipelineBoard /> },
                  { path: paths.opportunities, element: <OpportunityList /> },
                  { path: paths.opportunityPattern, element: <OpportunityDetail /> },
                  { path: paths.orders, element: <OrderList /> },
                  { path: paths.orderPattern, element: <OrderDetail /> },
                  { path: paths.companies, element: <CompanyList /> },
                  { path: paths.companyPattern, element: <CompanyDetail /> },
                  { path: paths.contacts, element: <ContactList /> },
                  { path: paths.contactPattern, element: <ContactDetail /> },
                  { path: paths.products, element: <ProductList /> },
                  { path: paths.duplicatesPattern, element: <DuplicatesPage /> },
                  { path: paths.tickets, element: <TicketList /> },
                  { path: paths.ticketPattern, element: <TicketDetail /> },
                  { path: paths.slaPolicies, element: <SlaPolicyPage /> },
                  { path: '*', element: <NotFound /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];
