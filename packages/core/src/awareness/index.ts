// The awareness module's shared part (SPEC §9): code lists, reach counting and the survey instrument.
export * from './codes';
export * from './reach';
export * from './survey';
