import type { IdGenerator } from '../domain/id.ts';
import type { IncidentReader } from '../incidents/incident-reader.ts';
import type { NotifyDeps } from '../notify/service/notify-deps.ts';
import type { PublicPage } from '../public/public-page.ts';
import type { CommsStore } from '../store/comms-store.ts';
import type { ManualBannerStore } from '../store/manual-banner-store.ts';

/** What the verbs use; tests swap the clock, the id generator and the incident reader. */
export interface CommsDeps {
  store: CommsStore;
  /** Incidents as the graph shows them to `system:comms` (viewer); never the incidents domain's keys. */
  incidents: IncidentReader;
  /** Asks for a new public snapshot after a change; renders once however many changes arrive meanwhile. */
  publicPage: PublicPage;
  /** The admin's manual banner (service/manual-banner.ts). */
  banner: ManualBannerStore;
  newId: IdGenerator;
  /** Epoch milliseconds. */
  clock: () => number;
  // notifications (src/notify): what the notification resolvers need goes below.
  notify: NotifyDeps;
}
