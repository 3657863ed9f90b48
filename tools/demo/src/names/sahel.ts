// Given and family names common in Mali, Burkina Faso, Niger, Mauritania and Chad.
import type { NamePool } from './types';

export const MALI: NamePool = {
  male: ['Mamadou', 'Moussa', 'Seydou', 'Boubacar', 'Ibrahim', 'Oumar', 'Souleymane', 'Adama', 'Bakary', 'Drissa', 'Lassana', 'Modibo', 'Sékou', 'Amadou', 'Youssouf', 'Abdoulaye', 'Cheick Oumar', 'Mahamadou', 'Issa', 'Siaka', 'Tiémoko', 'Bréhima', 'Daouda', 'Fousseyni', 'Kalilou', 'Abdoul Karim', 'Yacouba', 'Ousmane', 'Mohamed Lamine', 'Hamidou'],
  female: ['Fatoumata', 'Aminata', 'Mariam', 'Kadiatou', 'Awa', 'Oumou', 'Kadidia', 'Assitan', 'Djeneba', 'Rokia', 'Salimata', 'Hawa', 'Aïssata', 'Bintou', 'Nana', 'Sitan', 'Korotoumou', 'Mariam Sira'],
  family: ['Traoré', 'Keïta', 'Coulibaly', 'Diarra', 'Touré', 'Diallo', 'Konaté', 'Sissoko', 'Cissé', 'Maïga', 'Dembélé', 'Doumbia', 'Sangaré', 'Koné', 'Diakité', 'Samaké', 'Sidibé', 'Kanté', 'Sacko', 'Bagayoko', 'Haïdara', 'Tounkara', 'Camara', 'Fofana', 'Sylla', 'Ballo', 'Dicko', 'Niaré'],
  languages: ['bam', 'fra', 'snk', 'ful', 'son'],
  towns: ['Bamako', 'Kayes', 'Ségou', 'Sikasso', 'Mopti', 'Gao', 'Kita', 'Nioro du Sahel', 'Yélimané', 'Koutiala', 'Diéma', 'Tombouctou'],
};

export const BURKINA_FASO: NamePool = {
  male: ['Issouf', 'Boukary', 'Salif', 'Adama', 'Harouna', 'Souleymane', 'Idrissa', 'Hamado', 'Inoussa', 'Rasmané', 'Abdoulaye', 'Lassané', 'Ousmane', 'Moussa', 'Ibrahim', 'Seydou', 'Karim', 'Amadou'],
  female: ['Awa', 'Salamata', 'Aminata', 'Fatimata', 'Rasmata', 'Mariam', 'Zenabo', 'Alizèta', 'Habibou', 'Safiatou', 'Rihanata'],
  family: ['Ouédraogo', 'Sawadogo', 'Compaoré', 'Zongo', 'Kaboré', 'Ouattara', 'Traoré', 'Sanou', 'Tapsoba', 'Nikiéma', 'Zoungrana', 'Belem', 'Kiemdé', 'Diallo', 'Sankara', 'Ilboudo', 'Yaméogo'],
  languages: ['mos', 'fra', 'dyu', 'ful'],
  towns: ['Ouagadougou', 'Bobo-Dioulasso', 'Koudougou', 'Ouahigouya', 'Kaya', 'Banfora', 'Fada N’Gourma', 'Tenkodogo'],
};

export const NIGER: NamePool = {
  male: ['Moussa', 'Issoufou', 'Abdou', 'Hamidou', 'Ibrahim', 'Souley', 'Abdoulaye', 'Mahamadou', 'Ousmane', 'Sani', 'Boubacar', 'Garba', 'Yacouba', 'Idrissa', 'Hassane', 'Oumarou', 'Abdoul Aziz', 'Adamou'],
  female: ['Rakia', 'Hadiza', 'Mariama', 'Zeinabou', 'Aïchatou', 'Fati', 'Habsatou', 'Balkissa', 'Hawa', 'Ramatou', 'Safiya'],
  family: ['Issoufou', 'Moumouni', 'Garba', 'Abdou', 'Hamani', 'Maïga', 'Salifou', 'Boubacar', 'Ibrahim', 'Souley', 'Mahamane', 'Adamou', 'Hassane', 'Djibo', 'Kountché', 'Amadou'],
  languages: ['hau', 'son', 'fra', 'ful', 'tmh'],
  towns: ['Niamey', 'Zinder', 'Maradi', 'Agadez', 'Tahoua', 'Dosso', 'Tillabéri', 'Diffa'],
};

export const MAURITANIA: NamePool = {
  male: ['Mohamed', 'Ahmed', 'Sidi Mohamed', 'Cheikh', 'Mohamed Lemine', 'El Hadj', 'Brahim', 'Moctar', 'Abdallahi', 'Isselmou', 'Oumar', 'Mamadou'],
  female: ['Mariem', 'Fatimetou', 'Khadijetou', 'Aïchetou', 'Mariama', 'Zeinabou', 'Vatimetou'],
  family: ['Ould Ahmed', 'Ould Mohamed', 'Ould Sidi', 'Ba', 'Sy', 'Kane', 'Diop', 'Sow', 'Diallo', 'Ould Cheikh', 'Wane', 'Camara'],
  languages: ['ara', 'ful', 'snk', 'wol', 'fra'],
  towns: ['Nouakchott', 'Nouadhibou', 'Kiffa', 'Kaédi', 'Rosso', 'Sélibaby', 'Néma'],
};

export const CHAD: NamePool = {
  male: ['Mahamat', 'Abakar', 'Idriss', 'Hassan', 'Adoum', 'Moussa', 'Youssouf', 'Ali', 'Abdelkerim', 'Oumar', 'Brahim'],
  female: ['Achta', 'Hadjé', 'Fatimé', 'Mariam', 'Zara', 'Khadidja', 'Amina'],
  family: ['Mahamat', 'Abakar', 'Haroun', 'Adoum', 'Déby', 'Oumar', 'Ahmat', 'Saleh', 'Moussa', 'Ngaradoum'],
  languages: ['ara', 'fra'],
  towns: ['N’Djamena', 'Moundou', 'Abéché', 'Sarh', 'Mongo'],
};
