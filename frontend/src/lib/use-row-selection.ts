import { useCallback, useMemo, useState } from 'react';

/**
 * The rows chosen on a list for a bulk action: some ids, or "all matching" (every row the list's
 * filters match, loaded or not). A new filter (another `scope`) starts with nothing chosen.
 */
export interface RowSelection {
  ids: number[];
  allMatching: boolean;
  /** Nothing chosen? */
  isEmpty: boolean;
  setIds: (ids: number[]) => void;
  toggle: (id: number, checked: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
}

interface State {
  scope: string;
  ids: number[];
  allMatching: boolean;
}

export function useRowSelection(scope: string): RowSelection {
  const [state, setState] = useState<State>({ scope, ids: [], allMatching: false });
  const current = state.scope === scope ? state : { scope, ids: [], allMatching: false };
  const setIds = useCallback((ids: number[]) => setState({ scope, ids, allMatching: false }), [scope]);
  const toggle = useCallback(
    (id: number, checked: boolean) =>
      setState((previous) => {
        const ids = previous.scope === scope ? previous.ids : [];
        return { scope, allMatching: false, ids: checked ? [...new Set([...ids, id])] : ids.filter((value) => value !== id) };
      }),
    [scope],
  );
  const selectAllMatching = useCallback(
    () => setState((previous) => ({ scope, ids: previous.scope === scope ? previous.ids : [], allMatching: true })),
    [scope],
  );
  const clear = useCallback(() => setState({ scope, ids: [], allMatching: false }), [scope]);
  return useMemo(
    () => ({
      ids: current.ids,
      allMatching: current.allMatching,
      isEmpty: !current.allMatching && current.ids.length === 0,
      setIds,
      toggle,
      selectAllMatching,
      clear,
    }),
    [current.ids, current.allMatching, setIds, toggle, selectAllMatching, clear],
  );
}

/** The rows to show ticked: with "all matching", every loaded row. */
export function tickedIds(selection: RowSelection, loadedIds: number[]): number[] {
  return selection.allMatching ? loadedIds : selection.ids;
}
