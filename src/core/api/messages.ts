import { createCatalog } from '../i18n/catalog.js';

/**
 * What the client says when the API could not say it itself: the network failed, the server
 * answered something that is not the API's JSON, or the answer broke the contract.
 */
export const clientMessages = createCatalog({
  fr: {
    network:
      'Le service du Baromètre ne répond pas. Vérifiez votre connexion à internet ; vos réponses sont conservées sur cet appareil.',
    timeout:
      'Le service du Baromètre a mis trop de temps à répondre. Vérifiez votre connexion à internet ; vos réponses sont conservées sur cet appareil.',
    http: 'Le service du Baromètre a répondu par une erreur (HTTP {status}). Réessayez dans un instant.',
    invalid_response: 'Le service du Baromètre a envoyé une réponse inattendue. Réessayez plus tard ; si cela persiste, signalez-le.',
  },
  en: {
    network: 'The Baromètre service is not responding. Check your internet connection; your answers are kept on this device.',
    timeout:
      'The Baromètre service took too long to respond. Check your internet connection; your answers are kept on this device.',
    http: 'The Baromètre service answered with an error (HTTP {status}). Try again in a moment.',
    invalid_response: 'The Baromètre service sent an unexpected response. Try again later; if it persists, report it.',
  },
});
