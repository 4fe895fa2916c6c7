import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { applyFieldErrors } from './forms';
import { errorMessage } from './messages';

/**
 * The problem shown above a form the server refused: its field errors go under their fields, and
 * only what belongs to no field of the form, or a failure without field errors, shows above it.
 */
export function useFormProblem(form: FormInstance, fieldNames: readonly string[]) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const onError = (error: Error) => {
    const leftover = applyFieldErrors(form, error, fieldNames);
    const hasFieldErrors = error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;
    if (leftover.length) setProblem(leftover.join(' '));
    else if (!hasFieldErrors) setProblem(errorMessage(error, t));
  };
  return { problem, clearProblem: () => setProblem(null), onError };
}
