import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';

/** Link state from a list to a record: the list's query string, so going back restores its view. */
export interface FromList {
  listSearch: string;
}

/** A detail page's link back to its list, with the filters the list had when the record was opened. */
export function BackToListLink({ to, children }: { to: string; children: string }) {
  const { state } = useLocation() as { state: Partial<FromList> | null };
  const listSearch = state?.listSearch;
  return (
    <Link to={listSearch ? `${to}?${listSearch}` : to} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {children}
    </Link>
  );
}
