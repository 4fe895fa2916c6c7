import { App } from 'antd';
import { useState } from 'react';
import { isApiError } from '../api/errors';

/**
 * Saving one change of a record sent with If-Match. A 412 means someone else changed the record
 * meanwhile: `conflict` stays set until a save succeeds or the record is reloaded. `save` still
 * rejects, so an EditableField keeps its editor open.
 */
export function useSaveWithConflict<Patch>({
  mutateAsync,
  refetch,
  savedText,
}: {
  mutateAsync: (patch: Patch) => Promise<unknown>;
  refetch: () => Promise<unknown>;
  savedText: string;
}) {
  const { message } = App.useApp();
  const [conflict, setConflict] = useState(false);

  /** Resolves with the saved answer (e.g. for the `duplicates` it carries). */
  const save = async (patch: Patch): Promise<unknown> => {
    try {
      const saved = await mutateAsync(patch);
      setConflict(false);
      message.success(savedText);
      return saved;
    } catch (error) {
      if (isApiError(error, 412)) setConflict(true);
      throw error;
    }
  };

  const reload = async () => {
    await refetch();
    setConflict(false);
  };

  return { conflict, save, reload };
}
