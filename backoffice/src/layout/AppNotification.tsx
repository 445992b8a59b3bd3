// react-admin's notification snackbar on its own, so it can load after the first paint.
export { Notification as AppNotification } from 'react-admin';
