// Given and family names common in Guinea, Senegal, The Gambia, Guinea-Bissau, Sierra Leone,
// Liberia, Cabo Verde and Côte d'Ivoire.
import type { NamePool } from './types';

export const GUINEA: NamePool = {
  male: ['Mamadou', 'Alpha', 'Ibrahima', 'Thierno', 'Amadou', 'Ousmane', 'Mamadou Saliou', 'Abdoulaye', 'Sékou', 'Alseny', 'Lansana', 'Mohamed', 'Boubacar', 'Souleymane', 'Mamadou Aliou', 'Fodé', 'Kabinet', 'Aboubacar'],
  female: ['Fatoumata', 'Mariama', 'Kadiatou', 'Aïssatou', 'Hadja', 'Fatoumata Binta', 'Mariama Ciré', 'Djénabou', 'Oumou', 'Hawa', 'Nènè', 'Saran'],
  family: ['Diallo', 'Barry', 'Bah', 'Sow', 'Camara', 'Condé', 'Soumah', 'Sylla', 'Keïta', 'Touré', 'Kourouma', 'Baldé', 'Bangoura', 'Cissé', 'Kaba', 'Doumbouya', 'Konaté', 'Sacko'],
  languages: ['ful', 'sus', 'fra', 'bam'],
  towns: ['Conakry', 'Labé', 'Kankan', 'Kindia', 'Mamou', 'Pita', 'Siguiri', 'Nzérékoré', 'Dalaba'],
};

export const SENEGAL: NamePool = {
  male: ['Modou', 'Mamadou', 'Cheikh', 'Ousmane', 'Ibrahima', 'Abdou', 'Babacar', 'Pape', 'Moussa', 'Serigne', 'Aliou', 'Malick', 'Alioune', 'Lamine', 'Souleymane', 'El Hadji', 'Abdou Rahmane'],
  female: ['Fatou', 'Aminata', 'Mariama', 'Khady', 'Awa', 'Ndeye', 'Coumba', 'Adama', 'Aïssatou', 'Astou', 'Sokhna', 'Bineta'],
  family: ['Diop', 'Ndiaye', 'Fall', 'Sow', 'Ba', 'Gueye', 'Faye', 'Diouf', 'Sarr', 'Cissé', 'Mbaye', 'Thiam', 'Seck', 'Diallo', 'Kane', 'Niang', 'Sy', 'Touré'],
  languages: ['wol', 'fra', 'ful', 'snk'],
  towns: ['Dakar', 'Thiès', 'Kaolack', 'Ziguinchor', 'Saint-Louis', 'Tambacounda', 'Kolda', 'Touba', 'Bakel'],
};

export const GAMBIA: NamePool = {
  male: ['Lamin', 'Ebrima', 'Momodou', 'Modou', 'Alieu', 'Omar', 'Ousman', 'Musa', 'Bakary', 'Abdoulie', 'Sheriff', 'Yusupha', 'Saikou', 'Buba', 'Malick'],
  female: ['Fatou', 'Isatou', 'Mariama', 'Awa', 'Haddy', 'Binta', 'Kaddy', 'Ndey', 'Aji', 'Sainabou'],
  family: ['Jallow', 'Ceesay', 'Touray', 'Jammeh', 'Bah', 'Sowe', 'Darboe', 'Njie', 'Camara', 'Sanneh', 'Manneh', 'Jobe', 'Drammeh', 'Bojang', 'Saidy', 'Colley'],
  languages: ['eng', 'wol', 'ful', 'other'],
  towns: ['Banjul', 'Serrekunda', 'Brikama', 'Bakau', 'Farafenni', 'Basse Santa Su', 'Soma'],
};

export const GUINEA_BISSAU: NamePool = {
  male: ['Mamadu', 'Braima', 'Aliu', 'Sadjo', 'Umaro', 'Malam', 'Abdulai', 'Domingos', 'Carlos', 'Mussa', 'Iaia', 'Seco'],
  female: ['Fatumata', 'Mariama', 'Aissatu', 'Maria', 'Cadi', 'Binta', 'Sali'],
  family: ['Baldé', 'Djaló', 'Embaló', 'Sanhá', 'Mané', 'Cassamá', 'Indjai', 'Seidi', 'Camará', 'Gomes', 'Sambú'],
  languages: ['other', 'ful', 'fra'],
  towns: ['Bissau', 'Bafatá', 'Gabú', 'Cacheu', 'Bissorã'],
};

export const SIERRA_LEONE: NamePool = {
  male: ['Mohamed', 'Ibrahim', 'Abdul', 'Alhaji', 'Foday', 'Sorie', 'Osman', 'Amadu', 'Sahr', 'Musa', 'Abubakarr', 'Alusine', 'Santigie'],
  female: ['Fatmata', 'Isatu', 'Aminata', 'Mariatu', 'Hawa', 'Kadiatu', 'Adama', 'Zainab', 'Memunatu'],
  family: ['Kamara', 'Sesay', 'Koroma', 'Conteh', 'Bangura', 'Turay', 'Kargbo', 'Jalloh', 'Mansaray', 'Kanu', 'Fofanah', 'Sankoh', 'Barrie'],
  languages: ['eng', 'other'],
  towns: ['Freetown', 'Bo', 'Kenema', 'Makeni', 'Koidu', 'Port Loko', 'Kabala'],
};

export const LIBERIA: NamePool = {
  male: ['Emmanuel', 'Joseph', 'Mohammed', 'Varney', 'Prince', 'Samuel', 'Moses', 'Abraham', 'Musa', 'Sekou', 'Jefferson'],
  female: ['Esther', 'Comfort', 'Mercy', 'Fatu', 'Musu', 'Grace', 'Martha', 'Kebbeh'],
  family: ['Kollie', 'Flomo', 'Kamara', 'Kromah', 'Sirleaf', 'Johnson', 'Doe', 'Tarr', 'Zinnah', 'Kpoto', 'Sherif', 'Dolo'],
  languages: ['eng', 'other'],
  towns: ['Monrovia', 'Gbarnga', 'Buchanan', 'Ganta', 'Kakata', 'Voinjama', 'Zwedru'],
};

export const CABO_VERDE: NamePool = {
  male: ['João', 'José', 'Carlos', 'Manuel', 'Adilson', 'Edson', 'Nelson', 'Hélder', 'Jailson'],
  female: ['Maria', 'Ana', 'Djeniffer', 'Edna', 'Sandra', 'Carla', 'Elisângela'],
  family: ['Tavares', 'Lopes', 'Semedo', 'Fernandes', 'Monteiro', 'Gomes', 'Rodrigues', 'Varela', 'Moreira', 'Furtado'],
  languages: ['other'],
  towns: ['Praia', 'Mindelo', 'Santa Maria', 'Assomada'],
};

export const COTE_D_IVOIRE: NamePool = {
  male: ['Koffi', 'Kouadio', 'Yao', 'Konan', 'Kouamé', 'Adama', 'Mamadou', 'Moussa', 'Drissa', 'Souleymane', 'Lassina', 'Ibrahim', 'Serge', 'Didier', 'Jean-Baptiste', 'Arouna', 'Bakary', 'Sékou'],
  female: ['Aya', 'Adjoua', 'Affoué', 'Amenan', 'Akissi', 'Mariam', 'Awa', 'Fanta', 'Salimata', 'Aminata', 'Christelle', 'Nadège'],
  family: ['Koné', 'Ouattara', 'Coulibaly', 'Traoré', 'Kouassi', "N'Guessan", 'Kouamé', 'Bamba', 'Touré', 'Yao', 'Konan', 'Diabaté', 'Soro', 'Fofana', 'Cissé', 'Doumbia', 'Koffi', 'Silué'],
  languages: ['fra', 'dyu', 'other'],
  towns: ['Abidjan', 'Bouaké', 'Daloa', 'Korhogo', 'San-Pédro', 'Yamoussoukro', 'Man', 'Odienné'],
};
