import type { UseMutationResult } from '@tanstack/react-query';
import { App, Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { withoutBlanks } from '../lib/forms';
import { useFormProblem } from '../lib/use-form-problem';
import { checkQuery, type DuplicateEntity } from './duplicates/api';
import { FormDuplicateWarning } from './duplicates/DuplicateWarning';
import { useDuplicatesAfterSave } from './duplicates/use-duplicates-after-save';
import { FormDrawer } from './FormDrawer';

/** What follows a created record, once the drawer has closed: a message, then the record's page. */
export interface AfterCreate {
  message: string;
  to: string;
  /** The router state for that page, e.g. the list its back link returns to. */
  state?: unknown;
}

interface Props<Values, Body, Created> {
  open: boolean;
  onClose: () => void;
  title: string;
  submitText: string;
  /** The feature's class for the drawer (styles, tests). */
  className: string;
  /** 480 px unless given. */
  width?: number;
  /** The caller's form, so its fields can watch and set each other. */
  form: FormInstance<Values>;
  formName: string;
  initialValues?: FormProps<Values>['initialValues'];
  /** The form's fields: the server's errors for them show under the field, the rest above the form. */
  fieldNames: readonly string[];
  mutation: UseMutationResult<Created, Error, Body>;
  /** The body sent for the form's values; by default the values without blank fields. */
  toBody?: (values: Values) => Body;
  /** What to say about the new record and where to open it. */
  onCreated: (created: Created) => AfterCreate;
  /** Warn beside the submit button that the typed name, email or phone matches existing records. */
  duplicates?: DuplicateEntity;
  children: ReactNode;
}

/** A drawer with the form for a new record: sends it, and maps the server's errors onto the form. */
export function CreateRecordDrawer<Values, Body, Created>({
  open,
  onClose,
  title,
  submitText,
  className,
  width = 480,
  form,
  formName,
  initialValues,
  fieldNames,
  mutation,
  // The default sends the values themselves, less their blanks: Body is Values then.
  toBody = (values: Values) => withoutBlanks(values as object) as Body,
  onCreated,
  duplicates,
  children,
}: Props<Values, Body, Created>) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { problem, clearProblem, onError } = useFormProblem(form, fieldNames);
  const duplicatesAfterSave = useDuplicatesAfterSave(duplicates ?? 'companies');

  // The drawer is reused for the next record, so it starts blank again.
  const close = () => {
    form.resetFields();
    clearProblem();
    mutation.reset();
    onClose();
  };

  const submit = (values: Values) => {
    clearProblem();
    mutation.mutate(toBody(values), {
      onSuccess: (created) => {
        close();
        const next = onCreated(created);
        message.success(next.message);
        void navigate(next.to, { state: next.state });
        // The answer's `duplicates`, when the form's check did not warn about these values.
        if (duplicates) duplicatesAfterSave(created, checkQuery(duplicates, values as object));
      },
      onError,
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
      notice={duplicates && open && <FormDuplicateWarning entity={duplicates} form={form} />}
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
