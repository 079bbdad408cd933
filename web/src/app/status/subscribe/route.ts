import { subscribe } from '../../../server/public-subscribe.ts';

export const dynamic = 'force-dynamic';

export const POST = (request: Request): Promise<Response> => subscribe(request);
