/** The project's word lists as data. */
export * from './headers';
export * from './values';
