// The default logframe of the reference action (SPEC §0): general objective, five specific objectives,
// their outputs and main activities. Seed configuration: stored as data, edited by the programme.
import type { Localised } from './indicators';

export type LogframeKind = 'goal' | 'objective' | 'output' | 'activity';

export interface LogframeNode {
  code: string;
  parent: string | null;
  kind: LogframeKind;
  title: Localised;
  partner: string | null;
}

const node = (code: string, parent: string | null, kind: LogframeKind, partner: string | null, fr: string, en: string): LogframeNode => ({ code, parent, kind, partner, title: { fr, en } });

export const DEFAULT_LOGFRAME: readonly LogframeNode[] = [
  node('GO', null, 'goal', null, 'Renforcer la gestion et la gouvernance des migrations et assurer le retour et la réintégration durable au Mali', 'Strengthen migration management and governance and ensure sustainable return and reintegration in Mali'),
  node('OS1', 'GO', 'objective', 'iom', 'Assister et protéger les migrants de retour et en transit au Mali et appuyer leur retour dans leurs communautés d’origine', 'Assist and protect returning and transit migrants in Mali and support their return to their communities of origin'),
  node('OS1.1', 'OS1', 'output', 'iom', 'Les migrants en transit vulnérables reçoivent protection et assistance dans les centres et par un mécanisme d’orientation', 'Vulnerable migrants in transit receive protection and assistance in centres and through a referral mechanism'),
  node('OS1.1.1', 'OS1.1', 'activity', 'iom', 'Gérer trois centres de transit (hébergement, vivres, soins, appui psychosocial)', 'Run three transit centres (shelter, food, health care, psychosocial support)'),
  node('OS1.1.2', 'OS1.1', 'activity', 'iom', 'Mettre en place un mécanisme national d’orientation des migrants vulnérables', 'Set up a national referral mechanism for vulnerable migrants'),
  node('OS1.2', 'OS1', 'output', 'iom', 'Les migrants qui le souhaitent sont aidés à rentrer volontairement et reçoivent une assistance à l’arrivée', 'Migrants who wish to are helped to return voluntarily and receive assistance on arrival'),
  node('OS1.2.1', 'OS1.2', 'activity', 'iom', 'Organiser les retours volontaires (conseil, documents, visite médicale, voyage)', 'Organise voluntary returns (counselling, documents, medical check, travel)'),
  node('OS1.2.2', 'OS1.2', 'activity', 'iom', 'Accueillir les Maliens de retour et fournir l’assistance post-arrivée', 'Receive returning Malians and provide post-arrival assistance'),
  node('OS2', 'GO', 'objective', 'iom', 'Réintégration durable des migrants maliens de retour', 'Sustainable reintegration of Malian returnees'),
  node('OS2.1', 'OS2', 'output', 'iom', 'Les migrants de retour bénéficient d’une assistance à la réintégration économique, sociale et psychosociale', 'Returnees benefit from economic, social and psychosocial reintegration assistance'),
  node('OS2.1.1', 'OS2.1', 'activity', 'iom', 'Conseiller les migrants de retour et élaborer des plans de réintégration', 'Counsel returnees and draw up reintegration plans'),
  node('OS2.1.2', 'OS2.1', 'activity', 'iom', 'Fournir l’assistance individuelle, collective et communautaire et suivre sa durabilité', 'Deliver individual, collective and community assistance and monitor its sustainability'),
  node('OS3', 'GO', 'objective', 'iom', 'Les autorités et partenaires disposent de données sur les causes, flux et tendances migratoires', 'Authorities and partners have data on migration causes, flows and trends'),
  node('OS3.1', 'OS3', 'output', 'iom', 'Des collectes de données sur les flux et les causes de la migration sont menées et publiées', 'Data collections on migration flows and causes are conducted and published'),
  node('OS3.1.1', 'OS3.1', 'activity', 'iom', 'Suivre les flux aux points de suivi et mener des enquêtes individuelles', 'Monitor flows at monitoring points and run individual surveys'),
  node('OS3.1.2', 'OS3.1', 'activity', 'iom', 'Mettre en place une plateforme d’information partagée avec les autorités', 'Set up an information platform shared with the authorities'),
  node('OS4', 'GO', 'objective', 'aecid', 'Sensibilisation dans les zones de forte émigration et dialogue', 'Awareness-raising in high-emigration zones and dialogue'),
  node('OS4.1', 'OS4', 'output', 'aecid', 'Les communautés des zones de forte émigration sont informées sur les risques et les alternatives', 'Communities in high-emigration zones are informed about risks and alternatives'),
  node('OS4.1.1', 'OS4.1', 'activity', 'aecid', 'Mener des campagnes et activités de sensibilisation communautaires et médiatiques', 'Run community and media awareness campaigns and activities'),
  node('OS5', 'GO', 'objective', 'aecid', 'Libre circulation des personnes et migration dans l’espace CEDEAO', 'Free movement of persons and migration in the ECOWAS space'),
  node('OS5.1', 'OS5', 'output', 'aecid', 'Les agents de sécurité et techniciens sont formés et équipés pour la gestion des frontières', 'Security agents and technical staff are trained and equipped for border management'),
  node('OS5.1.1', 'OS5.1', 'activity', 'aecid', 'Former les agents aux protocoles de libre circulation et à la gestion intégrée des frontières', 'Train agents in free-movement protocols and integrated border management'),
  node('OS5.1.2', 'OS5.1', 'activity', 'aecid', 'Remettre des équipements aux postes frontières et institutions', 'Hand over equipment to border posts and institutions'),
];
