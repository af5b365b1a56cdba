import type { ApiClient, ApiClientOptions } from '../../core/api/client.js';

/**
 * The API client, loaded on first use. The first screen needs none of it, and it brings the
 * response schemas with it; keeping it out of the entry keeps the questionnaire quick to show.
 * Browsers fetch a module once, so later calls cost nothing.
 */
export async function apiClient(options: ApiClientOptions): Promise<ApiClient> {
  const { createApiClient } = await import('../../core/api/client.js');
  return createApiClient(options);
}
