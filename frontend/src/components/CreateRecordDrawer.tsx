import type { UseMutationResult } from '@tanstack/react-query';
import { Form, type FormInstance, type FormProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { applyFieldErrors } from '../lib/forms';
import { errorMessage } from '../lib/messages';
import { FormDrawer } from './FormDrawer';

interface Props<Values, Body, Created> {
  open: boolean;
  onClose: () => void;
  title: string;
  submitText: string;
  /** The feature's class for the drawer (styles, tests). */
  className: string;
  width: number;
  /** The caller's form, so its fields can watch and set each other. */
  form: FormInstance<Values>;
  formName: string;
  initialValues?: FormProps<Values>['initialValues'];
  /** The form's fields: the server's errors for them show under the field, the rest above the form. */
  fieldNames: readonly string[];
  mutation: UseMutationResult<Created, Error, Body>;
  toBody: (values: Values) => Body;
  /** After the drawer has closed, e.g. to say so and open the new record. */
  onCreated: (created: Created) => void;
  children: ReactNode;
}

/** A drawer with the form for a new record: sends it, and maps the server's errors onto the form. */
export function CreateRecordDrawer<Values, Body, Created>({
  open,
  onClose,
  title,
  submitText,
  className,
  width,
  form,
  formName,
  initialValues,
  fieldNames,
  mutation,
  toBody,
  onCreated,
  children,
}: Props<Values, Body, Created>) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  // The drawer is reused for the next record, so it starts blank again.
  const close = () => {
    form.resetFields();
    setProblem(null);
    mutation.reset();
    onClose();
  };

  const submit = (values: Values) => {
    setProblem(null);
    mutation.mutate(toBody(values), {
      onSuccess: (created) => {
        close();
        onCreated(created);
      },
      onError: (error) => {
        const leftover = applyFieldErrors(form, error, fieldNames);
        const hasFieldErrors = error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;
        if (leftover.length) setProblem(leftover.join(' '));
        else if (!hasFieldErrors) setProblem(errorMessage(error, t));
      },
    });
  };

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title={title}
      className={className}
      width={width}
      submitText={submitText}
      onSubmit={() => form.submit()}
      submitting={mutation.isPending}
      problem={problem}
    >
      <Form<Values>
        form={form}
        name={formName}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
        scrollToFirstError
        disabled={mutation.isPending}
        size="large"
      >
        {children}
        {/* Enter in a text field submits the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </FormDrawer>
  );
}
