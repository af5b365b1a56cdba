import { createCatalog } from '../../core/i18n/index.js';

/**
 * What the API says to people, in French and English. Each key is also the stable `error` code
 * clients branch on, except where a route maps several codes to one sentence.
 */
export const apiMessages = createCatalog({
  fr: {
    not_found: 'Aucune ressource à cette adresse ({method} {url}). Consultez la liste des routes de l’API (/api/v1).',
    theme_not_found: 'Thème inconnu : « {theme} ». Thèmes disponibles : {themes}.',
    territory_not_found: 'Aucun territoire ne porte l’identifiant « {id} ».',
    invalid_territory:
      'Identifiant de territoire non valide : « {id} ». Exemples : commune:35238, epci:243500139, departement:35, region:53 ou france.',
    collectivite_not_found:
      'Le SIRET {siret} est bien formé, mais son SIREN ({siren}) ne correspond à aucune collectivité connue du Baromètre.',
    groupements_unavailable:
      'Le SIRET {siret} n’est pas celui d’une commune, d’une intercommunalité, d’un département ou d’une région. S’il s’agit d’un syndicat ou d’un autre groupement de collectivités, ce service ne peut pas encore le situer : la liste des groupements ne lui a pas été fournie. Signalez-le à l’équipe qui gère ce service.',
    out_of_scope_etablissement_public:
      'Le SIRET {siret} est celui d’un établissement public qui dépend d’une collectivité (CCAS, CIAS, caisse des écoles, office, hôpital…) : le Baromètre interroge les collectivités elles-mêmes, qui répondent pour leurs services. Répondez avec le SIRET de votre commune, de votre intercommunalité, de votre département ou de votre région.',
    out_of_scope_etat:
      'Le SIRET {siret} est celui d’un service ou d’un établissement de l’État : le Baromètre interroge les collectivités territoriales et leurs groupements, pas les services de l’État.',
    out_of_scope_entreprise:
      'Le SIRET {siret} est celui d’une entreprise : le Baromètre n’interroge que les collectivités territoriales et leurs groupements. Vérifiez qu’il s’agit du SIRET de la collectivité elle-même (mairie, siège de l’intercommunalité, du syndicat, du département ou de la région).',
    out_of_scope_association:
      'Le SIRET {siret} est celui d’une association ou d’une fondation : le Baromètre n’interroge que les collectivités territoriales et leurs groupements.',
    out_of_scope_outre_mer:
      'Le SIRET {siret} est celui d’un organisme de Saint-Pierre-et-Miquelon, de Saint-Barthélemy, de Saint-Martin ou d’une autre collectivité d’outre-mer à statut propre : ces territoires ne font pas partie de cette édition du Baromètre, dont les résultats se comparent entre départements et régions.',
    out_of_scope_autre_groupement:
      'Le SIRET {siret} est celui d’un groupement de collectivités que le Baromètre n’interroge pas (pôle métropolitain, entente, institution interdépartementale…) : il s’adresse aux communes, intercommunalités, départements, régions, syndicats intercommunaux, syndicats mixtes et PETR.',
    out_of_scope_cessee:
      'Le SIRET {siret} est celui d’un organisme qui a cessé son activité (fusion, dissolution) : répondez avec le SIRET de la collectivité qui lui a succédé.',
    out_of_scope_autre:
      'Le SIRET {siret} est celui d’un organisme public qui n’est ni une collectivité territoriale ni un groupement de collectivités (chambre consulaire, groupement d’intérêt public…) : le Baromètre ne l’interroge pas.',
    siret_register_unavailable:
      'Le répertoire des entreprises de l’État ne répond pas : ce SIRET ne peut pas être vérifié pour le moment. Réessayez dans un instant.',
    question_not_found: 'Le questionnaire « {theme} » ne contient pas de question « {question} ».',
    question_not_published: 'La question « {question} » appelle une réponse libre : ses réponses ne sont jamais publiées.',
    invalid_query: 'Paramètre « {param} » non valide : {reason}',
    query_too_short: 'Saisissez au moins {min} caractères pour rechercher un territoire.',
    validation_failed: 'Les données envoyées ne sont pas valides.',
    idempotency_key_required:
      'L’en-tête Idempotency-Key est obligatoire pour enregistrer une contribution : envoyez un identifiant unique par envoi (par exemple un UUID), repris tel quel en cas de nouvel essai.',
    idempotency_key_invalid: 'L’en-tête Idempotency-Key doit compter de 1 à 255 caractères ASCII visibles.',
    idempotency_key_reused:
      'Cette clé Idempotency-Key a déjà servi pour une autre requête. Utilisez une nouvelle clé pour chaque nouvel envoi.',
    version_mismatch:
      'Ces réponses suivent la version {sent} du questionnaire « {theme} », mais la version en service est la {current}. Rechargez le questionnaire et vérifiez vos réponses avant de les renvoyer.',
    invalid_answers: (p) =>
      Number(p.count) > 1
        ? `${p.count} réponses ne sont pas acceptées : corrigez-les et renvoyez la contribution.`
        : 'Une réponse n’est pas acceptée : corrigez-la et renvoyez la contribution.',
    contribution_exists:
      'Votre collectivité a déjà répondu à ce questionnaire. Pour ne rien écraser, votre envoi a été mis de côté (référence {pendingId}) : un administrateur du Baromètre l’examinera. Si vous êtes l’auteur de la première réponse, renvoyez-la avec le code de modification reçu alors.',
    edit_code_malformed:
      'Ce code de modification n’a pas la bonne forme : il compte 16 caractères (chiffres et lettres, sans I, L, O ni U), en quatre groupes de quatre, par exemple 7KQ4-M2XD-9HCT-R0FB.',
    edit_code_wrong: (p) =>
      `Ce code de modification n’est pas celui de la réponse de votre collectivité. Vérifiez-le et renvoyez, ou envoyez vos réponses pour examen par un administrateur. ${
        Number(p.remaining) > 1 ? `Encore ${p.remaining} essais` : 'Encore 1 essai'
      } avant le blocage temporaire des codes pour cette réponse.`,
    edit_code_locked:
      'Trop de codes erronés ont été essayés pour la réponse de votre collectivité : aucun code n’est vérifié avant {until}. Vous pouvez envoyer vos réponses pour examen par un administrateur dès maintenant.',
    pending_limit_reached:
      'Trop d’envois attendent déjà l’examen d’un administrateur pour votre collectivité et ce thème ({limit} au plus). Réessayez quand ils auront été traités, ou renvoyez avec le code de modification.',
    pending_queue_full:
      'La file des envois à examiner est pleine ({limit}) : le Baromètre ne peut pas en recevoir d’autres pour le moment. Réessayez plus tard ; vos réponses n’ont pas été enregistrées.',
    attestation_invalid: (p) =>
      `L’attestation du portail n’est pas valable (${p.reason}) : elle n’a pas été émise par un portail reconnu par ce serveur, ou pas pour lui. Rechargez la page du portail pour en obtenir une nouvelle.`,
    attestation_expired: 'L’attestation du portail a expiré. Rechargez la page du portail pour en obtenir une nouvelle, puis renvoyez.',
    attestation_replayed:
      'Cette attestation du portail a déjà servi : chacune ne sert qu’une fois. Rechargez la page du portail pour en obtenir une nouvelle.',
    attestation_siret_mismatch:
      'L’attestation du portail concerne le SIRET {attested}, pas le SIRET {siret} de cet envoi : répondez pour la collectivité attestée.',
    attestation_role_mismatch:
      'L’attestation du portail vous présente comme « {attested} », mais l’envoi dit « {role} » : corrigez votre qualité avant de renvoyer.',
    attestation_keys_unavailable:
      'Les clés du portail n’ont pas pu être obtenues pour vérifier son attestation. Réessayez dans un instant ; vos réponses n’ont pas été enregistrées.',
    invalid_cursor: 'Le curseur de pagination « cursor » n’est pas valide : reprenez celui donné par la page précédente (champ « next »).',
    unauthorized: 'Accès réservé aux administrateurs du Baromètre : présentez le jeton d’administration (Authorization: Bearer …).',
    admin_disabled: 'L’administration est désactivée sur ce serveur (aucun jeton d’administration configuré).',
    pending_not_found: 'Aucun envoi en attente ne porte la référence « {id} ».',
    pending_already_decided: (p) =>
      `Cet envoi a déjà été ${p.status === 'accepted' ? 'accepté' : 'refusé'} : il ne peut plus être traité.`,
    payload_too_large: 'Les données envoyées sont trop volumineuses (au plus {limit} octets).',
    invalid_json: 'Le corps de la requête n’est pas un JSON valide : vérifiez sa syntaxe (guillemets, virgules, accolades).',
    empty_body: 'Le corps de la requête est vide : envoyez les données au format JSON.',
    unsupported_media_type: 'Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).',
    rate_limited: (p) =>
      `Trop de requêtes depuis votre connexion. Réessayez dans ${Number(p.seconds) > 1 ? `${p.seconds} secondes` : '1 seconde'}.`,
    bad_request: 'Requête non valide : {reason}',
    bad_url: 'Adresse non valide : un caractère encodé (%xx) est incorrect.',
    malformed_request:
      'Requête HTTP mal formée : l’adresse ou un en-tête contient un caractère non autorisé (encodez-le, par exemple %20 pour une espace), ou la longueur annoncée du corps est incohérente.',
    headers_too_large: 'L’adresse ou les en-têtes de la requête sont trop longs.',
    request_timeout: 'La requête n’est pas arrivée complète à temps. Réessayez.',
    internal_error: 'Une erreur interne est survenue. Réessayez dans un instant ; si elle persiste, signalez-la.',
    invalid_content_length: 'Requête non valide : la longueur annoncée du corps (Content-Length) ne correspond pas à ce qui a été envoyé.',
    bad_request_plain: 'Requête non valide : le serveur ne peut pas la lire telle qu’elle a été envoyée.',
    forbidden_path: 'Chemin refusé : cette adresse sort des dossiers que le serveur publie (« .. » ou équivalent).',
    not_found_file: 'Aucun fichier à cette adresse.',
    path_too_long: 'Adresse non valide : un de ses segments dépasse {max} caractères, ce qu’aucune route de l’API n’attend.',
    storage_full:
      'Le serveur ne peut plus rien enregistrer pour l’instant : l’espace de stockage de sa base de données est plein. Rien n’a été enregistré ; réessayez dans quelques minutes.',
    storage_read_only:
      'Le serveur ne peut plus rien enregistrer pour l’instant : sa base de données est en lecture seule. Rien n’a été enregistré ; réessayez dans quelques minutes.',
    database_unavailable:
      'La base de données du serveur ne répond pas pour l’instant (connexion perdue ou occupée). Rien n’a été enregistré ; réessayez dans quelques secondes.',
    database_damaged:
      'La base de données du serveur est endommagée : elle doit être restaurée par son exploitant. Rien n’a été enregistré.',
    shutting_down: 'Le serveur redémarre. Réessayez dans un instant : votre requête n’a pas été traitée.',
    reason_limit: 'un nombre entier de {min} à {max} est attendu.',
    reason_enum: 'valeurs acceptées : {values}.',
    reason_list: 'une liste séparée par des virgules parmi {values} est attendue.',
    reason_required: 'ce paramètre est obligatoire.',
    publication_pending:
      'Aucun résultat n’est encore publié : la première publication est en cours de calcul. Réessayez dans {seconds} secondes.',
    publication_refused:
      'La publication n’a pas été faite : l’audit du secret statistique a trouvé {count} chiffre(s) masqué(s) qu’on pourrait retrouver. Le détail est dans le journal du serveur ; la publication précédente reste en ligne.',
    publication_busy: 'Une publication est déjà en cours de calcul. Réessayez dans un instant.',
    filter_needs_france:
      'Les filtres « type » et « bande » ne s’appliquent qu’à territoire=france : les résultats ne sont publiés par type et taille de collectivité qu’à l’échelle nationale.',
    source_wave: 'Baromètre numérique des collectivités, vague {wave}',
    france: 'France',
  },
  en: {
    not_found: 'Nothing at this address ({method} {url}). See the list of API routes (/api/v1).',
    theme_not_found: 'Unknown theme: “{theme}”. Available themes: {themes}.',
    territory_not_found: 'No territory has the identifier “{id}”.',
    invalid_territory:
      'Invalid territory identifier: “{id}”. Examples: commune:35238, epci:243500139, departement:35, region:53 or france.',
    collectivite_not_found:
      'The SIRET {siret} is well formed, but its SIREN ({siren}) matches no local authority known to the Baromètre.',
    groupements_unavailable:
      'The SIRET {siret} is not that of a commune, an intercommunality, a département or a région. If it belongs to a joint authority or another grouping of local authorities, this service cannot place it yet: it has not been given the list of groupings. Please tell the team running this service.',
    out_of_scope_etablissement_public:
      'The SIRET {siret} belongs to a public establishment that depends on a local authority (social action centre, school fund, housing office, hospital…): the Baromètre surveys the local authorities themselves, which answer for their services. Answer with the SIRET of your commune, intercommunality, département or région.',
    out_of_scope_etat:
      'The SIRET {siret} belongs to a State service or establishment: the Baromètre surveys local authorities and their groupings, not State services.',
    out_of_scope_entreprise:
      'The SIRET {siret} belongs to a company: the Baromètre surveys only local authorities and their groupings. Check that it is the SIRET of the authority itself (town hall, seat of the intercommunality, joint authority, département or région).',
    out_of_scope_association:
      'The SIRET {siret} belongs to an association or a foundation: the Baromètre surveys only local authorities and their groupings.',
    out_of_scope_outre_mer:
      'The SIRET {siret} belongs to a body of Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin or another overseas collectivity with a statute of its own: these territories are not part of this edition of the Baromètre, whose results are compared across départements and régions.',
    out_of_scope_autre_groupement:
      'The SIRET {siret} belongs to a grouping of local authorities the Baromètre does not survey (metropolitan pole, agreement, inter-départemental body…): it is meant for communes, intercommunalities, départements, régions, intercommunal syndicates, joint syndicates and PETR.',
    out_of_scope_cessee:
      'The SIRET {siret} belongs to a body that has ceased to exist (merger, dissolution): answer with the SIRET of the authority that succeeded it.',
    out_of_scope_autre:
      'The SIRET {siret} belongs to a public body that is neither a local authority nor a grouping of local authorities (chamber of commerce, public interest group…): the Baromètre does not survey it.',
    siret_register_unavailable:
      'The State’s company register does not answer: this SIRET cannot be checked for the moment. Try again shortly.',
    question_not_found: 'The “{theme}” questionnaire has no question “{question}”.',
    question_not_published: 'Question “{question}” takes free text: its answers are never published.',
    invalid_query: 'Invalid “{param}” parameter: {reason}',
    query_too_short: 'Type at least {min} characters to search for a territory.',
    validation_failed: 'The data sent is not valid.',
    idempotency_key_required:
      'The Idempotency-Key header is required to save a contribution: send a unique identifier per submission (a UUID, for example), and send it again unchanged when retrying.',
    idempotency_key_invalid: 'The Idempotency-Key header must have 1 to 255 visible ASCII characters.',
    idempotency_key_reused: 'This Idempotency-Key was already used for another request. Use a new key for each new submission.',
    version_mismatch:
      'These answers follow version {sent} of the “{theme}” questionnaire, but the version in service is {current}. Reload the questionnaire and check your answers before sending them again.',
    invalid_answers: (p) =>
      Number(p.count) > 1
        ? `${p.count} answers are not accepted: correct them and send the contribution again.`
        : 'One answer is not accepted: correct it and send the contribution again.',
    contribution_exists:
      'Your local authority has already answered this questionnaire. So that nothing is overwritten, your submission was set aside (reference {pendingId}) for a Baromètre administrator to review. If you wrote the first answer, send it again with the edit code you received then.',
    edit_code_malformed:
      'This edit code is not in the right form: it has 16 characters (digits and letters, without I, L, O or U) in four groups of four, e.g. 7KQ4-M2XD-9HCT-R0FB.',
    edit_code_wrong: (p) =>
      `This edit code is not the one of your local authority’s answer. Check it and send again, or send your answers for review by an administrator. ${
        Number(p.remaining) > 1 ? `${p.remaining} more tries` : '1 more try'
      } before codes are locked for a while for this answer.`,
    edit_code_locked:
      'Too many wrong codes were tried for your local authority’s answer: no code is checked before {until}. You can send your answers for review by an administrator right away.',
    pending_limit_reached:
      'Too many submissions already await an administrator’s review for your local authority and this theme ({limit} at most). Try again once they are dealt with, or send again with the edit code.',
    pending_queue_full:
      'The queue of submissions to review is full ({limit}): the Baromètre cannot take more for now. Try again later; your answers were not saved.',
    attestation_invalid: (p) =>
      `The portal’s attestation is not valid (${p.reason}): it was not issued by a portal this server knows, or not for this server. Reload the portal’s page to get a new one.`,
    attestation_expired: 'The portal’s attestation has expired. Reload the portal’s page to get a new one, then send again.',
    attestation_replayed: 'This portal attestation was already used: each serves once. Reload the portal’s page to get a new one.',
    attestation_siret_mismatch:
      'The portal’s attestation is for SIRET {attested}, not for SIRET {siret} of this submission: answer for the attested local authority.',
    attestation_role_mismatch:
      'The portal’s attestation presents you as “{attested}”, but the submission says “{role}”: correct your role before sending again.',
    attestation_keys_unavailable:
      'The portal’s keys could not be obtained to check its attestation. Try again in a moment; your answers were not saved.',
    invalid_cursor: 'The pagination cursor “cursor” is not valid: use the one the previous page gave (its “next” field).',
    unauthorized: 'Reserved for Baromètre administrators: present the administration token (Authorization: Bearer …).',
    admin_disabled: 'Administration is disabled on this server (no administration token configured).',
    pending_not_found: 'No pending submission has the reference “{id}”.',
    pending_already_decided: (p) =>
      `This submission was already ${p.status === 'accepted' ? 'accepted' : 'rejected'}: it cannot be processed again.`,
    payload_too_large: 'The data sent is too large (at most {limit} bytes).',
    invalid_json: 'The request body is not valid JSON: check its syntax (quotes, commas, braces).',
    empty_body: 'The request body is empty: send the data as JSON.',
    unsupported_media_type: 'Unsupported content type: send JSON (Content-Type: application/json).',
    rate_limited: (p) =>
      `Too many requests from your connection. Try again in ${Number(p.seconds) > 1 ? `${p.seconds} seconds` : '1 second'}.`,
    bad_request: 'Invalid request: {reason}',
    bad_url: 'Invalid address: an encoded character (%xx) is malformed.',
    malformed_request:
      'Malformed HTTP request: the address or a header holds a character that is not allowed (encode it, e.g. %20 for a space), or the announced body length is inconsistent.',
    headers_too_large: 'The request’s address or headers are too long.',
    request_timeout: 'The request did not arrive in full in time. Try again.',
    internal_error: 'An internal error occurred. Try again in a moment; if it persists, please report it.',
    invalid_content_length: 'Invalid request: the announced body length (Content-Length) does not match what was sent.',
    bad_request_plain: 'Invalid request: the server cannot read it as it was sent.',
    forbidden_path: 'Path refused: this address leads out of the folders the server publishes (“..” or equivalent).',
    not_found_file: 'No file at this address.',
    path_too_long: 'Invalid address: one of its segments is over {max} characters, which no API route expects.',
    storage_full:
      'The server cannot save anything for now: its database storage is full. Nothing was saved; try again in a few minutes.',
    storage_read_only:
      'The server cannot save anything for now: its database is read-only. Nothing was saved; try again in a few minutes.',
    database_unavailable:
      'The server’s database is not answering for now (connection lost or busy). Nothing was saved; try again in a few seconds.',
    database_damaged: 'The server’s database is damaged: its operator must restore it. Nothing was saved.',
    shutting_down: 'The server is restarting. Try again in a moment: your request was not processed.',
    reason_limit: 'a whole number from {min} to {max} is expected.',
    reason_enum: 'accepted values: {values}.',
    reason_list: 'a comma-separated list among {values} is expected.',
    reason_required: 'this parameter is required.',
    publication_pending: 'No results are published yet: the first publication is being computed. Try again in {seconds} seconds.',
    publication_refused:
      'Nothing was published: the statistical secrecy audit found {count} hidden figure(s) that could be worked out. The server log has the details; the previous publication stays online.',
    publication_busy: 'A publication is already being computed. Try again in a moment.',
    filter_needs_france:
      'The “type” and “bande” filters only apply with territoire=france: results by kind and size of local authority are published nationally only.',
    source_wave: 'Baromètre numérique des collectivités, wave {wave}',
    france: 'France',
  },
});

/** A key of the API's message catalogue. */
export type ApiMessageKey = Parameters<typeof apiMessages>[1];
