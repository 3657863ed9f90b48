// The words of the manifest and passenger list in French (default) and English. The web app's
// locales hold the screen labels; these two documents are made on the server, so they carry their own.
export type Lang = 'fr' | 'en';

const WORDS = {
  fr: {
    title: 'Manifeste des passagers', movement: 'Mouvement', kind: 'Type', direction: 'Sens', departure: 'Départ', arrival: 'Arrivée', carrier: 'Transporteur',
    seats: 'Places', reception: 'Site d’accueil', legs: 'Trajets', escorts: 'Escortes', none: 'aucune', travellers: 'Voyageurs',
    no: 'N°', fullName: 'Nom complet', sex: 'Sexe', dateOfBirth: 'Date de naissance', nationality: 'Nationalité', document: 'Document de voyage',
    documentType: 'Type de document', documentNumber: 'Numéro', documentExpiresOn: 'Expire le', caseNumber: 'N° de dossier', seatCount: 'Places',
    page: 'Page', generated: 'Édité le', sheet: 'Passagers',
  },
  en: {
    title: 'Passenger manifest', movement: 'Movement', kind: 'Kind', direction: 'Direction', departure: 'Departure', arrival: 'Arrival', carrier: 'Carrier',
    seats: 'Seats', reception: 'Reception site', legs: 'Legs', escorts: 'Escorts', none: 'none', travellers: 'Travellers',
    no: 'No.', fullName: 'Full name', sex: 'Sex', dateOfBirth: 'Date of birth', nationality: 'Nationality', document: 'Travel document',
    documentType: 'Document type', documentNumber: 'Number', documentExpiresOn: 'Expires on', caseNumber: 'Case number', seatCount: 'Seats',
    page: 'Page', generated: 'Generated on', sheet: 'Passengers',
  },
} as const;

const CODES: Record<Lang, Record<string, string>> = {
  fr: {
    charter_flight: 'Vol affrété', commercial_flight: 'Vol commercial', bus_convoy: 'Convoi de bus', inbound: 'Retour au Mali', outbound: 'Retour vers le pays d’origine',
    male: 'M', female: 'F', other: 'Autre', unknown: 'Inconnu', laissez_passer: 'Laissez-passer', passport: 'Passeport', emergency_travel_document: 'Document de voyage d’urgence',
    consular_card: 'Carte consulaire', national_id: 'Carte d’identité', medical: 'Médicale', operations: 'Opérations', child_protection: 'Protection de l’enfance',
    planned: 'Prévu', departed: 'Parti', arrived: 'Arrivé', cancelled: 'Annulé',
  },
  en: {
    charter_flight: 'Charter flight', commercial_flight: 'Commercial flight', bus_convoy: 'Bus convoy', inbound: 'Return to Mali', outbound: 'Return to country of origin',
    male: 'M', female: 'F', other: 'Other', unknown: 'Unknown', laissez_passer: 'Laissez-passer', passport: 'Passport', emergency_travel_document: 'Emergency travel document',
    consular_card: 'Consular card', national_id: 'National ID', medical: 'Medical', operations: 'Operations', child_protection: 'Child protection',
    planned: 'Planned', departed: 'Departed', arrived: 'Arrived', cancelled: 'Cancelled',
  },
};

/** The words of a document in a language. */
export function words(lang: Lang) {
  return WORDS[lang];
}

/** The label of a code in a language (the code itself when it has none). */
export function codeLabel(lang: Lang, code: string): string {
  return CODES[lang][code] ?? code;
}
