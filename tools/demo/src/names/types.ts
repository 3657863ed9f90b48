// The shape of a nationality's name pool for the synthetic demo (never real people: names are
// combined at random, so no record matches a real person).

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
  /** Languages commonly spoken (codes of LANGUAGE_CODES), first the most likely. */
  languages: readonly string[];
  /** Main towns, for the place of birth. */
  towns: readonly string[];
}
