// The flows module's shared part (SPEC §8): code lists, API shapes and pure rules.
export * from './codes';
export * from './schemas';
export * from './reports';
export * from './rules';
export * from './disclosure';
export * from './fields';
