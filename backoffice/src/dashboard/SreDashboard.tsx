import { OutreachCards } from './OutreachCards';
import { CallsToMake } from './WorkQueues';

/** SRE: the calls to make now (overdue first, log one in a click), then students at risk and the queue's size. */
export const SreDashboard = () => (
  <>
    <CallsToMake />
    <OutreachCards role="sre" />
  </>
);
