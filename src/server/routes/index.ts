import type { FastifyInstance } from 'fastify';

/** The routes of the API, for people exploring it from a browser. */
const ROUTES = [
  'GET /api/v1/health',
  'GET /api/v1/health/ready',
  'GET /api/v1/config',
  'GET /api/v1/questionnaires',
  'GET /api/v1/questionnaires/:theme',
  'GET /api/v1/collectivites/:siret',
  'GET /api/v1/territoires?q=&limit=',
  'GET /api/v1/contributions/:siret/:theme',
  'PUT /api/v1/contributions/:siret/:theme',
  'GET /api/v1/resultats/:theme?territoire=&comparer=&question=&ponderation=&type=&bande=',
  'GET /api/v1/resultats/:theme/carte?niveau=departement|region&question=&ponderation=',
  'GET /api/v1/resultats/:theme/evolution?question=&code=&territoire=&comparer=&ponderation=',
  'GET /api/v1/synthese?territoire=',
  'GET /api/v1/publications',
  'POST /api/v1/admin/publications',
  'GET /api/v1/export/:theme.csv',
  'GET /api/v1/admin/pending?theme=&territoire=&status=&limit=&cursor=',
  'POST /api/v1/admin/pending/:id/accept',
  'POST /api/v1/admin/pending/:id/reject',
  'GET /api/v1/auth/proconnect/login?return_to= (when ProConnect is configured)',
  'GET /api/v1/auth/proconnect/callback',
];

/** `GET /api/v1`: what the API offers. */
export function indexRoutes(app: FastifyInstance): void {
  app.get('/', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return { name: 'Baromètre numérique des collectivités — API', routes: ROUTES };
  });
}
