// Which actions a count offers to whom: the workflow draft → submitted → validated | rejected, and
// the permissions flow.manage (edit, submit) and flow.validate (validate, reject).

/** An action on a count. */
export type CountAction = 'edit' | 'submit' | 'validate' | 'reject';

/** The actions a user holding `permissions` may take on a count in `status`, in display order. */
export function countActions(status: string, permissions: readonly string[]): CountAction[] {
  const manage = permissions.includes('flow.manage');
  const validate = permissions.includes('flow.validate');
  const actions: CountAction[] = [];
  if ((status === 'draft' || status === 'rejected') && manage) actions.push('edit', 'submit');
  if (status === 'submitted' && validate) actions.push('validate', 'reject');
  return actions;
}
