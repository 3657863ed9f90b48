// The free-movement module's shared part (SPEC §10): code lists, training rules and the rights reference.
export * from './codes';
export * from './rights';
export * from './training';
