import { DomainError } from '@polystatus/kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HandlerMap, OperationInput, RestResult } from './handler.ts';
import type { Operation } from './openapi/operations.ts';
import { validatorCompilerFor } from './validation.ts';

/**
 * Refuses to start unless the handlers and the operations match one for one. A missing handler would serve a
 * documented route as 404; a handler without an operation is code the contract does not describe.
 */
export function checkHandlers(operations: Operation[], handlers: Record<string, unknown>): void {
  const documented = new Set(operations.map((o) => o.operationId));
  const implemented = new Set(Object.keys(handlers));
  const missing = [...documented].filter((id) => !implemented.has(id));
  const undocumented = [...implemented].filter((id) => !documented.has(id));
  const problems = [
    ...(missing.length ? [`operations without a handler: ${missing.join(', ')}`] : []),
    ...(undocumented.length ? [`handlers without an operation: ${undocumented.join(', ')}`] : []),
  ];
  if (problems.length) throw new Error(`handlers do not match the OpenAPI file: ${problems.join('; ')}`);
}

/** A status or header the file does not document is a bug in the adapter, not in the client's request. */
function checkDocumented(op: Operation, status: number, headers: Record<string, string> | undefined): void {
  const response = op.responses.get(status);
  if (!response) throw new Error(`${op.operationId} answered ${status}, which is not documented`);
  for (const name of Object.keys(headers ?? {})) {
    if (!response.headers.has(name.toLowerCase())) {
      throw new Error(`${op.operationId} sent header ${name}, which is not documented for ${status}`);
    }
  }
}

export interface RegisterOptions<Context> {
  operations: Operation[];
  handlers: HandlerMap<Context>;
  /** Builds the per-request context handed to every handler (for adapters: the gateway bound to this caller). */
  context: (request: FastifyRequest, op: Operation) => Context;
}

/** Registers one Fastify route per operation, with the operation's schemas as the route's validation. */
export function registerOperations<Context>(app: FastifyInstance, opts: RegisterOptions<Context>): void {
  checkHandlers(opts.operations, opts.handlers);
  for (const op of opts.operations) {
    const handler = opts.handlers[op.operationId]!;
    app.route({
      method: op.method,
      url: op.url,
      schema: op.schema,
      validatorCompiler: validatorCompilerFor(op),
      handler: async (request, reply) => {
        const input = {
          body: request.body,
          query: request.query,
          params: request.params,
          headers: request.headers,
          path: request.url.split('?')[0]!,
        } as OperationInput as OperationInput<never, never, never>;
        const result: RestResult = await handler(input, opts.context(request, op));
        const status = result.status ?? op.successStatus;
        try {
          checkDocumented(op, status, result.headers);
        } catch (err) {
          request.log.error({ err }, 'response does not match the OpenAPI file');
          throw new DomainError('INTERNAL', 'internal error');
        }
        void reply.status(status);
        if (result.headers) void reply.headers(result.headers);
        if (result.json !== undefined) return reply.type('application/json; charset=utf-8').send(result.json);
        return reply.send(result.body);
      },
    });
  }
}
