// The results framework (SPEC §11): periods, the counting rule, the default indicators.
export * from './periods';
export * from './counting';
export * from './indicators';
export * from './logframe';
