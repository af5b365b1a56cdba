import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { contributionsCsv } from '../export/contributions-csv.js';
import { requireAdmin } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { themeParam } from '../http/params.js';

/** `GET /export/:theme.csv`: every raw contribution of a theme, for the administrator only. */
export function exportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { file: string } }>('/export/:file', async (request, reply) => {
    // Authorisation first: nobody learns which themes exist from this route without the token.
    requireAdmin(context, request);
    const file = request.params.file;
    // Only `<theme>.csv` exists here: anything else is an address with nothing at it.
    if (!file.endsWith('.csv')) {
      const url = (request.url.split('?')[0] ?? '').slice(0, 200);
      throw new ApiError(404, 'not_found', { params: { method: request.method, url } });
    }
    const { theme, definition } = themeParam(context, file.slice(0, -'.csv'.length));
    const records = await context.store.listContributions(theme);
    const csv = [...contributionsCsv(definition, records)].join('');
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="barometre-${theme}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
