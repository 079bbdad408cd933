import type { RestHandler } from '@polystatus/rest-kit';
import { PublishAnnouncement } from '../documents.ts';
import type {
  AnnouncementState,
  ComponentStatus,
  PublishAnnouncementMutation,
} from '../generated/operations.ts';

interface AnnounceBody {
  incident_id: string;
  message: string;
  state: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  impacts?: { component_id: string; status: string }[];
}

const up = <T extends string>(v: string) => v.toUpperCase() as T;
const down = (v: string) => v.toLowerCase();
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** `{ts, message, state}` as the reference has it, plus the update's id and its component impacts. */
export function announcementBody(a: PublishAnnouncementMutation['publishAnnouncement']) {
  return {
    id: a.id,
    incident_id: a.incidentId,
    ts: seconds(a.publishedAt),
    message: a.message,
    state: down(a.state),
    impacts: a.impacts.map((i) => ({
      component_id: i.componentId,
      old_status: down(i.oldStatus),
      new_status: down(i.newStatus),
    })),
  };
}

export const publishAnnouncement: RestHandler<AnnounceBody> = async ({ body }, ctx) => {
  const data = await ctx.graphql(
    PublishAnnouncement,
    {
      input: {
        incidentId: body.incident_id,
        message: body.message,
        state: up<AnnouncementState>(body.state),
        impacts: body.impacts?.map((i) => ({
          componentId: i.component_id,
          status: up<ComponentStatus>(i.status),
        })),
      },
    },
    { incidentId: 'incident_id' },
  );
  return { status: 201, body: announcementBody(data.publishAnnouncement) };
};
