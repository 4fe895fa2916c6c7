import { Link } from 'react-router';
import { paths } from '../../paths';
import { useCompany } from './api/get-company';

/** A link to a company known by id only (a contact's employer, a parent company), named once loaded. */
export function CompanyLink({ id }: { id: number }) {
  const company = useCompany(id);
  return <Link to={paths.company(id)}>{company.data?.company.name ?? `#${id}`}</Link>;
}
