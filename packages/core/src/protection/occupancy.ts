// Nightly bed occupancy of a site from its stays (SPEC §5). Dates are YYYY-MM-DD strings.

export interface StayNights {
  checkIn: string;
  /** The morning the person left; null while still staying. */
  checkOut: string | null;
}

/** Tells whether a stay occupies a bed on the night that starts on `night`. */
export function occupiesNight(stay: StayNights, night: string): boolean {
  return stay.checkIn <= night && (stay.checkOut === null || stay.checkOut > night);
}

/** The number of beds taken on each night of a list, and whether capacity is exceeded. */
export function nightlyOccupancy(stays: readonly StayNights[], nights: readonly string[], capacity: number | null): { night: string; occupied: number; overCapacity: boolean }[] {
  return nights.map((night) => {
    const occupied = stays.filter((s) => occupiesNight(s, night)).length;
    return { night, occupied, overCapacity: capacity !== null && occupied > capacity };
  });
}
