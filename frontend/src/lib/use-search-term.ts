import { useSearchParams } from 'react-router';

/** The search of a list page, as the URL carries it (?q=); undefined when there is none. */
export function useSearchTerm(): string | undefined {
  const [params] = useSearchParams();
  return params.get('q') ?? undefined;
}
