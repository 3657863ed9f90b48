// Offline sync: protocol codes and the pure merge rules shared by the server and the device.
export * from './codes';
export * from './merge';
