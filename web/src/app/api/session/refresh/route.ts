import { refresh } from '../../../../server/session-routes.ts';

export const dynamic = 'force-dynamic';

export const POST = (request: Request): Promise<Response> => refresh(request);
