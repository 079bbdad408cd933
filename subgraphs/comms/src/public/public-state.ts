import { COMMS_EVENTS, type PublicSnapshot, publicSnapshot } from '@polystatus/contracts';
import type { Redis } from '@polystatus/kit';
import type { StatusChange } from '../domain/component.ts';
import { commsEvent, eventFields, SYSTEM_ACTOR } from '../domain/events.ts';
import type { CommsKeys } from '../keys.ts';
import { parseManualBanner } from '../store/manual-banner-store.ts';
import {
  asList,
  parseAnnouncement,
  parseComponent,
  parseGroup,
  parseIncident,
  parseMaintenance,
} from '../store/records.ts';
import { scripts } from '../store/scripts.ts';
import type { PublicState } from './public-state-types.ts';
import type { Indicator } from './render/view.ts';

const DAY_MS = 86_400_000;
/** What one rendering reads at most: Statuspage's lists hold 50, an incident's page its latest 25 updates. */
const LIMITS = { incidents: 50, maintenances: 50, announcements: 25 };

interface RawState {
  seq: number;
  groups: string[];
  components: string[];
  history: [string, [string, string[]][], [string, string[]][]][];
  incidents: [string, string[]][];
  maintenances: string[];
  /** cjson turns Redis's nil into false. */
  manualBanner: string | false;
}

/** Reads the public page's whole state in one script and stores renderings; the snapshot key is published. */
export class PublicStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CommsKeys,
    private readonly opts: { eventStreamMaxLen: number },
  ) {
    scripts.install(redis);
  }

  async read(now: number): Promise<PublicState> {
    const args = JSON.stringify({
      ks: this.keys.keyspace(),
      historySince: String(now - 91 * DAY_MS),
      ...LIMITS,
    });
    const raw = JSON.parse(
      (await scripts.run(this.redis, 'readPublicState', [], [args])) as string,
    ) as RawState;
    return {
      seq: Number(raw.seq),
      groups: asList<string>(raw.groups).map(parseGroup),
      components: asList<string>(raw.components).map(parseComponent),
      history: new Map(
        asList<RawState['history'][number]>(raw.history).map(([cid, before, within]) => [
          cid,
          {
            before: asList<[string, string[]]>(before)[0]
              ? change(asList<[string, string[]]>(before)[0]![1])
              : null,
            within: asList<[string, string[]]>(within).map(([, f]) => change(f)),
          },
        ]),
      ),
      incidents: asList<[string, string[]]>(raw.incidents).map(([inc, anns]) => ({
        incident: parseIncident(inc),
        announcements: asList<string>(anns).map(parseAnnouncement),
      })),
      maintenances: asList<string>(raw.maintenances).map(parseMaintenance),
      manualBanner: raw.manualBanner ? parseManualBanner(raw.manualBanner) : null,
    };
  }

  /** False when another rendering was stored since `seq` was read: render again from a fresh read. */
  async store(
    seq: number,
    snapshot: PublicSnapshot,
    status: { indicator: Indicator; description: string },
    now: number,
  ): Promise<boolean> {
    const event = commsEvent(
      COMMS_EVENTS.publicStatusChanged,
      SYSTEM_ACTOR,
      'public',
      { version: snapshot.version, renderedAt: snapshot.renderedAt, ...status },
      now,
    );
    const args = JSON.stringify({
      ks: this.keys.keyspace(),
      ev: { maxlen: this.opts.eventStreamMaxLen },
      seq,
      snapshot: JSON.stringify(snapshot),
      event: eventFields(event),
    });
    return Number(await scripts.run(this.redis, 'storeSnapshot', [], [args])) === 1;
  }

  /** The stored snapshot, or null before the first rendering. */
  async current(): Promise<PublicSnapshot | null> {
    const raw = await this.redis.get(this.keys.publicSnapshot);
    return raw ? publicSnapshot.parse(JSON.parse(raw)) : null;
  }
}

function change(fields: string[]): StatusChange {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) m.set(fields[i]!, fields[i + 1]!);
  const kind = m.get('kind');
  const id = m.get('id') || null;
  return {
    at: Number(m.get('at')),
    from: m.get('from') as StatusChange['from'],
    to: m.get('to') as StatusChange['to'],
    incidentId: kind === 'incident' ? id : null,
    maintenanceId: kind === 'maintenance' ? id : null,
  };
}
