import { act, renderHook } from '@testing-library/react';
import type { FormInstance } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import '../i18n';
import { ApiError } from '../api/errors';
import { useFormProblem } from './use-form-problem';

function fakeForm() {
  return { setFields: vi.fn(), getFieldsError: () => [] } as unknown as FormInstance & { setFields: ReturnType<typeof vi.fn> };
}

function invalid(errors: Record<string, string[]>) {
  return new ApiError(422, { status: 422, code: 'validation_failed', detail: 'The request has invalid fields.', errors });
}

describe('useFormProblem', () => {
  it('puts field errors under their fields and nothing above the form', () => {
    const form = fakeForm();
    const { result } = renderHook(() => useFormProblem(form, ['body', 'visibility']));
    act(() => result.current.onError(invalid({ visibility: ['Not a choice.'] })));
    expect(form.setFields).toHaveBeenCalledWith([{ name: 'visibility', errors: ['Not a choice.'] }]);
    expect(result.current.problem).toBeNull();
  });

  it('shows above the form what belongs to no field of it, or a failure without field errors', () => {
    const form = fakeForm();
    const { result } = renderHook(() => useFormProblem(form, ['body']));
    act(() => result.current.onError(invalid({ ticket_id: ['The ticket is closed.'] })));
    expect(result.current.problem).toBe('The ticket is closed.');

    act(() => result.current.clearProblem());
    expect(result.current.problem).toBeNull();

    act(() => result.current.onError(new ApiError(409, { status: 409, code: 'conflict', detail: 'Someone was faster.' })));
    expect(result.current.problem).toBe('Someone was faster.');
  });
});
