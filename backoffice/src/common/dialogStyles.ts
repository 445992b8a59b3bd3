/**
 * A form dialog's buttons, kept in view at the bottom while its content scrolls (a react-admin
 * <Form> between the paper and its content makes the whole paper scroll, phones included).
 */
export const stickyActions = {
  position: 'sticky',
  bottom: 0,
  zIndex: 1,
  bgcolor: 'background.paper',
  borderTop: 1,
  borderColor: 'divider',
  px: 3,
  py: 1.5,
} as const;
