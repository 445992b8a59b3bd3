import { useState } from 'react';
import { useCreate, useNotify, useRefresh } from 'react-admin';
import { errorMessage, fieldErrors } from './errors';

/**
 * For a small inline "add" form: `save` creates the record, says so, empties the form (give it
 * `key={formKey}`) and refreshes the page; on failure it shows the error and returns the API's
 * field errors for <Form onSubmit> to put beside the inputs.
 */
export const useCreateAndReset = (resource: string) => {
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [formKey, setFormKey] = useState(0);
  const save = async (data: Record<string, unknown>, success: string) => {
    try {
      await create(resource, { data }, { returnPromise: true });
      notify(success, { type: 'success' });
      setFormKey((k) => k + 1);
      refresh();
      return undefined;
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      return fieldErrors(error);
    }
  };
  return { save, isPending, formKey };
};
