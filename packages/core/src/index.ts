// Shared by the server and the web app: schemas, codes, permissions and pure domain rules.
export * from './access';
export * from './areas';
export * from './ids';
export * from './password-policy';
export * from './permissions';
export * from './redact';
export * from './roles';
export * from './registry/duplicates';
export * from './registry/names';
export * from './registry/name-variants';
export * from './schemas/admin';
export * from './schemas/audit';
export * from './schemas/auth';
export * from './schemas/common';
export * from './schemas/reference';
export * from './flows';
