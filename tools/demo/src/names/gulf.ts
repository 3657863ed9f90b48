// Given and family names common in Nigeria, Ghana, Togo, Benin, Cameroon and the Central African
// Republic.
import type { NamePool } from './types';

export const NIGERIA: NamePool = {
  male: ['Usman', 'Abubakar', 'Musa', 'Ibrahim', 'Sani', 'Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Babatunde', 'Yusuf', 'Aliyu', 'Kelechi', 'Samuel', 'Godwin', 'Uchenna', 'Adebayo', 'Suleiman', 'Umar'],
  female: ['Aisha', 'Blessing', 'Chioma', 'Ngozi', 'Fatima', 'Zainab', 'Funmilayo', 'Amina', 'Joy', 'Precious', 'Hadiza', 'Folake'],
  family: ['Okafor', 'Adeyemi', 'Bello', 'Mohammed', 'Abdullahi', 'Okonkwo', 'Eze', 'Ogunleye', 'Ibrahim', 'Yusuf', 'Nwosu', 'Adebayo', 'Lawal', 'Musa', 'Olawale', 'Chukwu', 'Danjuma', 'Ogbonna'],
  languages: ['eng', 'hau', 'other'],
  towns: ['Lagos', 'Kano', 'Ibadan', 'Benin City', 'Kaduna', 'Sokoto', 'Onitsha', 'Enugu', 'Edo', 'Port Harcourt'],
};

export const GHANA: NamePool = {
  male: ['Kwame', 'Kofi', 'Kwabena', 'Yaw', 'Kwaku', 'Kojo', 'Abdul Rahman', 'Mohammed', 'Emmanuel', 'Richard', 'Issah', 'Fuseini'],
  female: ['Akosua', 'Abena', 'Ama', 'Efua', 'Adwoa', 'Afia', 'Mariama', 'Gifty', 'Comfort', 'Abiba'],
  family: ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Addo', 'Appiah', 'Amoah', 'Iddrisu', 'Alhassan', 'Yakubu', 'Darko', 'Ofori'],
  languages: ['eng', 'hau', 'other'],
  towns: ['Accra', 'Kumasi', 'Tamale', 'Takoradi', 'Bolgatanga', 'Wa', 'Techiman'],
};

export const TOGO: NamePool = {
  male: ['Komlan', 'Kossi', 'Kodjo', 'Yao', 'Koffi', 'Essowè', 'Abalo', 'Kokou', 'Mawuli', 'Issa', 'Yacoubou', 'Fousseni'],
  female: ['Akossiwa', 'Ayawavi', 'Afi', 'Akouvi', 'Essowazina', 'Ablavi', 'Massama', 'Abla'],
  family: ['Agbeko', 'Amegah', 'Kodjo', 'Lawson', 'Mensah', 'Adjovi', 'Gnassingbé', 'Tchalla', 'Ouro-Sama', 'Awesso', 'Djobo', 'Kpatcha'],
  languages: ['fra', 'other'],
  towns: ['Lomé', 'Sokodé', 'Kara', 'Atakpamé', 'Kpalimé', 'Dapaong', 'Tsévié'],
};

export const BENIN: NamePool = {
  male: ['Koffi', 'Sèna', 'Codjo', 'Romaric', 'Rachidi', 'Ismaël', 'Parfait', 'Mahoutin', 'Brice', 'Moussa', 'Boni', 'Orou'],
  female: ['Afiavi', 'Rachida', 'Bienvenue', 'Mariette', 'Sèdami', 'Nafissath', 'Hortense', 'Chimène'],
  family: ['Hounkpatin', 'Adjovi', 'Dossou', 'Agossou', 'Houngbédji', 'Zinsou', 'Tossou', 'Soglo', 'Bio', 'Orou', 'Gbaguidi', 'Akplogan'],
  languages: ['fra', 'other'],
  towns: ['Cotonou', 'Porto-Novo', 'Parakou', 'Abomey', 'Djougou', 'Natitingou', 'Kandi'],
};

export const CAMEROON: NamePool = {
  male: ['Jean-Pierre', 'Paul', 'Emmanuel', 'Hamadou', 'Aboubakar', 'Christian', 'Junior', 'Blaise', 'Franck', 'Moussa', 'Yves', 'Alain', 'Oumarou'],
  female: ['Marie', 'Chantal', 'Brigitte', 'Aïssatou', 'Hadidja', 'Clarisse', 'Sandrine', 'Esther', 'Nadège'],
  family: ['Nkoulou', 'Mbarga', 'Fotso', 'Tchatchoua', 'Ngono', 'Kamga', 'Essomba', 'Bello', 'Ndongo', 'Abanda', 'Mballa', 'Njoya', 'Tagne'],
  languages: ['fra', 'eng', 'ful', 'other'],
  towns: ['Douala', 'Yaoundé', 'Garoua', 'Bafoussam', 'Maroua', 'Bamenda', 'Ngaoundéré'],
};

export const CENTRAL_AFRICA: NamePool = {
  male: ['Jean', 'Patrick', 'Thierry', 'Abdel', 'Ousmane', 'Désiré', 'Fidèle', 'Rodrigue'],
  female: ['Marie', 'Germaine', 'Fatimé', 'Clémence', 'Odette'],
  family: ['Ngaïkosset', 'Yakété', 'Kongbo', 'Ndoumba', 'Mahamat', 'Zanga', 'Gbazi', 'Touadéra'],
  languages: ['fra', 'other'],
  towns: ['Bangui', 'Bimbo', 'Berbérati', 'Bambari', 'Bossangoa'],
};
